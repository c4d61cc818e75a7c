#include "util/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace bp::yaml {

// ---- Node ------------------------------------------------------------------------------------

Kind Node::kind() const {
  return tree_ ? tree_->nodes_[index_].kind : Kind::Null;
}
bool Node::is_null() const {
  return tree_ && tree_->nodes_[index_].kind == Kind::Null;
}
bool Node::is_scalar() const {
  return tree_ && tree_->nodes_[index_].kind == Kind::Scalar;
}
bool Node::is_seq() const {
  return tree_ && tree_->nodes_[index_].kind == Kind::Sequence;
}
bool Node::is_map() const {
  return tree_ && tree_->nodes_[index_].kind == Kind::Map;
}

std::string_view Node::scalar() const {
  if (!is_scalar()) return {};
  const Tree::Data& d = tree_->nodes_[index_];
  return std::string_view(tree_->chars_).substr(d.first, d.count);
}

std::string_view Node::tag() const {
  if (!tree_) return {};
  const Tree::Data& d = tree_->nodes_[index_];
  if (d.tag) return tree_->tags_[d.tag - 1];
  if (d.kind == Kind::Null) return "";
  return d.kind == Kind::Scalar && !d.plain ? "!" : "?";
}

Mark Node::mark() const {
  return tree_ ? tree_->nodes_[index_].mark : Mark{};
}

size_t Node::size() const {
  if (!tree_) return 0;
  const Tree::Data& d = tree_->nodes_[index_];
  if (d.kind == Kind::Sequence) return d.count;
  if (d.kind == Kind::Map) return d.count / 2;
  return 0;
}

Node Node::operator[](std::string_view key) const {
  if (!is_map()) return {};
  const Tree::Data& d = tree_->nodes_[index_];
  for (uint32_t i = 0; i < d.count; i += 2) {
    const Node k(tree_, tree_->kids_[d.first + i]);
    if (k.is_scalar() && k.scalar() == key) return Node(tree_, tree_->kids_[d.first + i + 1]);
  }
  return {};
}

Node::Iterator Node::begin() const {
  if (!is_seq() && !is_map()) return Iterator(tree_, nullptr, 0, 1);
  const Tree::Data& d = tree_->nodes_[index_];
  return Iterator(tree_, tree_->kids_.data() + d.first, 0, d.kind == Kind::Map ? 2 : 1);
}

Node::Iterator Node::end() const {
  if (!is_seq() && !is_map()) return Iterator(tree_, nullptr, 0, 1);
  const Tree::Data& d = tree_->nodes_[index_];
  return Iterator(tree_, tree_->kids_.data() + d.first, d.count, d.kind == Kind::Map ? 2 : 1);
}

// ---- Parser ----------------------------------------------------------------------------------

namespace {

// RAII around libyaml's parser and events.
struct Parser {
  yaml_parser_t p;
  // yaml_parser_initialize fails only when its buffers cannot be allocated; it then frees what
  // it got. Ignoring that left a parser in YAML_MEMORY_ERROR, which libyaml answers with "no
  // event" and success on every call: run() looped for ever (seen under --max-memory).
  Parser() {
    if (!yaml_parser_initialize(&p)) throw std::bad_alloc();
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};
struct Event {
  yaml_event_t e;
  bool live = false;
  ~Event() { reset(); }
  void reset() {
    if (live) yaml_event_delete(&e);
    live = false;
  }
};

// libyaml counts positions in characters; the loader's positions count columns in bytes (as
// yaml-cpp did, and as compilers and editors' quickfix lists do). Marks arrive in file order, so
// one forward walk converts them all.
class Positions {
 public:
  // libyaml skips a leading BOM before it counts characters; yaml-cpp's columns on line 1 started
  // after it too.
  explicit Positions(const std::string& t) : t_(t), bom_(t.starts_with("\xEF\xBB\xBF") ? 3 : 0) {
    byte_ = line_start_ = bom_;
  }

  // Byte offset and byte column of character `index` (libyaml's mark.index) on line `line`.
  Mark at(size_t index, size_t line) {
    if (index < char_) {  // backwards (a context mark): start over
      char_ = 0;
      byte_ = line_start_ = bom_;
    }
    while (char_ < index && byte_ < t_.size()) {
      const auto c = static_cast<unsigned char>(t_[byte_]);
      byte_ += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++char_;
      if (c == '\n') line_start_ = byte_;
    }
    return {static_cast<int>(line), static_cast<int>(byte_ - line_start_), static_cast<int>(byte_)};
  }

