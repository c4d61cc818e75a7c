#include "app/context.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace bp {

Context::Context(std::filesystem::path config_dir) : config_dir_(std::move(config_dir)) {
  if (!std::filesystem::is_directory(config_dir_))
    throw std::runtime_error("找不到配置目录 " + config_dir_.string());
  catalog_ = Catalog::load(config_dir_ / "catalog");
  for (const auto& id : list_profiles(config_dir_))
    profiles_.emplace(id, load_profile(config_dir_, id));
  templates_ = TemplateSet::load(config_dir_.parent_path() / "templates");
  typesetting_ = std::make_unique<LazyTypesetting>(config_dir_);
  if (templates_.empty())
    throw std::runtime_error("找不到说明模板目录 " +
                             (config_dir_.parent_path() / "templates").string());
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
