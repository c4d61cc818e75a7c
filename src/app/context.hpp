// What every department build shares, loaded once per process and read-only afterwards:
// the configuration layers (installed defaults and a site overlay), the classification catalogues,
// the year profiles and the narrative templates.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "app/config_layers.hpp"
#include "app/typesetting.hpp"
#include "document/templates.hpp"
#include "model/catalog.hpp"
#include "model/profile.hpp"

namespace bp {

class Context {
 public:
  // Throws std::runtime_error when the configuration cannot be read.
  explicit Context(ConfigLayers layers);
  // The configuration directory alone (no overlay; templates/ and fonts/ beside it or installed).
  explicit Context(const std::filesystem::path& config_dir);
  const std::filesystem::path& config_dir() const { return layers_.config_dir(); }
  const ConfigLayers& layers() const { return layers_; }
  // The theme file in use (overlay first).
  const std::filesystem::path& theme_file() const { return theme_file_; }
  // The directory whose themes/<name>.yaml is the theme in use — what xlsx::options_from_config
  // reads the body font from (the overlay's when it has a theme).
  std::filesystem::path theme_root() const { return theme_file_.parent_path().parent_path(); }
  const Catalog& catalog() const { return catalog_; }
  // nullptr when there is no such profile.
  const Profile* profile(const std::string& id) const;
  // The profile that is the own form of budget year `year` (its `years:`), nullptr when none is.
  const Profile* profile_for_year(int year) const;
  // templates/ beside config/ (or installed), overlaid by the site's templates/.
  const TemplateSet& templates() const { return templates_; }
  // Theme and fonts, loaded on first use (only builds that typeset need them).
  Typesetting& typesetting() const { return typesetting_->get(); }

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
  std::map<std::string, Profile> profiles_;
  TemplateSet templates_;
  std::unique_ptr<LazyTypesetting> typesetting_;
};

}  // namespace bp