  // Where the token after byte offset `from` starts, skipping blanks, line ends and comments: the
  // mark yaml-cpp gives an empty value.
  Mark next_token(const Mark& from) const {
    size_t i = static_cast<size_t>(from.pos);
    int line = from.line;
    size_t line_start = i - static_cast<size_t>(from.column);
    while (i < t_.size()) {
      const char c = t_[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '\n') {
        ++line;
        line_start = ++i;
      } else if (c == '#' && (i == 0 || t_[i - 1] == ' ' || t_[i - 1] == '\t' ||
                              t_[i - 1] == '\n' || static_cast<int>(i) == from.pos)) {
        while (i < t_.size() && t_[i] != '\n') ++i;
      } else {
        break;
      }
    }
    // At the end of the text yaml-cpp's column is 0, also after a last line without a line end.
    if (i == t_.size()) line_start = i;
    return {line, static_cast<int>(i - line_start), static_cast<int>(i)};
  }

 private:
  const std::string& t_;
  size_t bom_;
  size_t char_ = 0, byte_ = 0, line_start_ = 0;
};

bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

}  // namespace

class Builder {
 public:
  Builder(const std::string& text, const ParseLimits& limits)
      : text_(text), limits_(limits), positions_(text) {}

  Parsed run() {
    Parsed out;
    tree_ = &out.tree;
    // The caller checked that the text is UTF-8: libyaml's detection finds UTF-8 and skips a BOM
    // (which is then not counted in its marks: see Positions).
    yaml_parser_set_input_string(&parser_.p, reinterpret_cast<const unsigned char*>(text_.data()),
                                 text_.size());
    // Rough sizes from the text (a department file has a node per ~15 bytes): fewer regrowths.
    tree_->nodes_.reserve(text_.size() / 16 + 8);
    tree_->kids_.reserve(text_.size() / 16 + 8);
    tree_->chars_.reserve(text_.size() / 2 + 16);
    Event ev;
    for (;;) {
      if (!yaml_parser_parse(&parser_.p, &ev.e)) {
        if (parser_.p.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
        out.problem = syntax_problem();
        return out;
      }
      ev.live = true;
      if (ev.e.type == YAML_NO_EVENT) {
        // libyaml's answer to any call once it has failed (or after the stream's end, which ends
        // this loop before): never loop on it. A parser that failed without saying why is out of
        // memory (the only failure libyaml does not report as a syntax problem).
        if (parser_.p.error == YAML_NO_ERROR || parser_.p.error == YAML_MEMORY_ERROR)
          throw std::bad_alloc();
        out.problem = syntax_problem();
        return out;
      }
      const yaml_event_type_t type = ev.e.type;
      if (auto p = event(ev.e)) {
        out.problem = std::move(p);
        return out;
      }
      ev.reset();
      if (type == YAML_STREAM_END_EVENT) break;
      if (type == YAML_DOCUMENT_END_EVENT && limits_.first_document_only) break;
    }
    if (alias_)
      out.problem = Problem{Problem::Kind::Alias, *alias_, {}};
    else if (second_doc_)
      out.problem = Problem{Problem::Kind::SecondDocument, *second_doc_, {}};
    return out;
  }

 private:
  struct Frame {
    uint32_t node;
    size_t first_kid;  // where its children start in scratch_
    bool flow;         // [ ] or { }
  };

  const std::string& text_;
  const ParseLimits& limits_;
  Positions positions_;
  Parser parser_;
  Tree* tree_ = nullptr;
  std::vector<Frame> stack_;
  std::vector<uint32_t> scratch_;  // children of the open collections, innermost last
  size_t nodes_ = 0;               // over all documents
  int documents_ = 0;
  std::optional<Mark> alias_, second_doc_;

  Mark mark(const yaml_mark_t& m) { return positions_.at(m.index, m.line); }

  std::optional<Problem> event(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents_ == 2) second_doc_ = mark(e.start_mark);
        return std::nullopt;
      case YAML_ALIAS_EVENT: {
        if (auto p = count(e)) return p;
        if (limits_.resolve_aliases) return alias(e);
        if (!alias_) alias_ = mark(e.start_mark);
        return add(Kind::Null, e, true, nullptr);
      }
      case YAML_SCALAR_EVENT: {
        if (auto p = count(e)) return p;
        const auto& s = e.data.scalar;
        const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE || s.style == YAML_ANY_SCALAR_STYLE;
        if (plain && !s.tag && is_null_text(value)) {
          auto p = add(Kind::Null, e, true, nullptr, value.empty());
          anchor(s.anchor);
          return p;
        }
        const auto p = add(Kind::Scalar, e, plain, s.tag);
        anchor(s.anchor);
        if (documents_ == 1) {
          Tree::Data& d = tree_->nodes_.back();
          d.first = static_cast<uint32_t>(tree_->chars_.size());
          d.count = static_cast<uint32_t>(value.size());
          tree_->chars_.append(value);
        }
        return p;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (auto p = count(e)) return p;
        const bool seq = e.type == YAML_SEQUENCE_START_EVENT;
        const yaml_char_t* tag = seq ? e.data.sequence_start.tag : e.data.mapping_start.tag;
        if (auto p = add(seq ? Kind::Sequence : Kind::Map, e, true, tag)) return p;
        anchor(seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor);
        // Later documents are not built: their frames only balance the end events.
        const auto node = documents_ == 1 ? static_cast<uint32_t>(tree_->nodes_.size() - 1) : 0;
        const bool flow = seq ? e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                              : e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        stack_.push_back({node, scratch_.size(), flow});
        return std::nullopt;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        const Frame f = stack_.back();
        stack_.pop_back();
        if (documents_ == 1) {
          Tree::Data& d = tree_->nodes_[f.node];
          d.first = static_cast<uint32_t>(tree_->kids_.size());
          d.count = static_cast<uint32_t>(scratch_.size() - f.first_kid);
          tree_->kids_.insert(tree_->kids_.end(), scratch_.begin() + f.first_kid, scratch_.end());
          scratch_.resize(f.first_kid);
        }
        return std::nullopt;
      }
      default:
        return std::nullopt;
    }
  }

