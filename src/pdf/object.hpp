// A PDF value (ISO 32000-1 7.3): null, boolean, integer, real, name, string, array, dictionary
// or a reference to an indirect object — the object model of the PDF writer (object_store.hpp
// numbers the indirect objects, object_text.hpp writes them). It replaced PoDoFo 0.9.8's
// PdfVariant/PdfObject, whose shared library and its closure cost ≈ 4 ms of every process start
// (bench/pdf/README.md, "Round 12, 20O"); it keeps what the files' bytes depend on:
//   * a dictionary's keys are kept sorted by their bytes (PoDoFo's std::map<PdfName>), so the
//     order in which keys are set does not matter; /Type is written first (object_text.hpp);
//   * integers and reals are distinct (a real is written with up to six decimals);
//   * a string keeps the bytes it is written with: text() makes PoDoFo's UTF-16BE form of a
//     UTF-8 text (with the byte-order mark), plain() keeps bytes as they are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bp::pdf {

// An indirect object's number and generation (the writer makes generation 0 only).
struct Ref {
  uint32_t num = 0;
  uint16_t gen = 0;
  bool operator==(const Ref&) const = default;
};

class Object;
using Array = std::vector<Object>;

// Keys sorted by their bytes; setting a key again replaces its value.
class Dict {
 public:
  void set(std::string_view key, Object value);
  void remove(std::string_view key);
  const Object* get(std::string_view key) const;
  Object* get(std::string_view key);
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  const std::vector<std::pair<std::string, Object>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, Object>> entries_;
};

struct Name {
  std::string bytes;  // without the slash, not escaped
  bool operator==(const Name&) const = default;
};

struct String {
  std::string bytes;  // as written between the parentheses, before escaping
  bool operator==(const String&) const = default;
};

class Object {
 public:
  using Value = std::variant<std::monostate, bool, int64_t, double, Name, String, Array, Dict, Ref>;

  Object() = default;  // null
  Object(Array a) : v_(std::move(a)) {}
  Object(Dict d) : v_(std::move(d)) {}
  Object(Ref r) : v_(r) {}
  Object(Name n) : v_(std::move(n)) {}
  Object(String s) : v_(std::move(s)) {}

  static Object boolean(bool b) { return Object(Value(b)); }
  static Object integer(int64_t i) { return Object(Value(i)); }
  static Object real(double d) { return Object(Value(d)); }
  static Object name(std::string_view n) { return Object(Name{std::string(n)}); }
  // A string of bytes as they are (ASCII: dates, language tags, names of tools).
  static Object plain(std::string_view bytes) { return Object(String{std::string(bytes)}); }
  // A text string from UTF-8: the byte-order mark FE FF and the UTF-16BE code units, as
  // PoDoFo's PdfString(const pdf_utf8*) (which stops at a NUL byte). Throws std::invalid_argument
  // on malformed UTF-8.
  static Object text(std::string_view utf8);

  const Value& value() const { return v_; }
  bool is_null() const { return v_.index() == 0; }
  bool is_dict() const { return std::holds_alternative<Dict>(v_); }
  Dict& dict() { return std::get<Dict>(v_); }
  const Dict& dict() const { return std::get<Dict>(v_); }
  Array& array() { return std::get<Array>(v_); }
  const Array& array() const { return std::get<Array>(v_); }
  bool operator==(const Object&) const = default;

 private:
  explicit Object(Value v) : v_(std::move(v)) {}
  Value v_;
};

// A real with the value of PoDoFo's PdfRect::ToVariant: left, bottom, width + left,
// height + bottom (the same additions, so the same doubles).
Array rect_array(double left, double bottom, double width, double height);

}  // namespace bp::pdf
