// text/cff_subset_cache.hpp: a CID-keyed CFF subset assembled from the cached charstrings must be
// byte for byte the table hb-subset makes for the same glyphs (the PDF's bytes must not depend on
// whether a face was subset before in the process).
#include <catch2/catch.hpp>

#include <hb.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../tools/engine_support.hpp"
#include "pdf/font_subset.hpp"
#include "text/cff_subset_cache.hpp"
#include "text/font.hpp"
#include "util/utf8.hpp"

using namespace bp;

namespace {

std::string hb_only(const text::Font& font, const std::set<uint32_t>& gids) {
  return pdf::subset_font(font, gids, false, /*use_cache=*/false).cff;
}

// The glyphs of an example's characters (cmap only; the shaped text uses about these).
std::set<uint32_t> example_glyphs(const text::Font& font, const std::filesystem::path& yaml) {
  std::ifstream in(yaml);
  std::stringstream ss;
  ss << in.rdbuf();
  std::set<uint32_t> out;
  for (char32_t c : utf8::to_u32(ss.str()))
    if (const uint32_t g = font.glyph(c)) out.insert(g);
  return out;
}

// Compares the cache's table with hb-subset's for `gids` (every glyph must be cached).
void same(const text::Font& font, const std::set<uint32_t>& gids) {
  const auto assembled = font.cff_subset_cache()->assemble(gids);
  REQUIRE(assembled.has_value());
  const std::string expected = hb_only(font, gids);
  CHECK(assembled->size() == expected.size());
  CHECK(*assembled == expected);
}

void check_face(const std::filesystem::path& file, int index) {
  INFO(file.string() << " face " << index);
  const text::Font font(file, index);  // its own cache
  text::CffSubsetCache* cache = font.cff_subset_cache();
  REQUIRE(cache != nullptr);
  const unsigned count = hb_face_get_glyph_count(font.hb_face());
  std::mt19937 rng(20);
  std::uniform_int_distribution<uint32_t> any(1, count - 1);

  // Nothing learned yet: hb-subset's path, which the cache learns (and checks against itself).
  std::set<uint32_t> warm;
  for (const auto& e : std::filesystem::directory_iterator("examples/2023"))
    if (e.path().extension() == ".yaml") {
      const auto g = example_glyphs(font, e.path());
      warm.insert(g.begin(), g.end());
    }
  REQUIRE(warm.size() > 100);
  CHECK_FALSE(cache->assemble(warm).has_value());
  const pdf::FontSubset first = pdf::subset_font(font, warm);
  CHECK(cache->enabled());
  std::set<uint32_t> spread;  // glyphs across the face: every font dict
  for (uint32_t g = 1; g < count; g += 97) spread.insert(g);
  spread.insert(count - 1);
  for (int k = 0; k < 400; ++k) spread.insert(any(rng));
  pdf::subset_font(font, spread);
  REQUIRE(cache->enabled());
  CHECK(cache->glyphs() >= warm.size() + 1);

  // The same subset from the cache: identical FontSubset.
  const pdf::FontSubset again = pdf::subset_font(font, warm);
  CHECK(again.cff == first.cff);
  CHECK(again.cid_of_gid == first.cid_of_gid);
  CHECK(again.cid_keyed == first.cid_keyed);
  CHECK(again.cid_equals_gid == first.cid_equals_gid);

  std::vector<uint32_t> known(warm.begin(), warm.end());
  known.insert(known.end(), spread.begin(), spread.end());
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());

  // Each example's own set, and the sets of one glyph, none, .notdef alone.
  for (const auto& e : std::filesystem::directory_iterator("examples/2023"))
    if (e.path().extension() == ".yaml") same(font, example_glyphs(font, e.path()));
  same(font, {});
  same(font, {0});
  for (uint32_t g : {known[1], known[known.size() / 2], known.back()}) same(font, {g});
  same(font, {0, known.back()});
  // Random sets of known glyphs, small to large (several font dicts, charset formats 0/1/2).
  std::uniform_int_distribution<size_t> pick(0, known.size() - 1);
  for (size_t size : {2, 3, 5, 20, 60, 200, 700, 1500}) {
    std::set<uint32_t> s;
    while (s.size() < std::min(size, known.size())) s.insert(known[pick(rng)]);
    same(font, s);
  }
  // Runs of consecutive glyphs (long charset ranges, format 2 beyond 256).
  {
    std::set<uint32_t> run;
    for (uint32_t g = 1; g < count && run.size() < 600; g += 1) run.insert(g);
    pdf::subset_font(font, run);  // learn
    REQUIRE(cache->enabled());
    same(font, run);
    std::set<uint32_t> gaps;
    for (uint32_t g = 1; g < 600; g += 2) gaps.insert(g);
    same(font, gaps);
  }
  // A glyph never subset: hb-subset again, and still right.
  std::set<uint32_t> with_new = {known[3]};
  uint32_t fresh = 1;
  while (std::binary_search(known.begin(), known.end(), fresh) || fresh <= 600) ++fresh;
  with_new.insert(fresh);
  CHECK_FALSE(cache->assemble(with_new).has_value());
  REQUIRE(cache->missing(with_new) == std::set<uint32_t>{fresh});
  CHECK(pdf::subset_font(font, with_new).cff == hb_only(font, with_new));
  CHECK(cache->assemble(with_new).has_value());
  CHECK(cache->missing(with_new)->empty());
  known.push_back(fresh);
  std::sort(known.begin(), known.end());

