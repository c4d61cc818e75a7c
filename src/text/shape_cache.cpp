#include "text/shape_cache.hpp"

#include <hb-ot.h>

#include <functional>
#include <iterator>
#include <new>

namespace bp::text {

size_t ShapeCache::KeyHash::operator()(const Key& k) const {
  size_t h = std::hash<std::u32string>()(k.text);
  h ^= std::hash<const void*>()(k.font) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<unsigned>()(static_cast<unsigned>(k.script)) + (h << 6) + (h >> 2);
  h ^= k.tabular ? 0x51ed27 : 0;
  return h;
}

ShapeCache::ShapeCache()
    : buffer_(hb_buffer_create()), lang_(hb_language_from_string("zh-Hans", -1)) {
  const char* names[] = {"liga=0", "clig=0", "dlig=0"};
  for (size_t i = 0; i < features_.size(); ++i) hb_feature_from_string(names[i], -1, &features_[i]);
}

bool ShapeCache::has_tnum(const Font& font) {
  auto it = tnum_.find(&font);
  if (it != tnum_.end()) return it->second;
  hb_face_t* face = hb_font_get_face(font.hb_font());
  bool found = false;
  for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    unsigned index = 0;
    found = found ||
            hb_ot_layout_language_find_feature(face, table, 0, HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX,
                                               HB_TAG('t', 'n', 'u', 'm'), &index);
  }
  return tnum_.emplace(&font, found).first->second;
}

const std::vector<ShapedGlyph>& ShapeCache::shape(const Font& font, hb_script_t script,
                                                  std::u32string_view text, bool tabular) {
  Key key{&font, script, std::u32string(text), tabular};
  if (auto it = cache_.find(key); it != cache_.end()) {
    ++hits_;
    it->second.used = generation_;
    return it->second.glyphs;
  }
  ++misses_;
  hb_buffer_t* buf = buffer_.get();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, script);
  hb_buffer_set_language(buf, lang_);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  std::vector<hb_feature_t>& features = features_scratch_;
  features.assign(features_.begin(), features_.end());
  bool global = true;  // every feature applies to the whole run
  bool tnum = false;
  if (tabular) {
    hb_feature_t f{};
    if (has_tnum(font)) {
      hb_feature_from_string("tnum", -1, &f);
      features.push_back(f);
      tnum = true;
    } else {
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] < U'0' || text[i] > U'9') continue;
        size_t j = i;
        while (j < text.size() && text[j] >= U'0' && text[j] <= U'9') ++j;
        hb_feature_from_string("hwid", -1, &f);
        f.start = static_cast<unsigned>(i);
        f.end = static_cast<unsigned>(j);
        features.push_back(f);
        global = false;
        i = j;
      }
    }
  }
  const auto n_features = static_cast<unsigned>(features.size());
  if (global && !text.empty())
    hb_shape_plan_execute(plan_for(font, script, tnum, features), font.hb_font(), buf,
                          features.data(), n_features);
  else
    hb_shape(font.hb_font(), buf, features.data(), n_features);
  // HarfBuzz reports running out of memory only through this flag (the buffer is then empty):
  // without the check, text would silently vanish from the page.
  if (!hb_buffer_allocation_successful(buf)) throw std::bad_alloc();

  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  std::vector<ShapedGlyph> out(n);
  for (unsigned i = 0; i < n; ++i)
    out[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset,
              pos[i].y_offset};
  return cache_.emplace(std::move(key), Entry{std::move(out), generation_}).first->second.glyphs;
}

hb_shape_plan_t* ShapeCache::plan_for(const Font& font, hb_script_t script, bool tnum,
                                      const std::vector<hb_feature_t>& features) {
  for (const Plan& p : plans_)
    if (p.font == &font && p.script == script && p.tnum == tnum) return p.plan.get();
  // What hb_shape_full() asks for: the buffer's segment properties, the font's variation
  // coordinates, the default shaper list. HarfBuzz keeps the plan in the face's cache too.
  hb_segment_properties_t props{};
  hb_buffer_get_segment_properties(buffer_.get(), &props);
  unsigned coords_n = 0;
  const int* coords = hb_font_get_var_coords_normalized(font.hb_font(), &coords_n);
  HbPlanPtr plan(hb_shape_plan_create_cached2(
      hb_font_get_face(font.hb_font()), &props, features.data(),
      static_cast<unsigned>(features.size()), coords, coords_n, nullptr));
  plans_.push_back({&font, script, tnum, std::move(plan)});
  return plans_.back().plan.get();
}

std::pair<int, int> ShapeCache::ink_x(const Font& font, uint32_t gid) {
  const auto serial = font_serial_.emplace(&font, static_cast<uint32_t>(font_serial_.size()));
  const uint64_t key = (static_cast<uint64_t>(serial.first->second) << 32) | gid;
  if (auto it = ink_.find(key); it != ink_.end()) return it->second;
  return ink_.emplace(key, font.ink_x(gid)).first->second;
}

void ShapeCache::next_document() {
  for (auto it = cache_.begin(); it != cache_.end();)
    it = it->second.used + 1 < generation_ ? cache_.erase(it) : std::next(it);
  ++generation_;
}

}  // namespace bp::text