  // With resolve_aliases: the anchor names of the first document and their nodes, latest last (a
  // name defined again names the later node from there on, as in yaml-cpp).
  std::vector<std::pair<std::string, uint32_t>> anchors_;

  void anchor(const yaml_char_t* name) {
    if (!limits_.resolve_aliases || !name || documents_ != 1) return;
    anchors_.emplace_back(reinterpret_cast<const char*>(name),
                          static_cast<uint32_t>(tree_->nodes_.size() - 1));
  }

  // The alias's anchor node becomes a child of the open collection once more (no copy: aliases
  // cost no memory, so an "alias bomb" is just a few shared nodes).
  std::optional<Problem> alias(const yaml_event_t& e) {
    if (documents_ != 1) return std::nullopt;
    const std::string_view name(reinterpret_cast<const char*>(e.data.alias.anchor));
    auto it = std::find_if(anchors_.rbegin(), anchors_.rend(),
                           [&](const auto& a) { return a.first == name; });
    if (it == anchors_.rend())
      return Problem{Problem::Kind::UnknownAnchor, mark(e.start_mark), std::string(name)};
    // An alias of a collection still open would make the tree a cycle: refused.
    for (const Frame& f : stack_)
      if (f.node == it->second) return Problem{Problem::Kind::Alias, mark(e.start_mark), {}};
    if (!stack_.empty()) scratch_.push_back(it->second);
    return std::nullopt;
  }

  // Nesting and node count, checked before the node is taken (yaml-cpp's order).
  std::optional<Problem> count(const yaml_event_t& e) {
    if (static_cast<int>(stack_.size()) + 1 >= limits_.max_depth)
      return Problem{Problem::Kind::TooDeep, mark(e.start_mark), {}};
    if (++nodes_ > limits_.max_nodes)
      return Problem{Problem::Kind::TooManyNodes, mark(e.start_mark), {}};
    return std::nullopt;
  }

