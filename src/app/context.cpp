#include "app/context.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace bp {

Context::Context(const std::filesystem::path& config_dir)
    : Context(ConfigLayers(config_dir, installed_config_dir(nullptr), {})) {}

Context::Context(ConfigLayers layers) : layers_(std::move(layers)) {
  theme_file_ = find_theme_file(layers_, "default");
  catalog_ = Catalog::load_files(layers_.files(ConfigPart::Catalog));
  for (const auto& [rel, file] : layers_.files(ConfigPart::Profiles)) {
    if (file.extension() != ".yaml" || rel.find('/') != std::string::npos) continue;
    profiles_.emplace(file.stem().string(), load_profile_file(file));
  }
  templates_ = TemplateSet::load_files(layers_.files(ConfigPart::Templates));
  auto font_dirs = layers_.dirs(ConfigPart::Fonts);
  std::reverse(font_dirs.begin(), font_dirs.end());  // the overlay's fonts are registered first
  typesetting_ = std::make_unique<LazyTypesetting>(theme_file_, std::move(font_dirs));
  if (templates_.empty())
    throw std::runtime_error("找不到说明模板目录 " +
                             layers_.dirs(ConfigPart::Templates).front().string());
}

const Profile* Context::profile(const std::string& id) const {
  auto it = profiles_.find(id);
  return it == profiles_.end() ? nullptr : &it->second;
}

const Profile* Context::profile_for_year(int year) const {
  for (const auto& [id, p] : profiles_)
    if (std::find(p.years.begin(), p.years.end(), year) != p.years.end()) return &p;
  return nullptr;
}

std::filesystem::path Context::find_config_dir(const std::string& flag, const char* argv0) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("BUDGETPRESS_CONFIG"); env && *env) return env;
  return installed_config_dir(argv0);
}

std::filesystem::path Context::find_site_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("BUDGETPRESS_SITE"); env && *env) return env;
  return {};
}

std::filesystem::path Context::installed_config_dir(const char* argv0) {
  std::error_code ec;
  auto exe = std::filesystem::canonical("/proc/self/exe", ec);
  if (ec && argv0) exe = std::filesystem::absolute(argv0, ec);
  if (!ec) {
    for (auto dir : {exe.parent_path().parent_path() / "config",
                     exe.parent_path().parent_path() / "share" / "budgetpress" / "config"})
      if (std::filesystem::is_directory(dir / "profiles")) return dir;
  }
  return std::filesystem::path(BP_SOURCE_DIR) / "config";
}

}  // namespace bp
