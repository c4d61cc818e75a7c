// ShapeCache's own shape plans and ink memo (issue 20t) against the direct computation: every run
// shaped through a kept plan (hb_shape_plan_execute) gives the glyphs, clusters and positions that
// hb_shape() gives for the same buffer, in each face, script and digit style of the project's
// text (tnum, and the hwid ranges that still go through hb_shape); and the memoised ink extents
// are Font::ink_x's, asked in any order and again.
#include <hb-ot.h>
#include <hb.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "../tools/engine_support.hpp"
#include "text/shape_cache.hpp"
#include "util/utf8.hpp"

using namespace bp;
using namespace bp::text;

namespace {

// What ShapeCache did before it kept plans: hb_shape() on a fresh buffer with the same settings.
std::vector<ShapedGlyph> shape_directly(const Font& font, hb_script_t script,
                                        const std::u32string& text, bool tabular, bool tnum) {
  HbBufferPtr buf(hb_buffer_create());
  hb_buffer_add_utf32(buf.get(), reinterpret_cast<const uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buf.get(), script);
  hb_buffer_set_language(buf.get(), hb_language_from_string("zh-Hans", -1));
  hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  std::vector<hb_feature_t> features;
  for (const char* name : {"liga=0", "clig=0", "dlig=0"}) {
    hb_feature_t f{};
    hb_feature_from_string(name, -1, &f);
    features.push_back(f);
  }
  if (tabular) {
    hb_feature_t f{};
    if (tnum) {
      hb_feature_from_string("tnum", -1, &f);
      features.push_back(f);
    } else {
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] < U'0' || text[i] > U'9') continue;
        size_t j = i;
        while (j < text.size() && text[j] >= U'0' && text[j] <= U'9') ++j;
        hb_feature_from_string("hwid", -1, &f);
        f.start = static_cast<unsigned>(i);
        f.end = static_cast<unsigned>(j);
        features.push_back(f);
        i = j;
      }
    }
  }
  hb_shape(font.hb_font(), buf.get(), features.data(), static_cast<unsigned>(features.size()));
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  std::vector<ShapedGlyph> out(n);
  for (unsigned i = 0; i < n; ++i)
    out[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset,
              pos[i].y_offset};
  return out;
}

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].gid != b[i].gid || a[i].cluster != b[i].cluster || a[i].advance != b[i].advance ||
        a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset)
      return false;
  return true;
}

bool has_tnum(const Font& font) {
  hb_face_t* face = hb_font_get_face(font.hb_font());
  for (hb_tag_t table : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S')}) {
    unsigned index = 0;
    if (hb_ot_layout_language_find_feature(face, table, 0, HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX,
                                           HB_TAG('t', 'n', 'u', 'm'), &index))
      return true;
  }
  return false;
}

// The project's kinds of text: labels, amounts, codes, punctuation pairs, Latin words.
std::vector<std::u32string> samples() {
  std::vector<std::u32string> out;
  for (const char* s : {"一般公共预算财政拨款收入",
                        "2075.36",
                        "12,333.33",
                        "合计2075.36万元",
                        "（一）",
                        "“三公”经费",
                        "201|01|01",
                        "《预算法》、",
                        "PDF/A-2u",
                        "1500/人",
                        "……",
                        "——",
                        "满意度≥95%",
                        "比上年增长12.5%。",
                        "0",
                        "a",
                        "「注」：",
                        "Ⅰ类",
                        "①②③",
                        "，。"})
    out.push_back(utf8::to_u32(s));
  // Random mixtures of the characters above, as long as a table cell's text.
  std::u32string pool;
  for (const auto& s : out) pool += s;
  std::mt19937 rng(20);
  for (int k = 0; k < 300; ++k) {
    std::u32string s;
    const size_t len = 1 + rng() % 24;
    for (size_t i = 0; i < len; ++i) s.push_back(pool[rng() % pool.size()]);
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("runs shaped with a kept plan equal hb_shape's", "[text][shape]") {
  auto& fonts = testing::shared_fonts();
  const auto texts = samples();
  size_t compared = 0;
  for (const char* family : {"Noto Serif CJK SC", "Noto Sans CJK SC"}) {
    for (bool bold : {false, true}) {
      const Font& font = fonts.get(family, bold);
      const bool tnum = has_tnum(font);
      ShapeCache cache;
      for (hb_script_t script : {HB_SCRIPT_HAN, HB_SCRIPT_LATIN, HB_SCRIPT_COMMON}) {
        for (bool tabular : {false, true}) {
          for (const auto& text : texts) {
            INFO(family << (bold ? " bold" : "") << " script " << script << " tabular " << tabular
                        << " text " << utf8::from_u32(text));
            CHECK(same(cache.shape(font, script, text, tabular),
                       shape_directly(font, script, text, tabular, tnum)));
            ++compared;
          }
        }
      }
    }
  }
  CHECK(compared == 4 * 3 * 2 * texts.size());
}

TEST_CASE("memoised ink extents equal Font::ink_x", "[text][shape]") {
  auto& fonts = testing::shared_fonts();
  const Font& serif = fonts.get("Noto Serif CJK SC", false);
  const Font& sans = fonts.get("Noto Sans CJK SC", true);
  ShapeCache cache;
  std::mt19937 rng(7);
  for (int round = 0; round < 3; ++round) {  // the second and third rounds are memo hits
    for (const Font* font : {&serif, &sans}) {
      for (char32_t cp : utf8::to_u32("（）【】《》“”‘’「」、，。：；！？")) {
        const uint32_t gid = font->glyph(cp);
        REQUIRE(gid != 0);
        CHECK(cache.ink_x(*font, gid) == font->ink_x(gid));
      }
      for (int k = 0; k < 50; ++k) {
        const uint32_t gid = 1 + rng() % 60000;
        CHECK(cache.ink_x(*font, gid) == font->ink_x(gid));
      }
    }
  }
  // Two faces never share an entry: the same glyph id has other outlines in the other face.
  const uint32_t gid = serif.glyph(U'（');
  CHECK(cache.ink_x(serif, gid) == serif.ink_x(gid));
  CHECK(cache.ink_x(sans, gid) == sans.ink_x(gid));
}
