#include "text/linebreak.hpp"

#include <linebreak.h>

#include <mutex>
#include <string>

#include "text/unicode.hpp"
#include "util/char_classes.hpp"

namespace bp::text {

namespace {

void init_unibreak_once() {
  static std::once_flag once;  // libunibreak's own tables: initialised once per process
  std::call_once(once, [] { init_linebreak(); });
}

// Part of a number, a code or a Latin word: letters and digits, plus the separators inside a number
// (2,075.36  10:30  2023-12-31  a/b) and a percent sign after a digit.
bool word_char(std::u32string_view t, size_t i) {
  char32_t c = t[i];
  if (is_western_alnum(c)) return true;
  if (in_set(U".,:/-", c))
    return i > 0 && i + 1 < t.size() && is_western_alnum(t[i - 1]) && is_western_alnum(t[i + 1]);
  if (in_set(U"%‰", c)) return i > 0 && is_ascii_digit(t[i - 1]);
  return false;
}

// libunibreak's opportunities for `text` (LINEBREAK_* values), one per character.
std::vector<char> unibreak(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<char> brks(n);
  if (n == 0) return brks;
  init_unibreak_once();
  // libunibreak 1.1 asserts (aborting the whole process) on U+FFFF and on the regional indicators
  // U+1F1E6–U+1F1FF (the letters of flag emoji, which a clerk can paste) — found by fuzz_text; an
  // exhaustive scan of all code points in several contexts found no others. The loader rejects
  // non-characters (E016), but no text may reach the assertion whatever its source: these, the
  // other non-characters, surrogates and values past U+10FFFF are passed to it as U+FFFD (class
  // AI), one for one, so the opportunities still line up with `text`.
  std::u32string safe;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = text[i];
    if (c > 0x10FFFF || chars::is_noncharacter(c) || chars::is_surrogate(c) ||
        (c >= 0x1F1E6 && c <= 0x1F1FF)) {
      if (safe.empty()) safe.assign(text);
      safe[i] = U'\uFFFD';
    }
  }
  const std::u32string_view seen = safe.empty() ? text : std::u32string_view(safe);
  set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(seen.data()), n, "zh", brks.data());
  return brks;
}

// libunibreak's answer refined by the 禁则 rules.
std::vector<Break> refine(std::u32string_view text, const std::vector<char>& brks, Kinsoku level) {
  const size_t n = text.size();
  std::vector<Break> out(n, Break::Allowed);
  if (n == 0) return out;
  for (size_t i = 0; i < n; ++i)
    out[i] = brks[i] == LINEBREAK_MUSTBREAK    ? Break::Mandatory
             : brks[i] == LINEBREAK_ALLOWBREAK ? Break::Allowed
                                               : Break::Prohibited;

  for (size_t i = 0; i + 1 < n; ++i) {
    if (out[i] == Break::Mandatory) continue;
    char32_t a = text[i], b = text[i + 1];
    bool forbid = is_no_line_start(b) || is_no_line_end(a) ||
                  (is_dash_or_ellipsis(a) && b == a) ||  // —— and …… are one unit
                  (word_char(text, i) && word_char(text, i + 1)) ||       // numbers, codes, words
                  (is_ascii_digit(b) && in_set(U"≤≥<>＜＞≦≧±≈~～−", a));  // ≤12333.33, ±5
    if (level != Kinsoku::Basic && a == U'／') forbid = true;
    if (level == Kinsoku::Strict && is_dash_or_ellipsis(b)) forbid = true;
    if (forbid) out[i] = Break::Prohibited;
  }
  out[n - 1] = Break::Mandatory;
  return out;
}

}  // namespace

std::vector<Break> line_breaks(std::u32string_view text, Kinsoku level) {
  return refine(text, unibreak(text), level);
}

std::vector<Break> LineBreaker::breaks(std::u32string_view text, Kinsoku level) {
  if (text.size() > kLongest) return line_breaks(text, level);
  canonical_.assign(text);
  for (char32_t& c : canonical_) {
    if (c >= 0x4E00 && c <= 0x9FA5)
      c = U'一';
    else if (c >= U'0' && c <= U'9')
      c = U'0';
    else if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'))
      c = U'a';
  }
  auto it = raw_.find(std::u32string_view(canonical_));
  if (it != raw_.end()) {
    ++hits_;
  } else {
    ++misses_;
    if (raw_.size() >= kTexts) raw_.clear();
    it = raw_.emplace(canonical_, unibreak(canonical_)).first;
  }
  return refine(text, it->second, level);
}

}  // namespace bp::text
