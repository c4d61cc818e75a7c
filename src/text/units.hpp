// Internal to the typesetter: styled text → a vector of typeset units (one per character; a
// cluster's glyphs sit on its first character), with fonts resolved, shaped advances, punctuation
// adjustment, Han–Latin glue and break opportunities. Everything the line filler needs, in points.
#pragma once

#include <limits>
#include <span>
#include <vector>

#include "text/typeset.hpp"

namespace bp::text {

struct UnitGlyph {
  uint32_t gid = 0;
  double advance = 0;  // pt
  double x_offset = 0;
  double dy = 0;
};

struct Unit {
  char32_t cp = 0;
  const Font* font = nullptr;  // nullptr: hidden (newline, control, uncovered zero-width)
  float size = 0;
  uint32_t glyph_begin = 0, glyph_end = 0;  // into Units::glyphs; empty for a cluster continuation
  char32_t cluster_text[2] = {0, 0};
  double advance = 0;     // pt, after the pair compression
  double shift = 0;       // pt the glyphs move left (an opening mark compressed on its blank side)
  double end_trim = 0;    // pt removable when the line ends here (closing mark, space)
  double start_trim = 0;  // pt removable when the line starts here (opening mark, if enabled)
  double glue = 0;        // pt of Han–Latin space after this unit; dropped at a break
  Break brk = Break::Allowed;
  WordJoin join = WordJoin::Free;  // with brk == Allowed: what a break here cuts (word-aware text)
  bool stretch = false;            // justification may widen the gap after this unit
  bool space = false;              // U+0020
  bool counts = false;             // a "character" for the single-character-last-line rule
  bool hidden() const { return font == nullptr; }
};

struct Units {
  std::vector<Unit> units;
  std::vector<UnitGlyph> glyphs;
  // The widest the first line gets while the line filler walks the whole text (its sums, in its
  // order): a measure (less indents) at least this wide sets the text on one line, which table
  // column sizing asks of most cells at most widths. +inf when a hard break comes before the
  // text's end. Set by Typesetter::prepare.
  double one_line = std::numeric_limits<double>::infinity();
};

// `words` grades the break opportunities of word-aware text (may be null); `breaker` memoises the
// line-break opportunities (null: text/linebreak's line_breaks).
Units make_units(std::span<const StyledText> text, const ParagraphFormat& format,
                 ShapeCache& shaper, Coverage& coverage, WordBreaker* words,
                 LineBreaker* breaker = nullptr);

}  // namespace bp::text
