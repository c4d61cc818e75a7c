// Errors and warnings about a department file, each pointing at the line a clerk must fix.
// All problems of a run are collected (not just the first) and printed as
//   FILE:LINE:COL: 错误[E0xx]: message
//     提示：hint
#pragma once

#include <string>
#include <vector>

namespace bp {

struct Pos {
  int line = 0;  // 1-based; 0 = unknown (whole file)
  int col = 0;   // 1-based
};

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // "E031", "W101"
  Pos pos;
  std::string message;
  std::string hint;
};

// `s` as a message may show it: control characters as \xNN / \u00NN, invisible characters, bidi
// controls and non-characters as \uXXXX (a terminal must not obey them, a reader must see them),
// cut after `max_bytes` (a quoted value can be megabytes long). Diagnostics::format applies it;
// so must every other message that quotes a file's content or a path.
std::string printable(const std::string& s, size_t max_bytes = 2000);

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}
  void error(std::string code, Pos pos, std::string message, std::string hint = {});
  void warning(std::string code, Pos pos, std::string message, std::string hint = {});

  const std::string& file() const { return file_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  // Stable order: by position, then code.
  std::vector<Diagnostic> sorted() const;
  std::string format(const Diagnostic& d) const;
  std::string format_all() const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

}  // namespace bp