  // The partial path (issue 20B): hb-subset makes only the glyphs not known yet, the cache
  // learns them and assembles the whole set. Large known sets with a few new glyphs (of the
  // same and of other font dicts), a set of only new glyphs beside .notdef, and a set where
  // half the glyphs are new; every result must be hb-subset's for the whole set, and the
  // FontSubset the same as without the cache.
  auto unknown = [&](uint32_t from) {
    uint32_t g = from;
    // (glyphs 1–600 were learned by the runs above)
    while (g <= 600 || std::binary_search(known.begin(), known.end(), g))
      g = g + 1 < count ? g + 1 : 601;
    known.insert(std::upper_bound(known.begin(), known.end(), g), g);
    return g;
  };
  auto partial = [&](std::set<uint32_t> s, size_t fresh_count) {
    INFO("set of " << s.size() << " glyphs, " << fresh_count << " new");
    REQUIRE(cache->missing(s).has_value());
    CHECK(cache->missing(s)->size() == fresh_count);
    const pdf::FontSubset with_cache = pdf::subset_font(font, s);
    const pdf::FontSubset without = pdf::subset_font(font, s, false, /*use_cache=*/false);
    CHECK(with_cache.cff.size() == without.cff.size());
    CHECK(with_cache.cff == without.cff);
    CHECK(with_cache.cid_of_gid == without.cid_of_gid);
    CHECK(with_cache.cid_equals_gid == without.cid_equals_gid);
    CHECK(cache->missing(s)->empty());
    CHECK(cache->enabled());
  };
  {
    std::set<uint32_t> s = warm;
    s.insert(unknown(count / 2));
    partial(s, 1);
  }
  {
    // The principle itself, without subset_font's dispatch: a table learned from the new glyphs
    // alone lets the cache assemble the whole set as hb-subset makes it.
    std::set<uint32_t> s = warm, fresh_only;
    for (uint32_t from : {count / 5, count / 4}) fresh_only.insert(unknown(from));
    s.insert(fresh_only.begin(), fresh_only.end());
    CHECK_FALSE(cache->assemble(s).has_value());
    pdf::subset_font(font, fresh_only, false, /*use_cache=*/false);  // not learned
    CHECK_FALSE(cache->assemble(s).has_value());
    pdf::subset_font(font, fresh_only);  // learned
    same(font, s);
  }
  {
    std::set<uint32_t> s = warm;
    for (uint32_t from : {count / 7, count / 3, count - 2}) s.insert(unknown(from));
    partial(s, 3);
  }
  {
    std::set<uint32_t> s = {0};
    for (int k = 0; k < 5; ++k) s.insert(unknown(any(rng)));
    partial(s, 5);
  }
  {
    std::set<uint32_t> s;
    while (s.size() < 100) s.insert(known[pick(rng)]);
    for (int k = 0; k < 100; ++k) s.insert(unknown(any(rng)));
    partial(s, 100);
  }
  {
    std::set<uint32_t> s;
    for (uint32_t g = count - 300; g < count; ++g) s.insert(g);  // a charset run, partly new
    size_t fresh_count = 0;
    for (uint32_t g : s) fresh_count += !std::binary_search(known.begin(), known.end(), g);
    REQUIRE(fresh_count > 0);
    partial(s, fresh_count);
  }
}

}  // namespace

TEST_CASE("CffSubsetCache: Noto CJK subsets identical to hb-subset's", "[text][cff][slow]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font& sans = testing::shared_fonts().get("Noto Sans CJK SC", true);
  check_face(serif.file(), serif.face_index());
  check_face(sans.file(), sans.face_index());
  check_face(serif.file(), (serif.face_index() + 1) % 5);  // another face of the same TTC
}

TEST_CASE("CffSubsetCache: a CID-keyed face whose CIDs are not its glyph IDs", "[text][cff]") {
  const std::filesystem::path file =
      "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
  if (!std::filesystem::exists(file)) {
    WARN("FandolFang-Regular.otf not installed");
    return;
  }
  check_face(file, 0);
}

TEST_CASE("CffSubsetCache: hinted subsets never use the cache", "[text][cff]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font font(serif.file(), serif.face_index());
  const std::set<uint32_t> gids = {font.glyph(U'部'), font.glyph(U'门')};
  pdf::subset_font(font, gids, /*keep_hinting=*/true);
  CHECK(font.cff_subset_cache()->glyphs() == 0);
  const std::string hinted = pdf::subset_font(font, gids, true).cff;
  pdf::subset_font(font, gids);  // unhinted: learned
  CHECK(font.cff_subset_cache()->glyphs() == 3);
  CHECK(pdf::subset_font(font, gids, true).cff == hinted);
}
