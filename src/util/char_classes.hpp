// Classes of code points that must not reach a document, a file name or a terminal unnoticed.
// One definition for the loader (which rejects them), the diagnostics (which escape them), the
// file names (which drop them) and the XML writers (which never emit what XML 1.0 forbids).
#pragma once

namespace bp::chars {

// U+FDD0–U+FDEF and the last two code points of every plane (U+xFFFE, U+xFFFF): Unicode promises
// they are never characters; libunibreak asserts on them.
constexpr bool is_noncharacter(char32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

// C0 controls other than tab and line feed, DEL, and the C1 controls (U+0080–U+009F).
constexpr bool is_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

constexpr bool is_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDFFF;
}

// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the Arabic letter mark
// (U+061C): they reorder how a listing or a viewer shows the text around them.
constexpr bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

// Characters that take no space and show nothing: zero width space, non-joiner, joiner, the
// left-to-right / right-to-left marks (U+200B–U+200F), word joiner (U+2060), invisible operators
// (U+2061–U+2064), the byte order mark used as a zero width no-break space (U+FEFF). A code
// "43<U+200B>4" prints as 434 but is not 434.
constexpr bool is_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

// What XML 1.0 allows in a document (§2.2 Char).
constexpr bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// A character that a message shows as \uXXXX instead of printing it.
constexpr bool needs_escape_in_message(char32_t c) {
  return is_control(c) || is_noncharacter(c) || is_bidi_control(c) || is_invisible(c) ||
         c == 0x2028 || c == 0x2029;
}

}  // namespace bp::chars
