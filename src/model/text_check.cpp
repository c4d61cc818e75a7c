#include "model/text_check.hpp"

#include <array>
#include <cstdio>
#include <string_view>

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {

// Keys whose values name or identify something (and end up in file names, table rows used for
// matching, sheet names): an invisible character there makes two different things look alike.
bool is_identifying_key(std::string_view k) {
  static constexpr std::string_view keys[] = {
      "code",         "name", "short_name", "unit",   "project", "item",
      "catalog_code", "uom",  "form",       "source", "level1",  "level2",
      "nature",       "rank", "funding",    "year",   "schema"};
  for (auto key : keys)
    if (k == key) return true;
  return false;
}

std::string u_plus(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

struct CharProblem {
  std::string message, hint;
};

// Non-characters, controls other than tab and line feed, line and paragraph separators.
std::optional<CharProblem> refused_char(char32_t c) {
  if (chars::is_noncharacter(c))
    return CharProblem{"文字中有 Unicode 非字符 " + u_plus(c) + "（不能显示或打印）",
                       "请删除这个字符；它通常来自损坏的复制粘贴或转换工具"};
  if (chars::is_control(c))
    return CharProblem{"文字中有控制字符 " + u_plus(c) + "（只允许制表符和换行）",
                       "请删除这个字符；它通常来自从其他系统复制的内容"};
  if (c == 0x2028 || c == 0x2029)
    // Line and paragraph separators (pasted from web pages and some editors): no font has a
    // glyph for them and the layout does not break lines there.
    return CharProblem{
        "文字中有" + std::string(c == 0x2028 ? "行" : "段落") + "分隔符 " + u_plus(c),
        "请改为普通换行（在带引号的文字中写 \\n，或使用 | 多行文字）"};
  return std::nullopt;
}

// Bytes of the character at `i` when libyaml refuses it or reads it as a line break, else 0.
size_t libyaml_refused_at(const std::string& t, size_t i) {
  const auto b = static_cast<unsigned char>(t[i]);
  const auto next = [&](size_t k) {
    return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u;
  };
  if (b < 0x20) return b == '\t' || b == '\n' || b == '\r' ? 0 : 1;
  if (b == 0x7F) return 1;
  if (b == 0xC2) return next(1) >= 0x80 && next(1) <= 0x9F ? 2 : 0;  // C1 controls, U+0085
  if (b == 0xE2) return next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9) ? 3 : 0;
  if (b == 0xEF) return next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF) ? 3 : 0;
  return 0;
}

// A character none of the checks below can refuse: printable ASCII, U+00A0–U+1FFF but the Arabic
// letter mark, and U+2070–U+FDCF (CJK, the fullwidth forms' neighbours). Every other code point
// goes through the full checks. Most characters of a department file are here.
constexpr bool ordinary_char(char32_t c) {
  return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x2000 && c != 0x061C) ||
         (c >= 0x2070 && c < 0xFDD0);
}

// A byte at which libyaml_refused_at cannot find anything: not a C0 control but tab, line feed and
// carriage return, not DEL, and not the first byte of U+0080–U+009F, U+2028/U+2029 or
// U+FFFE/U+FFFF.
constexpr bool ordinary_byte(unsigned char b) {
  return (b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 && b != 0xEF) || b == '\t' ||
         b == '\n' || b == '\r';
}

// The same as a table: replace_refused_chars looks at every byte of every department file.
constexpr std::array<bool, 256> kMaybeRefused = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = !ordinary_byte(static_cast<unsigned char>(b));
  return t;
}();

class Walker {
 public:
  Walker(const std::string& raw, Diagnostics& d) : raw_(raw), d_(d) {}
  bool ok = true;

  void node(const yaml::Node& n, bool identifying, bool under_catalog) {
    if (!n.defined()) return;
    tag(n);
    switch (n.kind()) {
      case yaml::Kind::Scalar:
        scalar(n, identifying);
        break;
      case yaml::Kind::Sequence:
        for (const auto& e : n) node(e, identifying, under_catalog);
        break;
      case yaml::Kind::Map:
        for (auto it = n.begin(); it != n.end(); ++it) {
          const yaml::Node k = it->first;
          const yaml::Node v = it->second;
          node(k, true, under_catalog);  // keys name things
          const bool cat = under_catalog || (k.is_scalar() && k.scalar() == "catalog");
          node(v, cat || (k.is_scalar() && is_identifying_key(k.scalar())), cat);
        }
        break;
      default:
        break;
    }
  }

 private:
  const std::string& raw_;
  Diagnostics& d_;

  static Pos pos_of(const yaml::Node& n) {
    const auto m = n.mark();
    if (m.line < 0) return {};
    return {m.line + 1, m.column + 1};
  }

