// The paragraph typesetter: turns styled text into lines of positioned glyphs.
//
// Order of work (TYPOGRAPHY.md): per-character font fallback (a character no font covers is
// recorded in Coverage, never drawn as tofu) → itemize by font and script → shape (HarfBuzz,
// cached) → punctuation-width adjustment (two adjacent full-width marks take 1.5 em; a closing mark
// at a line end is set half width) → quarter-em space between Han and Latin letters/digits (dropped
// at a line start or end) → break opportunities (UAX #14 + 禁则) → greedy line filling (one
// character pushed to the next line rather than squeezing) with a look-back that avoids a
// single-character last line → justification by inter-character spacing (never inside a number or a
// Latin word).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "text/coverage.hpp"
#include "text/font.hpp"
#include "text/linebreak.hpp"
#include "text/shape_cache.hpp"
#include "text/word_break.hpp"

namespace bp::text {

enum class Align { Left, Center, Right, Justify };

// Fonts tried in order for every character: the style's font first, then the theme's fallbacks.
struct FontChain {
  std::vector<const Font*> fonts;
};

struct TextStyle {
  const FontChain* fonts = nullptr;
  double size = 10.5;           // pt
  bool tabular_digits = false;  // set 0–9 on one common width (number columns)
};

struct StyledText {
  std::string_view text;  // UTF-8; '\n' is a hard line break
  TextStyle style;
};

struct PlacedGlyph {
  const Font* font = nullptr;
  uint32_t gid = 0;
  float size = 0;
  double x = 0;                    // pt from the paragraph's left edge (origin of the glyph)
  double dy = 0;                   // pt, positive = up
  std::array<char32_t, 2> text{};  // the characters this glyph stands for (0 = none), for ToUnicode
};

struct Line {
  std::vector<PlacedGlyph> glyphs;
  double left = 0;     // where the set material starts (indent + alignment offset)
  double right = 0;    // where it ends, after justification
  double natural = 0;  // width before justification
  bool last = false;   // last line of the paragraph or before a newline (not justified)
};

struct ParagraphFormat {
  double width = 0;              // measure in pt
  double first_indent = 0;       // pt, first line only (2 em for body text)
  double indent = 0;             // pt, every line
  Align align = Align::Justify;  // Justify: the last line (and a line before '\n') is flush left
  Kinsoku kinsoku = Kinsoku::Basic;
  bool avoid_single_char_last_line = true;
  bool trim_opening_at_line_start =
      false;  // an opening bracket at a line start loses its blank half
  // A paragraph without first-line indent that starts with an opening bracket sets it flush: the
  // bracket's blank half goes, so that "（一）" lines up with the "1." items below it.
  bool trim_opening_at_start = true;
  double latin_spacing_em = 0.25;  // Han ↔ Latin/digit space; 0 = none
  double max_stretch_em = 0;  // Justify: a line needing wider gaps is set flush left; 0 = no limit
  bool balance = false;       // wrapped lines of similar length (titles, header cells): the
                              // narrowest measure that needs no more lines
  // Table cells and headers: lines end between words (text/word_break: ICU dictionary words and
  // the budget term list), inside a term only when no word boundary fits, inside a word last; and
  // never one character alone on the last line when a different break can avoid it. Needs the
  // typesetter's WordBreaker (set_word_breaker); without one the flag only does the latter.
  bool word_aware = false;
  // Header labels (word_aware): a line never ends inside a budget term (except at the seam between
  // two whole terms of a compound, 一般公共预算|财政拨款) or inside a word while a word boundary or
  // a seam fits, however short the line it leaves; and the single-character rule moves breaks only
  // to such gaps. Body cells prefer a fuller line (kShortLine) to a word boundary far back.
  bool keep_terms = false;

  bool operator==(const ParagraphFormat&) const = default;
};

// Widths for table column sizing: min = widest unbreakable piece, max = everything on one line.
// With word_aware text, `min` is the widest word (a term of the list may break at its inner word
// boundaries), `seam_min` the widest piece of whole terms (a compound may break between the terms
// it is made of) and `term_min` the widest piece with every term whole; hard_lines are the widths
// of the text's hard lines (split at '\n'), for estimating line counts at other widths.
struct Extent {
  double min = 0;
  double max = 0;
  double term_min = 0;
  double seam_min = 0;  // widest piece when only word boundaries outside terms and the seams of
                        // compound terms break (一般公共预算|财政拨款): min ≤ seam_min ≤ term_min
  std::vector<double> hard_lines;
};

// How text fills a measure, without placing it (for choosing table column widths).
struct Fit {
  int lines = 0;
  int inner_breaks = 0;      // line ends inside a term or a word (WordJoin above InTerm)
  int seam_breaks = 0;       // line ends between the terms of a compound (WordJoin::InTerm)
  bool single_last = false;  // the last line holds one character
};

struct Units;  // internal: text/units.hpp
class PreparedCache;

// Text ready for line filling: fonts resolved, shaped, break opportunities and punctuation widths
// set. It does not depend on the measure, so one Prepared can be measured and set at any width.
class Prepared {
 public:
  Prepared();
  ~Prepared();
  Prepared(Prepared&&) noexcept;
  Prepared& operator=(Prepared&&) noexcept;

  // Which prepared text this is: two Prepared of the same non-null identity hold the very same
  // units (one memo entry of the PreparedCache), so they fit, measure and set alike.
  const void* identity() const { return units_.get(); }

 private:
  friend class Typesetter;
  std::shared_ptr<const Units> units_;  // shared with a PreparedCache
};

class Typesetter {
 public:
  Typesetter(ShapeCache& shaper, Coverage& coverage) : shaper_(shaper), coverage_(coverage) {}

  // Uses the format's kinsoku level, Han–Latin spacing and trim options (not its width).
  Prepared prepare(std::span<const StyledText> text, const ParagraphFormat& format);
  std::vector<Line> set(const Prepared& text, const ParagraphFormat& format) const;
  Extent measure(const Prepared& text, const ParagraphFormat& format) const;
  // The lines set() would make, counted.
  Fit fit(const Prepared& text, const ParagraphFormat& format) const;

  std::vector<Line> set(std::span<const StyledText> text, const ParagraphFormat& format) {
    return set(prepare(text, format), format);
  }
  Extent measure(std::span<const StyledText> text, const ParagraphFormat& format) {
    return measure(prepare(text, format), format);
  }

  // Word-aware breaking (ParagraphFormat::word_aware) uses `words`; it must outlive the typesetter.
  void set_word_breaker(WordBreaker* words) { words_ = words; }
  // prepare() looks its text up in `cache` first (text/prepared_cache.hpp); it must outlive the
  // typesetter. Without one every call prepares its text.
  void set_prepared_cache(PreparedCache* cache) { cache_ = cache; }
  PreparedCache* prepared_cache() const { return cache_; }
  // prepare() asks `breaker` for line-break opportunities (a memo; the same answers as
  // line_breaks); it must outlive the typesetter.
  void set_line_breaker(LineBreaker* breaker) { breaker_ = breaker; }

  ShapeCache& shaper() { return shaper_; }
  Coverage& coverage() { return coverage_; }

 private:
  ShapeCache& shaper_;
  Coverage& coverage_;
  WordBreaker* words_ = nullptr;
  PreparedCache* cache_ = nullptr;
  LineBreaker* breaker_ = nullptr;
};

}  // namespace bp::text
