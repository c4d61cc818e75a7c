#include "text/unicode.hpp"

namespace bp::text {

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007;
}

bool is_cjk(char32_t cp) {
  return is_han(cp) || (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x2E80 && cp <= 0x2FDF) ||
         (cp >= 0x3100 && cp <= 0x31FF) || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x2014 || cp == 0x2026 || cp == 0x2E3A;
}

bool is_ascii_digit(char32_t cp) {
  return cp >= U'0' && cp <= U'9';
}

bool is_western_alnum(char32_t cp) {
  if (is_ascii_digit(cp) || (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z')) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // Latin-1 / Extended letters
  return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF);  // Greek, Cyrillic
}

namespace {
// Every mark of the sets below is U+00B7 or lies in U+2000–U+33FF or U+FE00–U+FFFF; Latin text and
// Han characters (the bulk of a document) are rejected without a search.
bool outside_marks(char32_t cp) {
  return (cp < 0x2000 && cp != 0xB7) || (cp >= 0x3400 && cp < 0xFE00);
}
}  // namespace

bool is_closing_punct(char32_t cp) {
  if (outside_marks(cp)) return false;
  return in_set(U"、，。．：；！？）】》」』〕〗〉”’］｝", cp);
}

bool is_opening_punct(char32_t cp) {
  if (outside_marks(cp)) return false;
  return in_set(U"（【《「『〔〖〈“‘［｛", cp);
}

bool is_no_line_start(char32_t cp) {
  if (outside_marks(cp)) return false;
  return in_set(U"、，。．；：！？”’）》」』】〕〗〉·・々〻ゝゞヽヾ〙〛｝］", cp) ||
         in_set(U"ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ", cp);
}

bool is_no_line_end(char32_t cp) {
  if (outside_marks(cp)) return false;
  return in_set(U"“‘（《「『【〔〖〈〘〚［｛", cp);
}

bool is_dash_or_ellipsis(char32_t cp) {
  return cp == 0x2014 || cp == 0x2E3A || cp == 0x2026;
}

}  // namespace bp::text
