#include "cli/site_command.hpp"

#include <fstream>
#include <iostream>

#include "app/config_layers.hpp"
#include "app/context.hpp"
#include "cli/command_setup.hpp"
#include "cli/site_readme.hpp"
#include "util/atomic_file.hpp"

namespace bp::cli {

namespace fs = std::filesystem;

int run_site_init(const std::string& dir) {
  const fs::path root(dir);
  std::error_code ec;
  if (fs::exists(root, ec) && !(fs::is_directory(root, ec) && fs::is_empty(root, ec))) {
    std::cerr << "budgetpress: 错误: " << dir << " 已存在且不是空目录；请指定一个新目录\n";
    return kUsage;
  }
  try {
    for (const char* sub : {"catalog/function", "catalog/economic", "catalog/function-notes",
                            "profiles", "themes", "templates/blocks", "fonts"})
      fs::create_directories(root / sub);
    write_file_atomic(root / "README.md", kSiteReadme);
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: 无法新建站点配置目录：" << e.what() << "\n";
    return kUsage;
  }
  std::cout << "已新建站点配置目录 " << dir << "（说明见其中的 README.md）\n";
  return kOk;
}

int run_site_show(const Options& opt) {
  std::optional<ConfigLayers> layers;
  try {
    layers.emplace(Context::find_config_dir(opt.config_dir, opt.argv0),
                   Context::installed_config_dir(opt.argv0), Context::find_site_dir(opt.site_dir));
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误[E629]: " << e.what() << "\n";
    return kUsage;
  }
  std::cout << "默认配置：" << layers->config_dir().string() << "\n";
  std::cout << "站点配置："
            << (layers->site() ? layers->site()->string()
                               : std::string("（未使用：没有 --site，也没有 BUDGETPRESS_SITE）"))
            << "\n";
  try {
    std::cout << "主题：default → " << find_theme_file(*layers, "default").string() << "\n";
  } catch (const std::exception& e) {
    std::cout << "主题：" << e.what() << "\n";
  }
  size_t from_site = 0;
  for (auto part : kConfigParts) {
    auto files = layers->files(part);
    if (part == ConfigPart::Templates)  // blocks are listed on their own
      std::erase_if(files, [](const auto& kv) {
        return kv.first.rfind("blocks/", 0) == 0 || kv.first.find("/blocks/") != std::string::npos;
      });
    std::cout << "\n"
              << part_title(part) << "（" << part_dir_name(part) << "/）：" << files.size()
              << " 个文件\n";
    for (const auto& [rel, file] : files) {
      const bool site = layers->from_site(file);
      from_site += site ? 1 : 0;
      std::cout << "  " << (site ? "站点" : "默认") << "  " << rel << "  " << file.string() << "\n";
    }
  }
  std::cout << "\n共 " << from_site << " 个文件来自站点配置\n";
  return kOk;
}

}  // namespace bp::cli
