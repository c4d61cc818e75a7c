// HarfBuzz shaping with a cache of shaped runs. Runs are shaped once at the font's design size
// (scale = units per em, no hinting), so advances scale linearly with the point size and one cache
// entry serves every size: the key is (font, script, text). CJK text repeats a lot (table labels,
// headings), which makes the cache very effective. Not thread-safe: one cache per worker; a worker
// keeps its cache from one document to the next (TypesetCachePool), and next_document() drops
// what the last two documents did not use.
//
// A run the cache has not seen is shaped with the shape plan of its (font, script, features),
// kept here: hb_shape() looks the plan up in the face's list on every call, and building that
// lookup's key (the feature variations of GSUB and GPOS) cost a quarter of a cold document's
// shaping (issue 20t). The plan is the one hb_shape() would find — HarfBuzz's own cache hands it
// out — and hb_shape_plan_execute() is what hb_shape() runs with it, so the glyphs are the same.
// Runs with features on part of the text (hwid on the digits) still go through hb_shape().
#pragma once

#include <hb.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/font.hpp"
#include "text/raii.hpp"

namespace bp::text {

// One output glyph, positions in font units. `cluster` = index of the first code point of its
// cluster within the shaped text.
struct ShapedGlyph {
  uint32_t gid = 0;
  uint32_t cluster = 0;
  int32_t advance = 0;
  int32_t x_offset = 0;
  int32_t y_offset = 0;
};

class ShapeCache {
 public:
  ShapeCache();
  // Shapes `text` (one font, one script, left-to-right, language zh-Hans). Ligatures are off so
  // that every glyph maps back to one character (text extraction through ToUnicode stays exact).
  // The returned reference stays valid until next_document().
  // `tabular`: figures of one common width (amount columns, so that decimal points line up): the
  // font's OpenType tnum feature; a font without tnum (Noto Serif CJK) gets its half-width
  // forms (hwid) for the digits 0–9 only, which are designed on one 0.5 em width.
  const std::vector<ShapedGlyph>& shape(const Font& font, hb_script_t script,
                                        std::u32string_view text, bool tabular = false);

  // The horizontal ink extent of a glyph (Font::ink_x), memoised: the line filler asks it of every
  // full-width punctuation mark it prepares (HarfBuzz runs the glyph's charstring each time), and
  // a document has a few dozen distinct marks. Kept across documents (a few hundred bytes).
  std::pair<int, int> ink_x(const Font& font, uint32_t gid);

  // Ends a document: drops every run that neither it nor the document before shaped.
  void next_document();

  size_t size() const { return cache_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Key {
    const Font* font;
    hb_script_t script;
    std::u32string text;
    bool tabular;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  bool has_tnum(const Font& font);
  struct Entry {
    std::vector<ShapedGlyph> glyphs;
    uint64_t used = 0;  // generation of the last use
  };
  std::unordered_map<Key, Entry, KeyHash> cache_;
  uint64_t generation_ = 1;
  std::unordered_map<const Font*, bool> tnum_;
  // Shape plans of hb_shape_plan_create_cached2, per (font, script, tnum): a handful per theme.
  using HbPlanPtr =
      std::unique_ptr<hb_shape_plan_t, CDeleter<hb_shape_plan_t, hb_shape_plan_destroy>>;
  struct Plan {
    const Font* font;
    hb_script_t script;
    bool tnum;
    HbPlanPtr plan;
  };
  hb_shape_plan_t* plan_for(const Font& font, hb_script_t script, bool tnum,
                            const std::vector<hb_feature_t>& features);
  std::vector<Plan> plans_;
  std::unordered_map<uint64_t, std::pair<int, int>> ink_;  // (font serial, gid) → ink_x
  std::unordered_map<const Font*, uint32_t> font_serial_;
  std::vector<hb_feature_t> features_scratch_;
  HbBufferPtr buffer_;
  std::array<hb_feature_t, 3> features_{};
  hb_language_t lang_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace bp::text
