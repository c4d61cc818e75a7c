#include "style/theme_resolve.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "style/theme.hpp"

namespace bp::style {

std::vector<std::string> list_themes(const std::vector<std::filesystem::path>& search_dirs) {
  std::set<std::string> names;
  for (const auto& dir : search_dirs) {
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      std::error_code fec;
      if (it->path().extension() == ".yaml" && it->is_regular_file(fec))
        names.insert(it->path().stem().string());
    }
  }
  return {names.begin(), names.end()};
}

std::filesystem::path resolve_theme(std::string_view name,
                                    const std::vector<std::filesystem::path>& search_dirs) {
  const std::string n(name);
  if (n.empty() || n.front() == '.' || n.find('/') != std::string::npos ||
      n.find('\\') != std::string::npos)
    throw ThemeError(
        "", "主题名“" + n + "”不对：应为主题文件名（不含 .yaml 和目录），如 default、gongwen",
        "E600");
  std::string looked;
  for (const auto& dir : search_dirs) {
    const auto file = dir / (n + ".yaml");
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) return file;
    looked += (looked.empty() ? "" : "、") + dir.string();
  }
  std::string known;
  for (const auto& t : list_themes(search_dirs)) known += (known.empty() ? "" : "、") + t;
  throw ThemeError("",
                   "找不到主题“" + n + "”（已查找目录：" + (looked.empty() ? "无" : looked) +
                       "；应有文件 " + n + ".yaml）。现有主题：" + (known.empty() ? "无" : known),
                   "E600");
}

}  // namespace bp::style
