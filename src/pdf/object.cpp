#include "pdf/object.hpp"

#include <algorithm>
#include <stdexcept>

namespace bp::pdf {

namespace {

// The first entry whose key is not below `key` (std::string compares bytes as unsigned char,
// as PoDoFo's PdfName did through its std::string).
template <class Entries>
auto lower(Entries& entries, std::string_view key) {
  return std::lower_bound(entries.begin(), entries.end(), key,
                          [](const auto& e, std::string_view k) { return e.first < k; });
}

// One code point from UTF-8 at s[i], advancing i; throws on malformed input (PoDoFo raised
// ePdfError_InvalidDataType there).
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  int extra = 0;
  char32_t cp = 0;
  if (c < 0x80) {
    cp = c;
  } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
    extra = 1, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
    extra = 3, cp = c & 0x07;
  } else {
    throw std::invalid_argument("PDF 文本不是有效的 UTF-8");
  }
  if (i + static_cast<size_t>(extra) >= s.size())  // cut off
    throw std::invalid_argument("PDF 文本不是有效的 UTF-8");
  for (int k = 1; k <= extra; ++k) {
    const unsigned char t = byte(i + static_cast<size_t>(k));
    if ((t & 0xC0) != 0x80) throw std::invalid_argument("PDF 文本不是有效的 UTF-8");
    cp = (cp << 6) | (t & 0x3F);
  }
  const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    throw std::invalid_argument("PDF 文本不是有效的 UTF-8");
  i += static_cast<size_t>(extra) + 1;
  return cp;
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

Object Object::text(std::string_view utf8) {
  utf8 = utf8.substr(0, utf8.find('\0'));  // PoDoFo took the C string
  std::string bytes = "\xFE\xFF";
  bytes.reserve(2 + 2 * utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
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
