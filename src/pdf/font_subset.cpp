#include "pdf/font_subset.hpp"

#include <hb-subset.h>

#include <memory>
#include <optional>
#include <vector>

#include "pdf/cff.hpp"
#include "text/cff_subset_cache.hpp"

namespace bp::pdf {

namespace {
struct InputDeleter {
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};

// TrueType outlines: the subset is a complete font file (glyf, loca, head, hhea, hmtx, maxp and,
// with hinting, cvt/fpgm/prep) embedded as FontFile2. Content streams address its glyphs by their
// new glyph IDs: the CIDFontType2 says /CIDToGIDMap /Identity.
FontSubset truetype_subset(hb_face_t* result, const hb_map_t* old_to_new,
                           const std::set<uint32_t>& gids, const std::string& name) {
  text::HbBlobPtr blob(hb_face_reference_blob(result));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  text::HbBlobPtr glyf(hb_face_reference_table(result, HB_TAG('g', 'l', 'y', 'f')));
  if (len == 0 || hb_blob_get_length(glyf.get()) == 0)
    throw SubsetError("字体 " + name + " 的子集没有 glyf 表");
  FontSubset out;
  out.sfnt.assign(data, len);
  const unsigned glyphs = hb_face_get_glyph_count(result);
  for (uint32_t g : gids) {
    const hb_codepoint_t n = hb_map_get(old_to_new, g);
    if (n == HB_MAP_VALUE_INVALID || n >= glyphs)
      throw SubsetError("字体 " + name + " 的子集缺少字形 " + std::to_string(g));
    out.cid_of_gid[g] = n;
    if (n != g) out.cid_equals_gid = false;
  }
  return out;
}

}  // namespace

namespace {

// The CFF table hb-subset makes for `gids`, learned by `cache` (when not null).
// `sub_ids` receives the subset glyph index of each of `gids` (in order; invalid when missing).
// Gives the face's file pages back when it returns (or throws): hb-subset has read the
// charstrings of these glyphs, spread over the whole face, and the pages it touched would stay
// resident for the rest of the run (several MB a face). Later subsets of the same glyphs come from
// the cache, and shaping faults back in the few pages it reads.
std::string hb_subset_cff(const text::Font& font, const std::set<uint32_t>& gids, bool keep_hinting,
                          text::CffSubsetCache* cache, const std::string& name,
                          FontSubset* truetype, std::vector<uint32_t>* sub_ids) {
  struct PagesBack {
    const text::Font& font;
    ~PagesBack() { font.release_file_pages(); }
  } pages_back{font};
  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) throw SubsetError("hb-subset 为字体 " + name + " 制作子集时内存不足");
  hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
  hb_set_add(glyphs, 0);
  for (uint32_t g : gids) hb_set_add(glyphs, g);
  hb_set_clear(hb_subset_input_unicode_set(input.get()));
  // Layout and vertical tables would pull extra glyphs into the closure; the PDF needs none of
  // them.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx",
                          "kern", "morx", "mort", "COLR", "CPAL", "SVG ", "DSIG"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  // Hints (CFF stem hints) are about 15 % of a CJK subset; poppler, pdf.js and printers do not use
  // them (docs/typography.md), so the theme drops them unless it asks to keep them. Without hints
  // the subset is also desubroutinized: the subroutines of a whole CJK font serve only a few glyphs
  // of a subset, and the inlined charstrings deflate 10 % smaller (example 434: 326 → 300 KB) and
  // are quicker to make (hb-subset −40 % instructions). Pixels are identical.
  const hb_subset_flags_t flags =
      keep_hinting ? HB_SUBSET_FLAGS_DEFAULT
                   : static_cast<hb_subset_flags_t>(HB_SUBSET_FLAGS_NO_HINTING |
                                                    HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_subset_input_set_flags(input.get(), flags);
  // hb_set_add fails silently when out of memory: a glyph missing from the subset must not go
  // unnoticed.
  if (!hb_set_allocation_successful(glyphs) || !hb_set_allocation_successful(drop))
    throw SubsetError("hb-subset 为字体 " + name + " 制作子集时内存不足");

  std::unique_ptr<hb_subset_plan_t, PlanDeleter> plan(
      hb_subset_plan_create_or_fail(font.subset_face(), input.get()));
  if (!plan) throw SubsetError("hb-subset 无法为字体 " + name + " 制作子集");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  text::HbFacePtr result(hb_subset_plan_execute_or_fail(plan.get()));
  if (!result) throw SubsetError("hb-subset 制作字体 " + name + " 的子集失败");
  if (!font.is_cff()) {
    *truetype = truetype_subset(result.get(), old_to_new, gids, name);
    return {};
  }
  text::HbBlobPtr cff(hb_face_reference_table(result.get(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned len = 0;
  const char* data = hb_blob_get_data(cff.get(), &len);
  if (len == 0) throw SubsetError("字体 " + name + " 的子集没有 CFF 表");
  std::string out(data, len);
  for (uint32_t g : gids) sub_ids->push_back(hb_map_get(old_to_new, g));
  if (cache) {
    const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
    std::vector<uint32_t> olds(hb_map_get_population(new_to_old));
    for (uint32_t n = 0; n < olds.size(); ++n) olds[n] = hb_map_get(new_to_old, n);
    cache->learn(gids, out, std::move(olds));
  }
  return out;
}

// A subset the cache cannot assemble yet because it misses some glyphs: the cache flattens them
// from the original face itself (text/cff_flatten.hpp, ≈ 8–17 K instructions a glyph), and
// hb-subset makes a subset of only the glyphs the cache still asks for (≈ 0.4 M instructions a
// subset plus ≈ 80 K a glyph): those the flattener refuses, one glyph of each font dict it has
// not seen, and a sample to verify the flattener with on the face's first subset. The cache
// learns that table — checking its own assembly of it against hb-subset's bytes, as for every
// table it learns, and its flattener against hb-subset's charstrings — and the whole set is then
// assembled. With the flattener off for the face, hb-subset makes every glyph the cache lacks
// (issue 20B). Nothing when hb-subset would make (nearly) the whole set anyway or the cache still
// cannot assemble it (e.g. a glyph that pulls in others); the caller then asks hb-subset for the
// whole set as before.
std::optional<std::string> flatten_and_assemble(const text::Font& font,
                                                const std::set<uint32_t>& gids,
                                                text::CffSubsetCache* cache,
                                                const std::string& name) {
  // The flattener reads charstrings and subroutines all over the face's file: its pages go back
  // when the subset is made, as after hb-subset (20A's peak RSS).
  struct PagesBack {
    const text::Font& font;
    ~PagesBack() { font.release_file_pages(); }
  } pages_back{font};
  for (int round = 0; round < 2; ++round) {
    const std::optional<std::set<uint32_t>> need = cache->flatten_missing(gids);
    if (!need) return std::nullopt;
    if (need->empty()) return cache->assemble(gids);
    if (need->size() >= gids.size()) return std::nullopt;
    FontSubset unused;
    std::vector<uint32_t> sub_ids;
    hb_subset_cff(font, *need, false, cache, name, &unused, &sub_ids);
  }
  return cache->assemble(gids);
}

}  // namespace

FontSubset subset_font(const text::Font& font, const std::set<uint32_t>& gids, bool keep_hinting,
                       bool use_cache) {
  text::CffSubsetCache* cache = use_cache && !keep_hinting ? font.cff_subset_cache() : nullptr;
  const std::string name =
      font.file().string() + " (face " + std::to_string(font.face_index()) + ")";
  FontSubset out;
  // Unhinted CID-keyed CFF: from the face's cache of charstrings when it knows every glyph.
  std::optional<std::string> cached;
  if (cache) cached = cache->assemble(gids);
  if (cache && !cached) cached = flatten_and_assemble(font, gids, cache, name);
  std::vector<uint32_t> sub_ids;
  sub_ids.reserve(gids.size());
  if (cached) {
    out.cff = std::move(*cached);
    // The assembled subset holds .notdef and `gids` in ascending order, nothing else.
    uint32_t n = 0;
    for (uint32_t g : gids) sub_ids.push_back(g == 0 ? 0 : ++n);
  } else {
    out.cff = hb_subset_cff(font, gids, keep_hinting, cache, name, &out, &sub_ids);
    if (!font.is_cff()) return out;
  }

  CffInfo info;
  try {
    info = read_cff(out.cff);
  } catch (const CffError& e) {
    throw SubsetError("字体 " + name + " 的子集无法读取：" + e.what());
  }
  out.cid_keyed = info.cid_keyed;
  auto sub = sub_ids.begin();
  for (uint32_t g : gids) {
    const hb_codepoint_t n = *sub++;
    if (n == HB_MAP_VALUE_INVALID || n >= info.charset.size())
      throw SubsetError("字体 " + name + " 的子集缺少字形 " + std::to_string(g));
    // CID-keyed: content streams address glyphs by the CID in the charset. Name-keyed CFF in a
    // CIDFontType0: the CID is the glyph index of the subset.
    const uint32_t cid = info.cid_keyed ? info.charset[n] : n;
    out.cid_of_gid[g] = cid;
    if (cid != g) out.cid_equals_gid = false;
  }
  return out;
}

}  // namespace bp::pdf
