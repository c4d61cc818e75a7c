#include "pdf/object.hpp"

#include <algorithm>
#include <stdexcept>

#include "util/utf8.hpp"

namespace bp::pdf {

namespace {

// The first entry whose key is not below `key` (std::string compares bytes as unsigned char,
// as PoDoFo's PdfName did through its std::string).
template <class Entries>
auto lower(Entries& entries, std::string_view key) {
  return std::lower_bound(entries.begin(), entries.end(), key,
                          [](const auto& e, std::string_view k) { return e.first < k; });
}

void put_unit(std::string& out, uint32_t u) {
  out += static_cast<char>(u >> 8);
  out += static_cast<char>(u & 0xFF);
}

}  // namespace

void Dict::set(std::string_view key, Object value) {
  auto it = lower(entries_, key);
  if (it != entries_.end() && it->first == key)
    it->second = std::move(value);
  else
    entries_.emplace(it, std::string(key), std::move(value));
}

void Dict::remove(std::string_view key) {
  auto it = lower(entries_, key);
  if (it != entries_.end() && it->first == key) entries_.erase(it);
}

const Object* Dict::get(std::string_view key) const {
  auto it = lower(entries_, key);
  return it != entries_.end() && it->first == key ? &it->second : nullptr;
}

Object* Dict::get(std::string_view key) {
  auto it = lower(entries_, key);
  return it != entries_.end() && it->first == key ? &it->second : nullptr;
}

Object Object::text(std::string_view s) {
  s = s.substr(0, s.find('\0'));  // PoDoFo took the C string
  std::string bytes = "\xFE\xFF";
  bytes.reserve(2 + 2 * s.size());
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    // PoDoFo raised ePdfError_InvalidDataType here.
    if (!d.valid()) throw std::invalid_argument("PDF 文本不是有效的 UTF-8");
    i += d.len;
    const char32_t cp = d.cp;
    if (cp < 0x10000) {
      put_unit(bytes, cp);
    } else {  // a surrogate pair
      put_unit(bytes, 0xD800 + ((cp - 0x10000) >> 10));
      put_unit(bytes, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return Object(String{std::move(bytes)});
}

Array rect_array(double left, double bottom, double width, double height) {
  return {Object::real(left), Object::real(bottom), Object::real(width + left),
          Object::real(height + bottom)};
}

}  // namespace bp::pdf
