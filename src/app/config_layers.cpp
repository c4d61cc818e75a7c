#include "app/config_layers.hpp"

#include <algorithm>

#include "style/theme_resolve.hpp"

namespace bp {

namespace fs = std::filesystem;

namespace {

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// Every regular file below `dir` by its generic relative path; hidden entries skipped, order
// stable.
void collect_files(const fs::path& dir, std::map<std::string, fs::path>& out) {
  if (!is_dir(dir)) return;
  std::error_code ec;
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    // The entry's own path below `dir`, taken from the path itself: fs::relative would resolve
    // both paths on disk (a readlink per component — ≈ 500 system calls at every start, issue 20s)
    // and name a symlinked file after its target instead of its place in the layer.
    if (it->is_regular_file(ec))
      out[it->path().lexically_relative(dir).generic_string()] = it->path();
  }
}

bool is_block(const std::string& rel) {
  return rel.rfind("blocks/", 0) == 0 || rel.find("/blocks/") != std::string::npos;
}

}  // namespace

const char* part_dir_name(ConfigPart part) {
  switch (part) {
    case ConfigPart::Catalog:
      return "catalog";
    case ConfigPart::Profiles:
      return "profiles";
    case ConfigPart::Themes:
      return "themes";
    case ConfigPart::Templates:
      return "templates";
    case ConfigPart::Blocks:
      return "templates/blocks";
    case ConfigPart::Fonts:
      return "fonts";
  }
  return "";
}

const char* part_title(ConfigPart part) {
  switch (part) {
    case ConfigPart::Catalog:
      return "科目目录";
    case ConfigPart::Profiles:
      return "年度格式";
    case ConfigPart::Themes:
      return "主题";
    case ConfigPart::Templates:
      return "说明模板";
    case ConfigPart::Blocks:
      return "固定语句（blocks）";
    case ConfigPart::Fonts:
      return "字体";
  }
  return "";
}

ConfigLayers::ConfigLayers(fs::path config_dir, const fs::path& installed_config, fs::path site)
    : config_dir_(std::move(config_dir)) {
  if (!is_dir(config_dir_)) throw ConfigLayersError("找不到配置目录 " + config_dir_.string());
  // templates/ and fonts/ sit beside config/; a --config copied elsewhere without them uses the
  // installed program's (they used to be required beside it).
  auto beside = [&](const char* name) {
    for (const auto& base : {config_dir_.parent_path(), installed_config.parent_path()})
      if (is_dir(base / name)) return base / name;
    return config_dir_.parent_path() / name;
  };
  templates_dir_ = beside("templates");
  fonts_dir_ = beside("fonts");
  if (site.empty()) return;
  if (!is_dir(site))
    throw ConfigLayersError("站点配置目录 " + site.string() +
                            " 不存在或不是目录（--site / BUDGETPRESS_SITE）");
  bool any = false;
  for (const char* sub : {"catalog", "profiles", "themes", "templates", "fonts"})
    any = any || is_dir(site / sub);
  if (!any)
    throw ConfigLayersError(
        "站点配置目录 " + site.string() +
        " 里没有 catalog/、profiles/、themes/、templates/、fonts/ 中的任何一个子目录"
        "（用 budgetpress site init 目录 新建）");
  site_ = std::move(site);
}

std::vector<fs::path> ConfigLayers::dirs(ConfigPart part) const {
  std::vector<fs::path> out;
  switch (part) {
    case ConfigPart::Catalog:
      out.push_back(config_dir_ / "catalog");
      break;
    case ConfigPart::Profiles:
      out.push_back(config_dir_ / "profiles");
      break;
    case ConfigPart::Themes:
      out.push_back(config_dir_ / "themes");
      break;
    case ConfigPart::Templates:
      out.push_back(templates_dir_);
      break;
    case ConfigPart::Blocks:
      out.push_back(templates_dir_);
      break;
    case ConfigPart::Fonts:
      out.push_back(fonts_dir_);
      break;
  }
  if (site_) {
    const char* sub = part == ConfigPart::Blocks ? "templates" : part_dir_name(part);
    out.push_back(*site_ / sub);
  }
  return out;
}

std::map<std::string, fs::path> ConfigLayers::files(ConfigPart part) const {
  std::map<std::string, fs::path> out;
  for (const auto& d : dirs(part)) collect_files(d, out);  // later layers overwrite earlier ones
  if (part == ConfigPart::Blocks)
    std::erase_if(out, [](const auto& kv) { return !is_block(kv.first); });
  return out;
}

std::optional<fs::path> ConfigLayers::find(ConfigPart part, const std::string& rel) const {
  auto ds = dirs(part);
  for (auto it = ds.rbegin(); it != ds.rend(); ++it) {
    std::error_code ec;
    if (fs::is_regular_file(*it / rel, ec)) return *it / rel;
  }
  return std::nullopt;
}

bool ConfigLayers::from_site(const fs::path& file) const {
  if (!site_) return false;
  auto rel = file.lexically_relative(*site_);
  return !rel.empty() && *rel.begin() != "..";
}

std::vector<fs::path> theme_dirs(const ConfigLayers& layers) {
  auto dirs = layers.dirs(ConfigPart::Themes);  // lowest layer first; a lookup wants it last
  std::reverse(dirs.begin(), dirs.end());
  return dirs;
}

fs::path find_theme_file(const ConfigLayers& layers, const std::string& name) {
  return style::resolve_theme(name, theme_dirs(layers));
}

}  // namespace bp
