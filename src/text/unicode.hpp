// Unicode helpers for Chinese typesetting: the character classes that the line breaker (禁则) and
// the punctuation-width adjustment need. Pure functions, no font knowledge. UTF-8 decoding is in
// util/utf8.hpp.
#pragma once

#include <string>
#include <string_view>

namespace bp::text {

// Whether `cp` is one of the characters of `set`.
inline bool in_set(std::u32string_view set, char32_t cp) {
  return set.find(cp) != std::u32string_view::npos;
}

// CJK ideographs (unified, extensions, compatibility) and 〇.
bool is_han(char32_t cp);
// Characters typeset on the CJK em grid: Han, kana, CJK symbols and punctuation, full-width forms.
bool is_cjk(char32_t cp);
// Letters and digits of Western scripts (Latin, Greek, Cyrillic, ASCII digits).
bool is_western_alnum(char32_t cp);
bool is_ascii_digit(char32_t cp);

// Full-width punctuation whose ink sits in the left half of the em (closing marks and, in the
// Mainland convention, 、，。．：；！？) or in the right half (opening marks).
bool is_closing_punct(char32_t cp);
bool is_opening_punct(char32_t cp);

// clreq 禁则 sets.
bool is_no_line_start(char32_t cp);  // 、，。．；：！？”’）》」』】〕〗〉·々 …
bool is_no_line_end(char32_t cp);  // “‘（《「『【〔〖〈 …
// Characters that form the 2-em units —— and …… (never split).
bool is_dash_or_ellipsis(char32_t cp);

}  // namespace bp::text
