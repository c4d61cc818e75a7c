// Word-aware breaking for Chinese table text: where a line may end without cutting a word.
//
// libunibreak (text/linebreak) allows a break between any two Han characters, which is right for
// body text but splits table labels inside words (财政拨/款收入, 满意/度指标). ICU's dictionary
// word break for "zh" finds the words (财政|拨款|收入); a list of budget terms (config/terms.txt,
// documented in docs/typography.md) joins words that a clerk reads as one (满意度, 小微企业,
// 政府性基金预算). The result grades every gap between two characters, so that a line filler can
// break at a word boundary when one fits, inside a term only when no boundary fits, and inside a
// dictionary word only as a last resort.
//
// Not thread-safe (an ICU BreakIterator keeps state): one WordBreaker per worker, like ShapeCache.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bp::text {

// How strongly text[i] and text[i + 1] belong together (ordered: a higher value is worse to break).
enum class WordJoin : uint8_t {
  Free = 0,    // a word boundary outside any term
  InTerm = 1,  // inside a term, where a shorter term of the list begins or ends (一般公共预算|
               // 财政拨款, 满意度|指标): the seams of a compound term
  InTermWord = 2,  // inside a term at another word boundary (政府|性基金)
  InWord = 3,      // inside a dictionary word (拨|款)
};

// Budget terms kept unbroken. Parsed from a text file: one term per line, '#' starts a comment,
// blank lines and surrounding spaces are ignored; terms of one character are ignored.
class TermList {
 public:
  TermList() = default;
  static TermList parse(std::string_view content);
  // Throws std::runtime_error (message naming the file) when it cannot be read.
  static TermList load(const std::filesystem::path& file);

  const std::vector<std::u32string>& terms() const { return terms_; }
  bool empty() const { return terms_.empty(); }
  bool operator==(const TermList&) const = default;

  // Length of the longest term that starts at text[i]; 0 if none.
  size_t longest_at(std::u32string_view text, size_t i) const;
  // Lengths of every term that starts at text[i] (none: empty).
  std::vector<size_t> all_at(std::u32string_view text, size_t i) const;

 private:
  std::vector<std::u32string> terms_;  // sorted, unique
};

class WordBreaker {
 public:
  // ICU's word break iterator for "zh" (dictionary based). Throws std::runtime_error if ICU cannot
  // create it (missing data).
  explicit WordBreaker(TermList terms = {});
  ~WordBreaker();
  WordBreaker(WordBreaker&&) noexcept;
  WordBreaker& operator=(WordBreaker&&) noexcept;

  // joins[i] grades the gap after text[i]; joins.back() is Free. Terms are matched longest first,
  // left to right. Gaps next to non-letters (spaces, punctuation, digits) are Free: whether a
  // line may end there is the line breaker's business (numbers and 禁则 stay unbreakable there).
  std::vector<WordJoin> joins(std::u32string_view text);

  // `text` (UTF-8) cut at its Free gaps where a line may end (UAX #14 + 禁则): the words, each
  // term whole, numbers and Latin words whole, punctuation with its neighbour. Concatenated they
  // give `text` back. For backends that place explicit breaks in header labels (DOCX).
  std::vector<std::string> words(std::string_view text);

  const TermList& terms() const { return terms_; }

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
  TermList terms_;
};

}  // namespace bp::text
