#include "model/text_check.hpp"

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

class Walker {
 public:
  Walker(const std::string& raw, Diagnostics& d) : raw_(raw), d_(d) {}
  bool ok = true;

  void node(const YAML::Node& n, bool identifying, bool under_catalog) {
    if (!n.IsDefined()) return;
    tag(n);
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        scalar(n, identifying);
        break;
      case YAML::NodeType::Sequence:
        for (const auto& e : n) node(e, identifying, under_catalog);
        break;
      case YAML::NodeType::Map:
        for (auto it = n.begin(); it != n.end(); ++it) {
          const YAML::Node k = it->first;
          const YAML::Node v = it->second;
          node(k, true, under_catalog);  // keys name things
          const bool cat = under_catalog || (k.IsScalar() && k.Scalar() == "catalog");
          node(v, cat || (k.IsScalar() && is_identifying_key(k.Scalar())), cat);
        }
        break;
      default:
        break;
    }
  }

 private:
  const std::string& raw_;
  Diagnostics& d_;

  static Pos pos_of(const YAML::Node& n) {
    const auto m = n.Mark();
    if (m.line < 0) return {};
    return {m.line + 1, m.column + 1};
  }

  void tag(const YAML::Node& n) {
    const std::string& t = n.Tag();
    if (is_core_tag(t)) return;
    ok = false;
    d_.error("E018", pos_of(n), "不支持的 YAML 标签“" + t + "”",
             "预算文件只用普通的文字、数字、列表和映射；请删除以 ! 开头的标签（例如 !!binary），"
             "直接写出内容");
  }

  // Where `c` (UTF-8 `enc`) is written literally in the raw text, searching from the scalar's
  // start; the scalar's own position when it came from an escape such as "\uFFFF".
  Pos locate(const YAML::Node& n, const std::string& enc) const {
    const auto m = n.Mark();
    const Pos fallback = pos_of(n);
    if (m.pos < 0 || static_cast<size_t>(m.pos) > raw_.size()) return fallback;
    const size_t start = static_cast<size_t>(m.pos);
    // A scalar's text lies within a few times its length of its start (quotes, folding).
    const size_t limit = start + 4 * n.Scalar().size() + 16;
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

  void scalar(const YAML::Node& n, bool identifying) {
    const std::string& s = n.Scalar();
    for (size_t i = 0; i < s.size();) {
      const utf8::Decoded dd = utf8::decode(s, i);
      // The character's bytes, copied only for a report (this runs for every character of a
      // department file).
      const std::string_view enc(s.data() + i, dd.len);
      i += dd.len;
      if (dd.valid() && dd.cp < 0x80 && dd.cp >= 0x20 && dd.cp != 0x7F) continue;  // printable ASCII
      if (!dd.valid()) {
        // Only an escape can produce this: the file itself was checked for valid UTF-8.
        report("E016", n, enc, "文字中有单独的代理码位（\\uD800–\\uDFFF），不是有效字符",
               "请删除这个转义序列");
        return;
      }
      const char32_t c = dd.cp;
      if (chars::is_noncharacter(c)) {
        report("E016", n, enc, "文字中有 Unicode 非字符 " + u_plus(c) + "（不能显示或打印）",
               "请删除这个字符；它通常来自损坏的复制粘贴或转换工具");
        return;
      }
      if (chars::is_control(c)) {
        report("E016", n, enc, "文字中有控制字符 " + u_plus(c) + "（只允许制表符和换行）",
               "请删除这个字符；它通常来自从其他系统复制的内容");
        return;
      }
      if (c == 0x2028 || c == 0x2029) {
        // Line and paragraph separators (pasted from web pages and some editors): no font has
        // a glyph for them and the layout does not break lines there.
        report("E016", n, enc,
               "文字中有" + std::string(c == 0x2028 ? "行" : "段落") + "分隔符 " + u_plus(c),
               "请改为普通换行（在带引号的文字中写 \\n，或使用 | 多行文字）");
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

  void report(const char* code, const YAML::Node& n, std::string_view enc, std::string msg,
              std::string hint) {
    ok = false;
    d_.error(code, locate(n, std::string(enc)), std::move(msg), std::move(hint));
  }
};

}  // namespace

bool is_core_tag(const std::string& tag) {
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

bool check_yaml_texts(const YAML::Node& root, const std::string& raw, Diagnostics& diag) {
  Walker w(raw, diag);
  w.node(root, false, false);
  return w.ok;
}

}  // namespace bp
