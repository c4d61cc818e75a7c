// What every department build shares, loaded once per process and read-only afterwards:
// the configuration directory, the classification catalogues and the year profiles.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/typesetting.hpp"
#include "document/templates.hpp"
#include "model/catalog.hpp"
#include "model/profile.hpp"

namespace bp {

class Context {
 public:
  // Throws std::runtime_error when the configuration cannot be read. `theme`: --theme (the theme
  // of every department of the run, over their own `theme:`); "" = each department's, else default.
  explicit Context(std::filesystem::path config_dir, std::string theme = "");
  const std::filesystem::path& config_dir() const { return config_dir_; }
  const Catalog& catalog() const { return catalog_; }
  // nullptr when there is no such profile.
  const Profile* profile(const std::string& id) const;
  // The profile that is the own form of budget year `year` (its `years:`), nullptr when none is.
  const Profile* profile_for_year(int year) const;
  // templates/ beside config/.
  const TemplateSet& templates() const { return templates_; }
  // Theme and fonts, loaded on first use (only builds that typeset need them).
  Typesetting& typesetting() const { return typesetting_->get(); }
  // Where themes are looked up, in order (layout::resolve_theme): config/themes/.
  const std::vector<std::filesystem::path>& theme_dirs() const { return dirs_.themes; }
  // --theme ("" = none).
  const std::string& theme_flag() const { return theme_flag_; }
  // The theme a department is typeset with: --theme, else its `theme:`, else default. Throws
  // ThemeError (a configuration error) when it cannot be found or read. Loads no fonts.
  const layout::Theme& theme_for(const Budget& b) const;
  Themes& themes() const { return *themes_; }

  // --config, else $BUDGETPRESS_CONFIG, else config/ beside the executable's parent, else the
  // source tree's config/ (a developer build).
  static std::filesystem::path find_config_dir(const std::string& flag, const char* argv0);

 private:
  std::filesystem::path config_dir_;
  Catalog catalog_;
  std::map<std::string, Profile> profiles_;
  TemplateSet templates_;
  std::string theme_flag_;
  TypesettingDirs dirs_;
  std::unique_ptr<Themes> themes_;
  std::unique_ptr<LazyTypesetting> typesetting_;
};

}  // namespace bp
