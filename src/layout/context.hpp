// What every block layout needs: the theme, the typesetter and the font chains of the theme's
// styles. One Context per document (it owns no fonts; the FontSet outlives it).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/theme.hpp"
#include "text/font_set.hpp"
#include "text/prepared_cache.hpp"
#include "text/typeset.hpp"
#include "util/work_budget.hpp"

namespace bp::layout {

class Context {
 public:
  // `prepared`: a memo of prepared text kept by the caller (text/prepared_cache.hpp), or none;
  // `dictionary`: ICU's dictionary words kept by the caller (text/word_break.hpp), or none;
  // `breaker`: a memo of line-break opportunities kept by the caller (text/linebreak.hpp), or none.
  Context(const Theme& theme, text::FontSet& fonts, text::ShapeCache& shaper,
          text::Coverage& coverage, text::PreparedCache* prepared = nullptr,
          text::DictionaryWords* dictionary = nullptr, text::LineBreaker* breaker = nullptr);

  const Theme& theme() const { return theme_; }
  text::Typesetter& typesetter() { return typesetter_; }
  text::Coverage& coverage() { return coverage_; }

  // Text style of a theme style (bold forced when `bold`).
  text::TextStyle text_style(const Style& s, bool bold = false, bool tabular = false) const;
  // Paragraph format of a theme style on a measure of `width` pt.
  text::ParagraphFormat format(const Style& s, double width) const;
  // Line pitch, and the baseline's distance below the top of a line box (em box centred).
  double pitch(const Style& s) const { return s.size * s.leading; }
  double baseline(const Style& s) const;

  // Sets `text` (one run) in style `s`: convenience for single-run paragraphs.
  std::vector<text::Line> set(std::string_view text, const Style& s, double width,
                              bool bold = false);

  // The department's resource budget (time, pages; util/work_budget.hpp), checked by the long
  // loops of the layout. Without one only the default page ceiling applies.
  void set_budget(const WorkBudget* budget) { budget_ = budget; }
  const WorkBudget* budget() const { return budget_; }
  // Throws LimitError when the department's time is up.
  void check_time() const {
    if (budget_) budget_->check_time("排版");
  }
  // Throws LimitError when a document gets more pages than allowed (or the time is up).
  void check_pages(size_t pages) const {
    if (!budget_) return check_default_page_limit(pages);
    budget_->check_pages(pages);
    budget_->check_time("排版");
  }

 private:
  const text::FontChain& chain(const FontRole& role, bool bold) const;
  const Theme& theme_;
  text::Coverage& coverage_;
  text::WordBreaker words_;  // before typesetter_, which points at it
  text::Typesetter typesetter_;
  std::map<std::pair<std::string, bool>, text::FontChain> chains_;  // (role, bold)
  const WorkBudget* budget_ = nullptr;
};

}  // namespace bp::layout
