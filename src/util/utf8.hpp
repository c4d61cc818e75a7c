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

// Decodes the sequence starting at s[i] (i < s.size()). Inline: every layer calls it once per
// character (the loader's checks, text preparation, measuring), where a call per character cost
// more than the decoding of an ASCII or CJK character itself.
inline Decoded decode(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  size_t len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return {};  // a continuation byte or 0xF8–0xFF
  }
  if (len > s.size() - i) return {};
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms would let one character hide behind another spelling ("/" as C0 AF);
  // surrogates and values past U+10FFFF are not characters.
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len};
}

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
