// Shaping without HarfBuzz's shaper, for the runs where it can only map each character to its
// nominal glyph and advance: HarfBuzz's exact answer at a fraction of hb_shape's cost (most table
// text is Han characters, digits and common punctuation, on which no lookup of the default
// features acts in the CJK faces).
//
// A run is shaped directly when
//  * its script is Han or Latin (HarfBuzz's default shaper; no reordering, no Arabic joining);
//  * every character is of a plain kind (plain_char): no mark, no default-ignorable, no canonical
//    decomposition (so HarfBuzz's normaliser keeps it as it is), no fraction slash;
//  * every character has a glyph in the face's cmap (no space or notdef fallback), and
//  * no glyph is in the input coverage of any GSUB or GPOS lookup of the shape plan HarfBuzz makes
//    for the run's script, language and features (hb_ot_shape_plan_collect_lookups with
//    hb_ot_layout_lookup_collect_glyphs: no lookup can act on such a glyph, nor on a sequence
//    starting with it), nor a mark in GDEF;
//  * the face has no table HarfBuzz shapes with outside GSUB/GPOS (morx, mort, kerx, kern, trak).
// Then HarfBuzz's output is one glyph per character, cluster = its index, advance = the font's
// horizontal advance (hb_font_get_glyph_h_advances at the font's scale), offsets zero — which is
// what shape() returns. tests/unit/test_text_direct_shaping.cpp compares both ways on every
// character of the examples and config/, and on random CJK/ASCII strings, for each face the themes
// use.
//
// Not thread-safe (it keeps what it learnt per face): one per ShapeCache.
#pragma once

#include <hb.h>

#include <cstdint>
#include <map>
#include <span>
#include <string_view>
#include <tuple>
#include <vector>

#include "text/font.hpp"
#include "text/raii.hpp"

namespace bp::text {

struct ShapedGlyph;

// Characters HarfBuzz never decomposes, hides, zero-widths or treats as a mark or fraction.
bool plain_char(char32_t cp);

class DirectShaper {
 public:
  // The features of the run as ShapeCache passes them to hb_shape (their ranges do not matter:
  // the lookups of every feature count). `variant` tells feature sets apart (plain, tabular …).
  // Returns false (and leaves `out` alone) when the run needs HarfBuzz's shaper.
  bool shape(const Font& font, hb_script_t script, hb_language_t language,
             std::span<const hb_feature_t> features, unsigned variant, std::u32string_view text,
             std::vector<ShapedGlyph>& out);

  size_t direct() const { return direct_; }

 private:
  struct Plain {                 // per (face, script, variant)
    bool usable = false;         // no AAT or legacy kern table
    std::vector<uint8_t> inert;  // by glyph id: 1 = no lookup acts on it and it is not a mark
  };
  const Plain& plain(const Font& font, hb_script_t script, hb_language_t language,
                     std::span<const hb_feature_t> features, unsigned variant);
  std::map<std::tuple<hb_face_t*, hb_script_t, unsigned>, Plain> plain_;
  // The input glyphs of each lookup collected so far, by (face, table, lookup index): the plans
  // of one face (scripts, plain and tabular) share most of their lookups.
  std::map<std::tuple<hb_face_t*, hb_tag_t, unsigned>, HbSetPtr> lookup_glyphs_;
  std::vector<hb_codepoint_t> glyphs_;
  std::vector<hb_position_t> advances_;
  size_t direct_ = 0;
};

}  // namespace bp::text
