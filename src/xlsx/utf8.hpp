// Minimal UTF-8 decoding for the xlsx backend (sheet names, width estimates). Never throws: an
// invalid byte decodes as one code point kInvalid of length 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bp::xlsx {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t cp = kInvalid;
  size_t len = 1;
};

// Decodes the code point starting at s[i] (i < s.size()).
Decoded decode_utf8(std::string_view s, size_t i);
void append_utf8(std::string& out, char32_t cp);

}  // namespace bp::xlsx
