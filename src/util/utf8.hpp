// UTF-8 decoding and encoding, the one implementation every layer uses. Decoding is strict (RFC
// 3629): overlong forms, surrogates (U+D800–U+DFFF), code points past U+10FFFF, stray continuation
// bytes and cut-off sequences are all invalid. Each caller decides what an invalid byte means: the
// loader reports it (E002), the typesetter shows U+FFFD, the xlsx backend substitutes '_'.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bp::utf8 {

// What decode() returns for an invalid byte: not a code point, so it cannot be mistaken for one.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;
inline constexpr char32_t kReplacement = U'\uFFFD';

struct Decoded {
  char32_t cp = kInvalid;
  size_t len = 1;  // bytes consumed; 1 for an invalid byte, so that decoding resynchronizes
  bool valid() const { return cp != kInvalid; }
};

// Decodes the sequence starting at s[i] (i < s.size()).
Decoded decode(std::string_view s, size_t i);

// Encodes `cp` as is (no validation: callers pass decoded code points or escapes they have read).
void append(std::string& out, char32_t cp);

// Whole strings. Every invalid byte becomes one U+FFFD (which no font covers, so the typesetter
// reports it instead of hiding it).
std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);

// Code points in `s`; an invalid byte counts as one.
size_t length(std::string_view s);

inline bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The largest j <= i at which a character starts (steps back over continuation bytes), so that a
// string cut at j does not split a character. i may be s.size().
inline size_t floor_boundary(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && is_continuation(s[i])) --i;
  return i;
}

}  // namespace bp::utf8
