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
// Its ICU part (DictionaryWords: the iterator and its memo of word ends) may be kept by the worker
// from one document to the next (TypesetCaches) while each document's WordBreaker brings its
// theme's term list.
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

// ICU's dictionary word break for "zh", run by run of letters, with a memo of its answers: the word
// ends inside each run of Han/kana judged so far. A document's labels and 科目 names recur in many
// cells, in other sizes and weights, and from one department to the next; the dictionary iteration
// is the costly part of grading. A pure function of the run, so the memo never changes a result.
// Not thread-safe; one per worker.
class DictionaryWords {
 public:
  // Throws std::runtime_error if ICU cannot create the iterator (missing data).
  DictionaryWords();
  ~DictionaryWords();
  DictionaryWords(DictionaryWords&&) noexcept;
  DictionaryWords& operator=(DictionaryWords&&) noexcept;

  // Offsets (from the run's start, in (0, run.size())) where ICU ends a word inside `run`.
  const std::vector<uint32_t>& ends(std::u32string_view run);

  size_t size() const;
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
  size_t hits_ = 0, misses_ = 0;
};

// Creates ICU's Chinese dictionary engine now: ICU makes it when a word iterator first meets Han
// text (≈ 8 M instructions: the dictionary and its character sets, most of them ICU building
// [:Han:] and its other sets from the character properties), once per process, for every iterator
// after it; an iterator that meets it while another thread makes it waits inside ICU. Called on
// a thread beside the department's, so that the layout's first table cell finds it ready. Only a
// head start: a failure here is met again, and reported, where the layout creates its own.
void warm_word_breaking();

class WordBreaker {
 public:
  // `dictionary`: ICU's words kept by the caller (it must outlive the breaker), or null: the
  // breaker makes its own. Throws std::runtime_error if ICU cannot create it (missing data).
  explicit WordBreaker(TermList terms = {}, DictionaryWords* dictionary = nullptr);
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
  std::unique_ptr<DictionaryWords> own_;  // when the caller keeps none
  DictionaryWords* dictionary_;
  TermList terms_;
};

}  // namespace bp::text
