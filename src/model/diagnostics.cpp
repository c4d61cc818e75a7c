#include "model/diagnostics.hpp"

#include <algorithm>
#include <cstdio>

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {
// Messages quote values of the file; a hostile file must not be able to send control characters
// (terminal escape sequences, NUL, BEL) to the clerk's terminal or log: C0, DEL and C1 controls
// are shown as \xNN / \u00NN; invisible characters, bidi controls and non-characters as \uXXXX
// (a code "43<U+200B>4" must not print as "434"). A quoted value can be megabytes long (a 3 MB key
// or code): the text is cut after kMaxBytes, on a character boundary.
std::string printable_impl(const std::string& s, size_t kMaxBytes) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(std::min(s.size(), kMaxBytes + 64));
  for (size_t i = 0; i < s.size(); ++i) {
    if (out.size() >= kMaxBytes && !utf8::is_continuation(s[i])) {
      out += "…（以下 " + std::to_string(s.size() - i) + " 字节从略）";
      break;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {  // U+0080–U+009F
      const unsigned char d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else if (c >= 0xc2) {
      const utf8::Decoded d = utf8::decode(s, i);
      if (d.valid() && chars::needs_escape_in_message(d.cp)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(d.cp));
        out += buf;
        i += d.len - 1;
      } else {
        out += static_cast<char>(c);
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}
}  // namespace

std::string printable(const std::string& s, size_t max_bytes) {
  return printable_impl(s, max_bytes);
}

void Diagnostics::error(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(code), pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, Pos pos, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(code), pos, std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

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
  std::string s = printable(file_);
  if (d.pos.line > 0)
    s += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.col, 1));
  s += d.severity == Severity::Error ? ": 错误[" : ": 警告[";
  s += d.code + "]: " + printable(d.message);
  if (!d.hint.empty()) s += "\n  提示：" + printable(d.hint);
  return s;
}

std::string Diagnostics::format_all() const {
  std::string out;
  for (const auto& d : sorted()) out += format(d) + "\n";
  return out;
}

}  // namespace bp
