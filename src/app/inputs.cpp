#include "app/inputs.hpp"

#include <algorithm>

namespace bp {

namespace {
bool is_yaml(const std::filesystem::path& p) {
  auto e = p.extension().string();
  return e == ".yaml" || e == ".yml";
}
}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths) {
  InputList out;
  for (const auto& arg : paths) {
    std::filesystem::path p(arg);
    std::error_code ec;
    auto st = std::filesystem::status(p, ec);
    if (ec || !std::filesystem::exists(st)) {
      out.errors.push_back(arg + "：路径不存在");
      continue;
    }
    if (std::filesystem::is_directory(st)) {
      std::vector<std::filesystem::path> found;
      auto it = std::filesystem::recursive_directory_iterator(
          p, std::filesystem::directory_options::skip_permission_denied, ec);
      for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && is_yaml(it->path())) found.push_back(it->path());
      }
      if (ec) out.errors.push_back(arg + "：无法读取目录（" + ec.message() + "）");
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else {
      out.files.push_back(p);
    }
  }
  return out;
}

}  // namespace bp
