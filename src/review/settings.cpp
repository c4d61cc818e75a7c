#include "review/settings.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bp::review {

namespace {

std::string where(const std::filesystem::path& file, const YAML::Node& n) {
  const auto m = n.Mark();
  return file.string() + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

std::set<std::string> codes(const std::filesystem::path& file, const YAML::Node& n) {
  std::set<std::string> out;
  if (!n.IsSequence())
    throw std::runtime_error(where(file, n) + ": off 应为规则代码的列表，如 [W210, W250]");
  for (const auto& c : n) {
    const std::string code = c.IsScalar() ? c.Scalar() : std::string();
    if (!is_rule_code(code))
      throw std::runtime_error(where(file, c) + ": 未知的审核规则代码“" + code +
                               "”（见 docs/review.md）");
    out.insert(code);
  }
  return out;
}

}  // namespace

SettingsFile load_settings_file(const std::filesystem::path& file) {
  SettingsFile s;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return s;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                             std::to_string(e.mark.column + 1) + ": YAML 格式错误：" + e.msg);
  }
  if (root.IsNull()) return s;
  if (!root.IsMap())
    throw std::runtime_error(file.string() + ": 应为映射（off: [...], departments: {...}）");
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key == "off") {
      s.off = codes(file, kv.second);
    } else if (key == "departments") {
      if (!kv.second.IsMap())
        throw std::runtime_error(where(file, kv.second) +
                                 ": departments 应为“部门编码: [规则代码…]”的映射");
      for (const auto& d : kv.second) s.by_department[d.first.Scalar()] = codes(file, d.second);
    } else {
      throw std::runtime_error(where(file, kv.first) + ": 未知的键“" + key +
                               "”（可用：off, departments）");
    }
  }
  return s;
}

void merge(SettingsFile& into, const SettingsFile& more) {
  into.off.insert(more.off.begin(), more.off.end());
  for (const auto& [code, off] : more.by_department)
    into.by_department[code].insert(off.begin(), off.end());
}

Settings settings_for(const SettingsFile& files, const Budget& b, Diagnostics& diag) {
  Settings s;
  s.off = files.off;
  if (auto it = files.by_department.find(b.dept.code.value); it != files.by_department.end())
    s.off.insert(it->second.begin(), it->second.end());
  for (const auto& t : b.review.off) {
    if (is_rule_code(t.value))
      s.off.insert(t.value);
    else
      diag.error("E200", t.pos, "未知的审核规则代码“" + t.value + "”",
                 "review.off 中只能写 docs/review.md 列出的规则代码（W200–W299），如 W210");
  }
  return s;
}

}  // namespace bp::review