  // Adds a node to the first document (later documents are only counted and checked).
  std::optional<Problem> add(Kind kind, const yaml_event_t& e, bool plain, const yaml_char_t* tag,
                             bool empty_value = false) {
    if (documents_ != 1) return std::nullopt;
    Tree::Data d;
    d.kind = kind;
    d.plain = plain;
    d.mark = mark(e.start_mark);
    if (empty_value) d.mark = empty_mark(d.mark);
    if (tag) {
      tree_->tags_.emplace_back(reinterpret_cast<const char*>(tag));
      d.tag = static_cast<uint32_t>(tree_->tags_.size());
    }
    const auto index = static_cast<uint32_t>(tree_->nodes_.size());
    tree_->nodes_.push_back(d);
    if (!stack_.empty()) scratch_.push_back(index);
    return std::nullopt;
  }

  // yaml-cpp's mark for an empty value: where the next token starts, except for a key without ":"
  // in a block map ("? key"), where the pair starts.
  Mark empty_mark(const Mark& at) {
    if (!stack_.empty() && !stack_.back().flow &&
        tree_->nodes_[stack_.back().node].kind == Kind::Map &&
        (scratch_.size() - stack_.back().first_kid) % 2 == 1) {
      size_t i = static_cast<size_t>(at.pos);
      while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\n' ||
                       text_[i - 1] == '\r'))
        --i;
      if (i == 0 || text_[i - 1] != ':') {
        const Mark key = tree_->nodes_[scratch_.back()].mark;
        size_t k = static_cast<size_t>(key.pos);
        while (k > 0 && text_[k - 1] == ' ') --k;
        if (k > 0 && text_[k - 1] == '?' && key.column >= static_cast<int>(key.pos - k + 1))
          return {key.line, key.column - static_cast<int>(key.pos - k + 1),
                  static_cast<int>(k - 1)};
        return key;
      }
    }
    return positions_.next_token(at);
  }

  Problem syntax_problem() {
    const yaml_parser_t& p = parser_.p;
    Problem out{Problem::Kind::Syntax, {}, p.problem ? p.problem : "unknown error"};
    if (p.error == YAML_READER_ERROR) {
      // Reader errors carry a byte offset instead of a mark.
      int line = 0;
      size_t line_start = 0;
      const size_t end = std::min(p.problem_offset, text_.size());
      for (size_t i = 0; i < end; ++i)
        if (text_[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
      out.mark = {line, static_cast<int>(end - line_start), static_cast<int>(end)};
      return out;
    }
    out.mark = mark(p.problem_mark);
    if (out.what == "found invalid Unicode character escape code") {
      out.kind = Problem::Kind::BadEscape;
      // libyaml stops after "\u" / "\U"; yaml-cpp pointed after the escape's hex digits.
      const auto p0 = static_cast<size_t>(out.mark.pos);
      if (p0 >= 2 && text_[p0 - 2] == '\\' && (text_[p0 - 1] == 'u' || text_[p0 - 1] == 'U')) {
        const int digits = text_[p0 - 1] == 'u' ? 4 : 8;
        out.mark.column += digits;
        out.mark.pos += digits;
      }
    }
    if (p.context) out.what = std::string(p.context) + ": " + out.what;
    return out;
  }
};

Parsed parse(const std::string& text, const ParseLimits& limits) {
  Builder b(text, limits);
  return b.run();
}

// ---- Messages --------------------------------------------------------------------------------

namespace {
struct Translation {
  std::string_view en, zh;
};
// libyaml's problem and context strings (scanner.c, parser.c) that a hand-written file can hit.
constexpr Translation kTranslations[] = {
    {"mapping values are not allowed in this context",
     "此处不能出现“键: 值”（常见原因：值中含有“: ”却没有加引号，或缩进不对）"},
    {"mapping keys are not allowed in this context", "此处不能出现映射的键"},
    {"block sequence entries are not allowed in this context",
     "此处不能出现以“- ”开头的列表项（常见原因：缩进不对）"},
    {"could not find expected ':'",
     "找不到应有的“:”（常见原因：一行写了键却没有冒号，或引号未闭合）"},
    {"did not find expected key", "找不到应有的键（常见原因：缩进不对齐）"},
    {"did not find expected node content", "找不到应有的内容"},
    {"did not find expected ',' or ']'", "找不到应有的“,”或“]”（方括号未闭合）"},
    {"did not find expected ',' or '}'", "找不到应有的“,”或“}”（花括号未闭合）"},
    {"did not find expected '-' indicator", "找不到应有的“- ”（列表项缩进不对齐）"},
    {"did not find expected <document start>", "找不到应有的文档开始标记“---”"},
    {"did not find expected comment or line break", "此处应为注释或换行"},
    {"did not find expected whitespace or line break", "此处应为空格或换行"},
    {"did not find expected whitespace", "此处应为空格"},
    {"did not find expected hexdecimal number", "转义序列中应为十六进制数字"},
    {"did not find expected alphabetic or numeric character", "此处应为字母或数字"},
    {"did not find expected tag URI", "标签写法不对"},
    {"did not find expected '!'", "标签写法不对（应以“!”开头）"},
    {"did not find URI escaped octet", "标签中的 % 转义不对"},
    {"did not find the expected '>'", "找不到应有的“>”"},
    {"found character that cannot start any token",
     "此处的字符不能开始一个值（常见原因：用了制表符 Tab、@ 或 ` 开头而没有加引号）"},
    {"found a tab character that violates indentation", "制表符（Tab）破坏了缩进"},
    {"found a tab character where an indentation space is expected",
     "应为缩进空格的地方出现了制表符（Tab）"},
    {"found unexpected end of stream", "文件意外结束（常见原因：引号未闭合）"},
    {"found unexpected document indicator", "文字中出现了文档标记“---”或“...”"},
    {"found unknown escape character",
     "未知的转义字符（双引号文字中的“\\”后只能是 n t \\ \" u 等）"},
    {"found unexpected ':'", "出现了意外的“:”"},
    {"found undefined tag handle", "未定义的标签前缀"},
    {"found unknown directive name", "未知的 % 指令"},
    {"found incompatible YAML document", "不支持的 YAML 版本"},
    {"found duplicate %YAML directive", "%YAML 指令重复"},
    {"found duplicate %TAG directive", "%TAG 指令重复"},
    {"found an indentation indicator equal to 0", "多行文字的缩进数不能为 0"},
    {"found extremely long version number", "版本号过长"},
    {"found unexpected non-alphabetical character", "出现了意外的非字母字符"},
    {"did not find expected version number", "找不到应有的版本号"},
    {"did not find expected digit or '.' character", "此处应为数字或“.”"},
    {"could not find expected directive name", "找不到应有的指令名"},
    {"control characters are not allowed", "文件中有控制字符"},
    {"while scanning a simple key", "读取键时"},
    {"while scanning a plain scalar", "读取不带引号的文字时"},
    {"while scanning a quoted scalar", "读取带引号的文字时"},
    {"while scanning a block scalar", "读取多行文字（| 或 >）时"},
    {"while scanning for the next token", "读取下一个记号时"},
    {"while scanning an alias", "读取别名时"},
    {"while scanning an anchor", "读取锚点时"},
    {"while scanning a tag", "读取标签时"},
    {"while scanning a directive", "读取 % 指令时"},
    {"while scanning a %YAML directive", "读取 %YAML 指令时"},
    {"while scanning a %TAG directive", "读取 %TAG 指令时"},
    {"while parsing a block mapping", "解析映射时"},
    {"while parsing a block collection", "解析列表时"},
    {"while parsing a flow mapping", "解析花括号映射时"},
    {"while parsing a flow sequence", "解析方括号列表时"},
    {"while parsing a block node", "解析内容时"},
    {"while parsing a flow node", "解析内容时"},
    {"while parsing a node", "解析内容时"},
    {"while parsing a tag directive", "解析 %TAG 指令时"},
};

std::string_view zh(std::string_view en) {
  for (const auto& t : kTranslations)
    if (t.en == en) return t.zh;
  return en;
}
}  // namespace

std::string problem_in_chinese(std::string_view what) {
  // "context: problem" (see Builder::syntax_problem) → "上下文，问题".
  if (const size_t colon = what.find(": ");
      colon != std::string_view::npos && what.substr(0, 6) == "while ")
    return std::string(zh(what.substr(0, colon))) + "，" + std::string(zh(what.substr(colon + 2)));
  return std::string(zh(what));
}

}  // namespace bp::yaml
