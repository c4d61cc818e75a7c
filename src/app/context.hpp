// What every department build shares, loaded once per process and read-only afterwards:
// the configuration layers (installed defaults and a site overlay), the classification catalogues,
// the year profiles and the narrative templates. The year profiles are parsed when first asked for
// (a department needs one); load_all_profiles() validates all of them, as the commands that do not
// build (check, import, …) do at start.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/config_layers.hpp"
#include "app/profile_store.hpp"
#include "app/typesetting.hpp"
#include "document/templates.hpp"
#include "model/catalog.hpp"
#include "model/profile.hpp"

namespace bp {

// When the year profiles are parsed: all at start (a malformed one stops the command before any
// department), or each when a department first needs it (build: a department needs one of five).
enum class ProfileLoading { AtStart, OnFirstUse };

class Context {
 public:
  // Throws std::runtime_error when the configuration cannot be read (ConfigLayersError for the
  // overlay, ThemeError for a --theme that cannot be found or read). `theme`: --theme (the theme of
  // every department of the run, over their own `theme:`); "" = each department's, else default.
  // With ProfileLoading::AtStart a malformed year profile throws ProfileError here.
  explicit Context(ConfigLayers layers, std::string theme = "",
                   ProfileLoading profiles = ProfileLoading::AtStart);
  // The configuration directory alone (no overlay; templates/ and fonts/ beside it or installed).
  explicit Context(const std::filesystem::path& config_dir, std::string theme = "",
                   ProfileLoading profiles = ProfileLoading::AtStart);
  const std::filesystem::path& config_dir() const { return layers_.config_dir(); }
  const ConfigLayers& layers() const { return layers_; }
  // The file of the run's theme (--theme, else default; overlay first).
  const std::filesystem::path& theme_file() const { return theme_file_; }
  const Catalog& catalog() const { return catalog_; }
  // nullptr when there is no such profile. Parses it on first use: throws ProfileError (a
  // RunAbort) when its file is malformed.
  const Profile* profile(const std::string& id) const { return profiles_.get(id); }
  // The profile that is the own form of budget year `year` (its `years:`), nullptr when none is.
  // Parses every profile (throws ProfileError for the first malformed one).
  const Profile* profile_for_year(int year) const;
  // Parses every profile not parsed yet; throws ProfileError for the first malformed one (in file
  // name order, as when they were all parsed at start).
  void load_all_profiles() const { profiles_.load_all(); }
  const ProfileStore& profiles() const { return profiles_; }
  // templates/ beside config/ (or installed), overlaid by the site's templates/.
  const TemplateSet& templates() const { return templates_; }
  // Theme and fonts, loaded on first use (only builds that typeset need them).
  Typesetting& typesetting() const { return typesetting_->get(); }
  // Where themes are looked up, in order (config_layers theme_dirs): the overlay's themes/ first.
  const std::vector<std::filesystem::path>& theme_dirs() const { return dirs_.themes; }
  // --theme ("" = none).
  const std::string& theme_flag() const { return theme_flag_; }
  // The theme a department is typeset with: --theme, else its `theme:`, else default. Throws
  // ThemeError (a configuration error) when it cannot be found or read. Loads no fonts.
  const layout::Theme& theme_for(const Budget& b) const;
  Themes& themes() const { return *themes_; }
  // `build --pdf-tags on|off` (docs/pdf-standards.md): overrides every theme's pdf.tagged; part of
  // the incremental build's input hash. Set before any department is built.
  void override_pdf_tagged(std::optional<bool> tagged) {
    pdf_tagged_ = tagged;
    themes_->override_pdf_tagged(tagged);
  }
  std::optional<bool> pdf_tagged_override() const { return pdf_tagged_; }

  // --config, else $BUDGETPRESS_CONFIG, else the installed config/ (installed_config_dir).
  static std::filesystem::path find_config_dir(const std::string& flag, const char* argv0);
  // config/ beside the executable's parent (or share/budgetpress/config), else the source tree's
  // config/ (a developer build).
  static std::filesystem::path installed_config_dir(const char* argv0);
  // --site, else $BUDGETPRESS_SITE, else none (empty).
  static std::filesystem::path find_site_dir(const std::string& flag);

 private:
  ConfigLayers layers_;
  std::filesystem::path theme_file_;
  Catalog catalog_;
  ProfileStore profiles_;
  TemplateSet templates_;
  std::string theme_flag_;
  TypesettingDirs dirs_;
  std::unique_ptr<Themes> themes_;
  std::unique_ptr<LazyTypesetting> typesetting_;
  std::optional<bool> pdf_tagged_;
};

}  // namespace bp
