// Where a header label or header-block part breaks in a sheet. Excel and LibreOffice wrap cell
// text by their own rules, and LibreOffice breaks inside dates and before full-width colons
// ("截止时间：2022-/12-31", "价值（金额单位/：万元）"). We break such short texts ourselves with
// explicit line feeds at the line-break opportunities of the typesetter (UAX #14 + 禁则,
// text/linebreak), preferring word boundaries (text/word_break: ICU's dictionary and the budget
// terms of config/terms.txt), so every line is one that fits the cell and no viewer wraps it again.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "text/word_break.hpp"

namespace bp::xlsx {

// `text` with '\n' inserted so that each line fits `width` Excel width units (char_units, the
// cell padding `padding` taken off) where breaks allow, greedily, never leaving one character
// alone on the last line when the line before can give one up. With `words`, a line ends at the
// last fitting word boundary, else inside a term between its words, inside a word only when
// nothing else fits. Unchanged when it fits; existing '\n' are kept.
std::string break_label(std::string_view text, double width, double padding = 2,
                        text::WordBreaker* words = nullptr);

// break_label remembered for one workbook: its tables repeat their header labels (合计, 项目,
// 金额 over columns of the same width), and every break asks the word breaker (ICU) again.
class LabelBreaker {
 public:
  explicit LabelBreaker(text::WordBreaker* words = nullptr) : words_(words) {}
  // break_label(text, width, padding, words); the reference lives as long as this breaker.
  const std::string& operator()(std::string_view text, double width, double padding = 2);

 private:
  // (width, padding, text) in order; transparent so that a look-up needs no copy of the text. Not
  // std::less<>: comparing a tuple holding a string with one holding a string_view goes through
  // C++20's synthesised three-way comparison, which clang 14 (the fuzz build) rejects.
  struct KeyLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
      if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
      return std::string_view(std::get<2>(a)) < std::string_view(std::get<2>(b));
    }
  };
  text::WordBreaker* words_;
  std::map<std::tuple<double, double, std::string>, std::string, KeyLess> memo_;
};

}  // namespace bp::xlsx
