// What an import found, in the order found: errors (no faithful YAML possible, or a value the
// schema rejects), warnings (尾差 and other disagreements — reported, never "fixed") and notes.
#pragma once

#include <string>
#include <vector>

namespace bp::import {

struct Finding {
  enum class Level { Error, Warning, Note };
  Level level = Level::Warning;
  std::string where;  // "收入总表!D7", or empty
  std::string text;
};

class Report {
 public:
  void error(std::string where, std::string text) {
    add(Finding::Level::Error, std::move(where), std::move(text));
  }
  void warning(std::string where, std::string text) {
    add(Finding::Level::Warning, std::move(where), std::move(text));
  }
  void note(std::string where, std::string text) {
    add(Finding::Level::Note, std::move(where), std::move(text));
  }
  const std::vector<Finding>& all() const { return items_; }
  size_t count(Finding::Level l) const {
    size_t n = 0;
    for (const auto& f : items_) n += f.level == l;
    return n;
  }
  bool has_errors() const { return count(Finding::Level::Error) > 0; }
  // "收入总表!D7: text" (or just the text).
  static std::string line(const Finding& f) {
    return f.where.empty() ? f.text : f.where + ": " + f.text;
  }

 private:
  void add(Finding::Level l, std::string where, std::string text) {
    items_.push_back({l, std::move(where), std::move(text)});
  }
  std::vector<Finding> items_;
};

}  // namespace bp::import
