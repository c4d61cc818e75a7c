#include "model/diagnostics.hpp"

#include <algorithm>

namespace bp {

void Diagnostics::error(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(code), pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(code), pos, std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::vector<Diagnostic> Diagnostics::sorted() const {
  auto v = items_;
  std::stable_sort(v.begin(), v.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    if (a.pos.col != b.pos.col) return a.pos.col < b.pos.col;
    return a.code < b.code;
  });
  return v;
}

std::string Diagnostics::format(const Diagnostic& d) const {
  std::string s = file_;
  if (d.pos.line > 0) s += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.col, 1));
  s += d.severity == Severity::Error ? ": 错误[" : ": 警告[";
  s += d.code + "]: " + d.message;
  if (!d.hint.empty()) s += "\n  提示：" + d.hint;
  return s;
}

std::string Diagnostics::format_all() const {
  std::string out;
  for (const auto& d : sorted()) out += format(d) + "\n";
  return out;
}

}  // namespace bp