  void tag(const yaml::Node& n) {
    const std::string_view t = n.tag();
    if (is_core_tag(t)) return;
    ok = false;
    d_.error("E018", pos_of(n), "不支持的 YAML 标签“" + std::string(t) + "”",
             "预算文件只用普通的文字、数字、列表和映射；请删除以 ! 开头的标签（例如 !!binary），"
             "直接写出内容");
  }

  // Where `c` (UTF-8 `enc`) is written literally in the raw text, searching from the scalar's
  // start; the scalar's own position when it came from an escape such as "\uFFFF".
  Pos locate(const yaml::Node& n, const std::string& enc) const {
    const auto m = n.mark();
    const Pos fallback = pos_of(n);
    if (m.pos < 0 || static_cast<size_t>(m.pos) > raw_.size()) return fallback;
    const size_t start = static_cast<size_t>(m.pos);
    // A scalar's text lies within a few times its length of its start (quotes, folding).
    const size_t limit = start + 4 * n.scalar().size() + 16;
    const size_t at = raw_.find(enc, start);
    if (at == std::string::npos || at > limit) return fallback;
    int line = 1, col = 1;
    for (size_t i = 0; i < at;) {
      const utf8::Decoded dd = utf8::decode(raw_, i);
      if (raw_[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
      i += dd.len;
    }
    return {line, col};
  }

  void scalar(const yaml::Node& n, bool identifying) {
    const std::string_view s = n.scalar();
    for (size_t i = 0; i < s.size();) {
      const utf8::Decoded dd = utf8::decode(s, i);
      // The character's bytes, copied only for a report (this runs for every character of a
      // department file).
      const std::string_view enc(s.data() + i, dd.len);
      i += dd.len;
      if (dd.valid() && ordinary_char(dd.cp)) continue;
      if (!dd.valid()) {
        // Only an escape can produce this: the file itself was checked for valid UTF-8.
        report("E016", n, enc, "文字中有单独的代理码位（\\uD800–\\uDFFF），不是有效字符",
               "请删除这个转义序列");
        return;
      }
      const char32_t c = dd.cp;
      if (auto p = refused_char(c)) {
        report("E016", n, enc, std::move(p->message), std::move(p->hint));
        return;
      }
      if (chars::is_bidi_control(c)) {
        report("E016", n, enc, "文字中有双向文字控制符 " + u_plus(c) + "（会改变文字的显示顺序）",
               "请删除这个不可见的控制符");
        return;
      }
      if (identifying && chars::is_invisible(c)) {
        report("E017", n, enc,
               "名称或编码中有不可见字符 " + u_plus(c) + "（看起来相同的名称或编码实际不同）",
               "请删除这个不可见字符，重新输入该名称或编码");
        return;
      }
    }
  }

  void report(const char* code, const yaml::Node& n, std::string_view enc, std::string msg,
              std::string hint) {
    ok = false;
    d_.error(code, locate(n, std::string(enc)), std::move(msg), std::move(hint));
  }
};

}  // namespace

bool is_core_tag(std::string_view tag) {
  static constexpr std::string_view allowed[] = {"",
                                                 "?",
                                                 "!",
                                                 "tag:yaml.org,2002:str",
                                                 "tag:yaml.org,2002:int",
                                                 "tag:yaml.org,2002:float",
                                                 "tag:yaml.org,2002:bool",
                                                 "tag:yaml.org,2002:null",
                                                 "tag:yaml.org,2002:map",
                                                 "tag:yaml.org,2002:seq"};
  for (auto a : allowed)
    if (tag == a) return true;
  return false;
}

std::optional<std::string> replace_refused_chars(const std::string& text, Diagnostics& diag) {
  std::optional<std::string> out;
  int reported_line = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if (!kMaybeRefused[bytes[i]]) continue;
    const size_t len = libyaml_refused_at(text, i);
    if (!len) continue;
    // Rare: the position is counted from the start (columns in characters, as Walker::locate).
    int line = 1, col = 1;
    for (size_t k = 0; k < i; k += utf8::decode(text, k).len) {
      if (text[k] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    if (line != reported_line) {
      reported_line = line;
      auto p = refused_char(utf8::decode(text, i).cp);
      diag.error("E016", {line, col}, std::move(p->message), std::move(p->hint));
    }
    if (!out) out = text;
    out->replace(i, len, len, '_');
    i += len - 1;
  }
  return out;
}

bool check_yaml_texts(const yaml::Node& root, const std::string& raw, Diagnostics& diag) {
  Walker w(raw, diag);
  w.node(root, false, false);
  return w.ok;
}

}  // namespace bp
