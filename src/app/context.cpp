#include "app/context.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace bp {

Context::Context(const std::filesystem::path& config_dir, std::string theme,
                 ProfileLoading profiles)
    : Context(ConfigLayers(config_dir, installed_config_dir(nullptr), {}), std::move(theme),
              profiles) {}

Context::Context(ConfigLayers layers, std::string theme, ProfileLoading profiles)
    : layers_(std::move(layers)),
      profiles_(layers_.files(ConfigPart::Profiles)),
      theme_flag_(std::move(theme)) {
  catalog_ = Catalog::load_files(layers_.files(ConfigPart::Catalog));
  // At start: in the place of the sequence where they were always parsed (after the catalogues,
  // before the templates), so that the first error of a broken configuration is the same.
  if (profiles == ProfileLoading::AtStart) profiles_.load_all();
  templates_ = TemplateSet::load_files(layers_.files(ConfigPart::Templates));
  dirs_.themes = bp::theme_dirs(layers_);
  dirs_.fonts = layers_.dirs(ConfigPart::Fonts);
  std::reverse(dirs_.fonts.begin(), dirs_.fonts.end());  // the overlay's fonts are registered first
  dirs_.default_theme = theme_flag_.empty() ? "default" : theme_flag_;
  theme_file_ = find_theme_file(layers_, dirs_.default_theme);
  themes_ = std::make_unique<Themes>(dirs_.themes, dirs_.default_theme);
  typesetting_ = std::make_unique<LazyTypesetting>(*themes_, dirs_.fonts);
  if (templates_.empty())
    throw std::runtime_error("找不到说明模板目录 " +
                             layers_.dirs(ConfigPart::Templates).front().string());
}

const layout::Theme& Context::theme_for(const Budget& b) const {
  return themes_->get(theme_flag_.empty() ? b.dept.theme.value : std::string());
}

const Profile* Context::profile_for_year(int year) const {
  for (const Profile* p : profiles_.all())
    if (std::find(p->years.begin(), p->years.end(), year) != p->years.end()) return p;
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
