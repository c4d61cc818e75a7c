#include "xlsx/label_lines.hpp"

#include <algorithm>
#include <vector>

#include "text/linebreak.hpp"
#include "util/utf8.hpp"
#include "xlsx/column_widths.hpp"

namespace bp::xlsx {

namespace {

double units(char32_t c) {
  const int u = char_units(c);
  return u == 1 ? 1.05 : u;  // Latin a little wider in CJK fonts (as wrapped_lines counts)
}

// One paragraph (no '\n'): the indices after which a line ends. `joins` (may be empty) grades
// each gap. A line ends at the fitting opportunity of the lowest grade, the furthest of those; when
// that leaves the line less than half full, a break between the words of a term that fills it
// at least half is taken instead (中小/微企业 rather than a line of one character), never one
// inside a word.
std::vector<size_t> fill(const std::u32string& s, double usable,
                         const std::vector<text::WordJoin>& joins) {
  const auto breaks = text::line_breaks(s);
  auto grade = [&](size_t i) { return joins.empty() ? 0 : static_cast<int>(joins[i]); };
  constexpr size_t kNone = std::u32string::npos;
  constexpr int kInTerm = static_cast<int>(text::WordJoin::InTerm);
  std::vector<size_t> ends;
  size_t start = 0;
  while (start < s.size()) {
    double w = 0, best_w = 0;
    size_t best = kNone, term = kNone, i = start;
    for (; i < s.size(); ++i) {
      w += units(s[i]);
      if (w > usable + 1e-9 && best != kNone) break;
      if (i + 1 >= s.size() || breaks[i] != text::Break::Allowed) continue;
      if (best == kNone || grade(i) <= grade(best)) {
        best = i;
        best_w = w;
      }
      if (grade(i) <= kInTerm && w >= usable / 2) term = i;
    }
    if (i >= s.size()) break;  // the rest fits
    const size_t end = best_w < usable / 2 && term != kNone ? term : best;
    ends.push_back(end);
    start = end + 1;
  }
  // A last line of one character: end the line before it one opportunity earlier, if the last
  // line still fits then.
  if (!ends.empty() && ends.back() + 2 == s.size()) {
    const size_t from = ends.size() > 1 ? ends[ends.size() - 2] + 1 : 0;
    for (size_t k = ends.back(); k-- > from;) {
      if (breaks[k] != text::Break::Allowed) continue;
      double w = 0;
      for (size_t i = k + 1; i < s.size(); ++i) w += units(s[i]);
      if (w <= usable + 1e-9) ends.back() = k;
      break;
    }
  }
  return ends;
}

}  // namespace

std::string break_label(std::string_view text, double width, double padding,
                        text::WordBreaker* words) {
  const double usable = std::max(2.0, width - padding);
  std::string out;
  bool broke = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    const std::string_view para =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    const std::u32string s = utf8::to_u32(para);
    const std::vector<size_t> ends =
        fill(s, usable, words && !s.empty() ? words->joins(s) : std::vector<text::WordJoin>{});
    broke = broke || !ends.empty();
    size_t from = 0;
    for (size_t e : ends) {
      out += utf8::from_u32(std::u32string_view(s).substr(from, e + 1 - from)) + "\n";
      from = e + 1;
    }
    out += utf8::from_u32(std::u32string_view(s).substr(from));
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  // Invalid bytes became U+FFFD above: the text as it was when nothing had to break.
  return broke ? out : std::string(text);
}

const std::string& LabelBreaker::operator()(std::string_view text, double width, double padding) {
  const auto key = std::tuple<double, double, std::string_view>(width, padding, text);
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  return memo_
      .emplace(std::tuple(width, padding, std::string(text)),
               break_label(text, width, padding, words_))
      .first->second;
}

}  // namespace bp::xlsx
