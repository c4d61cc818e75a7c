// Line-break opportunities for Chinese text: UAX #14 (libunibreak, language "zh") refined by the
// clreq 禁则 rules of TYPOGRAPHY.md. Pure function of the text; widths are the typesetter's job.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bp::text {

enum class Break : uint8_t {
  Mandatory,   // hard break (newline, end of text)
  Allowed,     // a line may end after this character
  Prohibited,  // never end a line here
};

// clreq levels. Basic: closing marks never start, opening marks never end a line; ——/…… unsplit.
// Gb adds: no ／ at a line end. Strict adds: no —— or …… at a line start.
enum class Kinsoku { Basic, Gb, Strict };

// breaks[i] is the opportunity after text[i]; breaks.back() is always Mandatory.
// Never inside a number (2,075.36  12.5%  2010301) or a Latin word.
std::vector<Break> line_breaks(std::u32string_view text, Kinsoku level = Kinsoku::Basic);

// line_breaks() with a memo of libunibreak's answers, the costly part (≈ 470 instructions a
// character). UAX #14 sees only the line-break class of each character, so libunibreak is asked
// about a canonical text: each Han character of U+4E00–U+9FA5 becomes 一, each ASCII digit 0, each
// ASCII letter a (one class each: ID, NU, AL; tests/unit/test_text_linebreak.cpp checks every one
// of them against libunibreak in several contexts). Table labels and amounts then share a few
// hundred canonical forms ("一一一一", "0,000.00"); the 禁则 pass still reads the real text. The
// result is line_breaks(text, level), always. Texts longer than kLongest are not memoised. Bounded
// (emptied at kTexts entries); not thread-safe: one per worker (TypesetCaches).
class LineBreaker {
 public:
  std::vector<Break> breaks(std::u32string_view text, Kinsoku level = Kinsoku::Basic);

  size_t size() const { return raw_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  static constexpr size_t kTexts = 4096;
  static constexpr size_t kLongest = 64;  // characters; body paragraphs rarely recur
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>{}(s); }
  };
  std::unordered_map<std::u32string, std::vector<char>, Hash, std::equal_to<>> raw_;
  std::u32string canonical_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace bp::text
