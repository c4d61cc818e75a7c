#include "text/direct_shaping.hpp"

#include <hb-ot.h>

#include "text/raii.hpp"
#include "text/shape_cache.hpp"

namespace bp::text {

bool plain_char(char32_t c) {
  // Ranges checked against UnicodeData: no character below is a mark (Mn/Mc/Me), a default
  // ignorable, a space HarfBuzz may substitute, or has a canonical decomposition (those of
  // 2200–22FF that have one, ≠ ∉ ≰ …, are left out; compatibility decompositions do not matter to
  // HarfBuzz).
  if (c >= 0x4E00 && c <= 0x9FFF) return true;                      // CJK Unified Ideographs
  if (c >= 0x20 && c <= 0x7E) return true;                          // ASCII
  if (c >= 0x3000 && c <= 0x303F) return c < 0x302A || c > 0x302F;  // CJK marks (no tone marks)
  if (c >= 0xFF01 && c <= 0xFF60) return true;                      // full-width forms
  if (c >= 0x2010 && c <= 0x2027) return true;                      // dashes, quotes, …
  if (c >= 0x2030 && c <= 0x203E) return true;                      // ‰ ′ ※ …
  if (c >= 0x3400 && c <= 0x4DBF) return true;                      // Extension A
  if (c >= 0xA1 && c <= 0xBF) return c != 0xAD;  // Latin-1 signs (no soft hyphen)
  if (c == 0xD7 || c == 0xF7) return true;       // × ÷
  if (c >= 0xFFE0 && c <= 0xFFE6) return true;   // ￠ ￡ ￥ …
  if (c >= 0x2460 && c <= 0x24FF) return true;   // ① ⑴ ⒈ …
  if (c >= 0x3200 && c <= 0x32FE) return true;   // ㈠ ㊣ …
  if (c >= 0x2500 && c <= 0x25FF) return true;   // box drawing, ■ □ ▲ ●
  if (c >= 0x2160 && c <= 0x217F) return true;   // Roman numerals Ⅰ Ⅱ
  if (c >= 0x2190 && c <= 0x2199) return true;   // arrows
  switch (c) {
    case 0x2103:  // ℃
    case 0x2116:  // №
    case 0x2212:  // −
    case 0x2215:  // ∕
    case 0x2219:  // ∙
    case 0x221A:  // √
    case 0x221E:  // ∞
    case 0x2236:  // ∶
    case 0x2248:  // ≈
    case 0x2264:  // ≤
    case 0x2265:  // ≥
    case 0x2266:  // ≦
    case 0x2267:  // ≧
      return true;
    default:
      return false;
  }
}

namespace {

bool has_table(hb_face_t* face, hb_tag_t tag) {
  HbBlobPtr blob(hb_face_reference_table(face, tag));
  return hb_blob_get_length(blob.get()) > 0;
}

}  // namespace

const DirectShaper::Plain& DirectShaper::plain(const Font& font, hb_script_t script,
                                               hb_language_t language,
                                               std::span<const hb_feature_t> features,
                                               unsigned variant) {
  hb_face_t* face = hb_font_get_face(font.hb_font());
  const auto key = std::make_tuple(face, script, variant);
  if (auto it = plain_.find(key); it != plain_.end()) return it->second;
  Plain& p = plain_[key];
  // HarfBuzz shapes with AAT tables (morx/mort, kerx, trak) or the legacy kern table besides
  // GSUB/GPOS: their effects are not among the lookups counted below.
  for (const char* tag : {"morx", "mort", "kerx", "kern", "trak"})
    if (has_table(face, hb_tag_from_string(tag, 4))) return p;
  hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
  props.direction = HB_DIRECTION_LTR;
  props.script = script;
  props.language = language;
  HbShapePlanPtr plan(hb_shape_plan_create_cached(face, &props, features.data(),
                                                  static_cast<unsigned>(features.size()), nullptr));
  HbSetPtr lookups(hb_set_create()), input(hb_set_create());
  for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    hb_set_clear(lookups.get());
    hb_ot_shape_plan_collect_lookups(plan.get(), table, lookups.get());
    for (hb_codepoint_t i = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &i);) {
      HbSetPtr& glyphs = lookup_glyphs_[std::make_tuple(face, table, i)];
      if (!glyphs) {
        glyphs.reset(hb_set_create());
        hb_ot_layout_lookup_collect_glyphs(face, table, i, nullptr, glyphs.get(), nullptr, nullptr);
      }
      hb_set_union(input.get(), glyphs.get());
    }
  }
  hb_ot_layout_get_glyphs_in_class(face, HB_OT_LAYOUT_GLYPH_CLASS_MARK, input.get());
  p.inert.assign(hb_face_get_glyph_count(face), 1);
  for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(input.get(), &g);)
    if (g < p.inert.size()) p.inert[g] = 0;
  p.usable = true;
  return p;
}

bool DirectShaper::shape(const Font& font, hb_script_t script, hb_language_t language,
                         std::span<const hb_feature_t> features, unsigned variant,
                         std::u32string_view text, std::vector<ShapedGlyph>& out) {
  if (script != HB_SCRIPT_HAN && script != HB_SCRIPT_LATIN) return false;
  const size_t n = text.size();
  for (char32_t c : text)
    if (!plain_char(c)) return false;
  glyphs_.resize(n);
  hb_font_t* hb = font.hb_font();
  static_assert(sizeof(char32_t) == sizeof(hb_codepoint_t));
  if (hb_font_get_nominal_glyphs(hb, static_cast<unsigned>(n),
                                 reinterpret_cast<const hb_codepoint_t*>(text.data()),
                                 sizeof(char32_t), glyphs_.data(), sizeof(hb_codepoint_t)) != n)
    return false;
  const Plain& p = plain(font, script, language, features, variant);
  if (!p.usable) return false;
  for (hb_codepoint_t g : glyphs_)
    if (g == 0 || g >= p.inert.size() || !p.inert[g]) return false;
  advances_.resize(n);
  hb_font_get_glyph_h_advances(hb, static_cast<unsigned>(n), glyphs_.data(), sizeof(hb_codepoint_t),
                               advances_.data(), sizeof(hb_position_t));
  out.resize(n);
  for (size_t i = 0; i < n; ++i)
    out[i] = {glyphs_[i], static_cast<uint32_t>(i), advances_[i], 0, 0};
  ++direct_;
  return true;
}

}  // namespace bp::text
