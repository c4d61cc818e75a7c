// A department file's YAML as a compact, read-only tree, parsed by libyaml in one pass of events.
//
// Why not yaml-cpp's YAML::Node: its scanner and its shared_ptr-per-node tree cost about 1 500
// instructions per byte of a department file (docs/architecture.md, bench/pdf/README.md). Here
// every node is one entry of a vector, scalars live in one character buffer, children in one index
// array.
//
// The tree keeps what the loader reads of yaml-cpp's, with the same meaning, so that positions and
// messages stay as they were:
//  * kinds Null / Scalar / Sequence / Map; a plain untagged empty, "~", "null", "Null" or "NULL" is
//    Null, anything quoted or tagged is a Scalar;
//  * tag(): the explicit tag, else "?" for plain scalars and collections, "!" for quoted and block
//    scalars, "" for nulls (yaml-cpp's convention, which the loader tests with tag() == "!");
//  * marks: 0-based line and column, the column counted in bytes, pos the byte offset; an empty
//    value's mark is where the next token starts (yaml-cpp puts it there);
//  * a map keeps duplicate keys in file order and operator[] finds the first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::yaml {

enum class Kind : uint8_t { Null, Scalar, Sequence, Map };

struct Mark {
  int line = -1;    // 0-based
  int column = -1;  // 0-based, in bytes
  int pos = -1;     // byte offset in the parsed text
};

class Tree;

class Node {
 public:
  struct Pair;
  class Iterator;

  Node() = default;  // undefined: what operator[] returns for a missing key

  bool defined() const { return tree_ != nullptr; }
  bool is_null() const;
  bool is_scalar() const;
  bool is_seq() const;
  bool is_map() const;
  Kind kind() const;  // Null when undefined
  // The scalar's text; empty for anything else.
  std::string_view scalar() const;
  std::string_view tag() const;
  Mark mark() const;
  // Items of a sequence, pairs of a map, else 0.
  size_t size() const;
  // The value of the first scalar key equal to `key`; undefined when absent or not a map.
  Node operator[](std::string_view key) const;

  // Sequences: *it is an item. Maps: it->first / it->second are a key and its value.
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class Tree;
  Node(const Tree* t, uint32_t i) : tree_(t), index_(i) {}
  const Tree* tree_ = nullptr;
  uint32_t index_ = 0;
};

struct Node::Pair {
  Node first, second;
};

class Node::Iterator {
 public:
  Node operator*() const { return Node(tree_, kids_[i_]); }
  const Pair* operator->() const {
    pair_ = {Node(tree_, kids_[i_]), Node(tree_, kids_[i_ + 1])};
    return &pair_;
  }
  Iterator& operator++() {
    i_ += step_;
    return *this;
  }
  bool operator==(const Iterator& o) const { return i_ == o.i_; }
  bool operator!=(const Iterator& o) const { return i_ != o.i_; }

 private:
  friend class Node;
  Iterator(const Tree* t, const uint32_t* kids, uint32_t i, uint32_t step)
      : tree_(t), kids_(kids), i_(i), step_(step) {}
  const Tree* tree_;
  const uint32_t* kids_;
  uint32_t i_, step_;
  mutable Pair pair_;
};

class Tree {
 public:
  // The root of the first document; undefined for a stream without documents.
  Node root() const { return nodes_.empty() ? Node() : Node(this, 0); }

 private:
  friend class Node;
  friend class Builder;
  struct Data {
    Kind kind = Kind::Null;
    bool plain = true;   // a plain scalar (not quoted, not | or >)
    uint32_t tag = 0;    // 1 + index into tags_, 0 = no explicit tag
    uint32_t first = 0;  // scalar: offset into chars_; collection: offset into kids_
    uint32_t count = 0;  // scalar: bytes; sequence: items; map: 2 × pairs
    Mark mark;
  };
  std::vector<Data> nodes_;
  std::vector<uint32_t> kids_;
  std::string chars_;
  std::vector<std::string> tags_;
};

// Why a parse stopped or what it found that the loader refuses. `mark` as in Node::mark.
struct Problem {
  enum class Kind {
    Syntax,        // libyaml's scanner or parser error; `what` is its English problem
    BadEscape,     // a \u escape that is a surrogate or past U+10FFFF
    TooDeep,       // nesting at or past max_depth
    TooManyNodes,  // more than max_nodes nodes (counted over every document)
    Alias,         // the first alias (*name); with resolve_aliases, an alias of an open collection
    SecondDocument,  // a second document in the stream
    UnknownAnchor,   // with resolve_aliases: an alias of an anchor not (yet) defined
  };
  Kind kind;
  Mark mark;
  std::string what;
};

struct ParseLimits {
  size_t max_nodes = 200000;
  int max_depth = 500;  // as yaml-cpp 0.7: a node at this nesting level (the root is 1) is refused
  // How yaml-cpp's YAML::LoadFile read a theme (style/theme.cpp), which department files refuse:
  // an alias stands for its anchor's node (the same node: its mark is the anchor's), and the
  // stream is read up to the end of its first document only (nothing after it is checked).
  bool resolve_aliases = false;
  bool first_document_only = false;
};

struct Parsed {
  Tree tree;                       // the first document
  std::optional<Problem> problem;  // syntax, depth and node count stop the parse at once
};

// Parses `text` (valid UTF-8; a leading BOM is skipped). The whole stream is read: an alias, a
// node past the limit or a second document anywhere is reported, as is a syntax error in any
// document (a syntax error or the node limit wins over an alias, an alias over a second document).
Parsed parse(const std::string& text, const ParseLimits& limits);

// Translates libyaml's English problem strings into Chinese for E003 (the English text when
// there is no translation).
std::string problem_in_chinese(std::string_view what);

}  // namespace bp::yaml
