// Where each part of the configuration comes from. The installed defaults (config/ with templates/
// and fonts/ beside it) are the bottom layer; a bureau's site overlay (--site DIR or
// $BUDGETPRESS_SITE) lies over them file by file: a file of the overlay replaces the default of the
// same relative path, every other default stays (docs/cli.md#site). `--config DIR` replaces the
// defaults' config parts; the parts it lacks (templates/, fonts/ beside it) come from the installed
// program.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp {

enum class ConfigPart { Catalog, Profiles, Themes, Templates, Blocks, Fonts };
inline constexpr std::array kConfigParts{ConfigPart::Catalog, ConfigPart::Profiles,
                                         ConfigPart::Themes,  ConfigPart::Templates,
                                         ConfigPart::Blocks,  ConfigPart::Fonts};

// "catalog", "profiles", … — the directory name of the part in an overlay (blocks:
// templates/blocks).
const char* part_dir_name(ConfigPart part);
// "科目目录", "年度格式", … — the part's name for the clerk.
const char* part_title(ConfigPart part);

// Thrown for an unusable overlay or configuration directory; the commands exit 2 before any
// department.
class ConfigLayersError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ConfigLayers {
 public:
  // `config_dir`: the chosen config/ (already resolved: flag, env or installed);
  // `installed_config`: the installed program's config/, whose templates/ and fonts/ serve when
  // `config_dir` has none beside it; `site`: the overlay, or empty. Throws ConfigLayersError when
  // the overlay is not a directory or holds nothing an overlay may hold.
  ConfigLayers(std::filesystem::path config_dir, const std::filesystem::path& installed_config,
               std::filesystem::path site);

  const std::filesystem::path& config_dir() const { return config_dir_; }
  const std::optional<std::filesystem::path>& site() const { return site_; }

  // The part's directories, lowest precedence first (defaults, then the overlay's when it has one).
  std::vector<std::filesystem::path> dirs(ConfigPart part) const;
  // Relative path (generic, "function/2024.tsv") → the file that wins, for every regular file of
  // the part (hidden files skipped). Blocks are part of Templates too.
  std::map<std::string, std::filesystem::path> files(ConfigPart part) const;
  // The winning file of `rel` in `part`, or nullopt.
  std::optional<std::filesystem::path> find(ConfigPart part, const std::string& rel) const;
  // True when the winning file of `rel` is the overlay's.
  bool from_site(const std::filesystem::path& file) const;

 private:
  std::filesystem::path config_dir_;
  std::filesystem::path templates_dir_, fonts_dir_;
  std::optional<std::filesystem::path> site_;
};

// The directories a theme is looked up in, overlay first (the installed config/themes/ last).
std::vector<std::filesystem::path> theme_dirs(const ConfigLayers& layers);
// The theme file of theme `name` ("default" → themes/default.yaml), overlay first: the one place a
// theme's file is found (style::resolve_theme over theme_dirs), for the run's theme, a
// department's `theme:` and `site show`. Throws style::ThemeError (E600) naming the directories
// searched and the themes there when there is none.
std::filesystem::path find_theme_file(const ConfigLayers& layers, const std::string& name);

}  // namespace bp
