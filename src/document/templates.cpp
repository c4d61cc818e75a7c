#include "document/templates.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bp {

TemplateSet TemplateSet::load(const std::filesystem::path& dir) {
  TemplateSet t;
  if (!std::filesystem::is_directory(dir)) return t;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".mustache") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto rel = std::filesystem::relative(e.path(), dir).replace_extension("");
    t.texts_[rel.generic_string()] = ss.str();
  }
  return t;
}

TemplateSet TemplateSet::load_files(const std::map<std::string, std::filesystem::path>& files) {
  TemplateSet t;
  for (const auto& [rel, path] : files) {
    if (path.extension() != ".mustache") continue;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("无法读取说明模板 " + path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    t.texts_[std::filesystem::path(rel).replace_extension("").generic_string()] = ss.str();
  }
  return t;
}

const std::string& TemplateSet::get(const std::string& name) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) throw std::runtime_error("缺少说明模板 templates/" + name + ".mustache");
  return it->second;
}

}  // namespace bp
