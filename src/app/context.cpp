#include "app/context.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace bp {

Context::Context(std::filesystem::path config_dir, std::string theme)
    : config_dir_(std::move(config_dir)), theme_flag_(std::move(theme)) {
  if (!std::filesystem::is_directory(config_dir_))
    throw std::runtime_error("找不到配置目录 " + config_dir_.string());
  catalog_ = Catalog::load(config_dir_ / "catalog");
  for (const auto& id : list_profiles(config_dir_))
    profiles_.emplace(id, load_profile(config_dir_, id));
  templates_ = TemplateSet::load(config_dir_.parent_path() / "templates");
  dirs_.themes = {config_dir_ / "themes"};
  dirs_.fonts = {config_dir_.parent_path() / "fonts"};
  dirs_.default_theme = theme_flag_.empty() ? "default" : theme_flag_;
  themes_ = std::make_unique<Themes>(dirs_.themes, dirs_.default_theme);
  typesetting_ = std::make_unique<LazyTypesetting>(*themes_, dirs_.fonts);
  if (templates_.empty())
    throw std::runtime_error("找不到说明模板目录 " +
                             (config_dir_.parent_path() / "templates").string());
}

const layout::Theme& Context::theme_for(const Budget& b) const {
  return themes_->get(theme_flag_.empty() ? b.dept.theme.value : std::string());
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
