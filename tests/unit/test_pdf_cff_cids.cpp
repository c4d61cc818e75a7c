// pdf/cff.hpp read_cff_cids: the CIDs of a few glyphs of a whole CID-keyed face, read from its
// charset alone. The writer predicts a subset's CIDs from them (to make content streams before the
// subset is ready), so they must be what the full charset says and what hb-subset's subset keeps.
#include <catch2/catch.hpp>

#include <hb.h>

#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include "../tools/engine_support.hpp"
#include "pdf/cff.hpp"
#include "pdf/font_subset.hpp"
#include "text/font.hpp"

using namespace bp;

namespace {

std::string_view cff_of(const text::Font& font, text::HbBlobPtr& keep) {
  keep.reset(hb_face_reference_table(font.hb_face(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned len = 0;
  const char* data = hb_blob_get_data(keep.get(), &len);
  return {data, len};
}

// Glyphs spread over the face (0, every 331st, the last) and the glyphs of some text.
std::vector<uint32_t> sample_gids(const text::Font& font, std::u32string_view text) {
  std::set<uint32_t> g{0};
  const unsigned count = hb_face_get_glyph_count(font.hb_face());
  for (uint32_t i = 1; i < count; i += 331) g.insert(i);
  g.insert(count - 1);
  for (char32_t c : text)
    if (const uint32_t id = font.glyph(c)) g.insert(id);
  return {g.begin(), g.end()};
}

void check_face(const text::Font& font) {
  text::HbBlobPtr keep;
  const std::string_view cff = cff_of(font, keep);
  REQUIRE(!cff.empty());
  const pdf::CffInfo full = pdf::read_cff(cff);
  REQUIRE(full.cid_keyed);
  const auto gids = sample_gids(font, U"部门预算收支总表合计2075.36万元，。“三公”（）");
  const pdf::CffCids cids = pdf::read_cff_cids(cff, gids);
  CHECK(cids.cid_keyed);
  REQUIRE(cids.cid_of_gid.size() == gids.size());
  for (size_t i = 0; i < gids.size(); ++i) {
    CHECK(cids.cid_of_gid[i].first == gids[i]);
    CHECK(cids.cid_of_gid[i].second == full.charset.at(gids[i]));
  }
  // The subset keeps these CIDs (what the writer's prediction relies on).
  const std::set<uint32_t> some(gids.begin() + 1, gids.begin() + std::min<size_t>(gids.size(), 60));
  const pdf::FontSubset sub = pdf::subset_font(font, some);
  for (const auto& [g, cid] : cids.cid_of_gid)
    if (some.count(g)) CHECK(sub.cid_of_gid.at(g) == cid);
}

}  // namespace

TEST_CASE("read_cff_cids: Noto CJK (CID = glyph ID)", "[pdf][cff]") {
  check_face(testing::shared_fonts().get("Noto Serif CJK SC", false));
  check_face(testing::shared_fonts().get("Noto Sans CJK SC", true));
}

TEST_CASE("read_cff_cids: a CID-keyed face whose CIDs are not its glyph IDs", "[pdf][cff]") {
  // The Fandol faces (TeX Live, the gongwen theme's fonts): about 1 400 of their 10 000 glyphs have
  // a CID other than their index.
  const std::filesystem::path file =
      "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
  if (!std::filesystem::exists(file)) {
    WARN("FandolFang-Regular.otf not installed");
    return;
  }
  const text::Font font(file, 0);
  check_face(font);
  text::HbBlobPtr keep;
  const pdf::CffInfo full = pdf::read_cff(cff_of(font, keep));
  bool differs = false;
  for (size_t g = 0; g < full.charset.size(); ++g) differs = differs || full.charset[g] != g;
  CHECK(differs);  // the test reads a charset that is not the identity
}

TEST_CASE("read_cff_cids: name-keyed and malformed tables", "[pdf][cff]") {
  // A Top DICT without ROS: no CIDs to read.
  // Header (1 0 4 1), Name INDEX (1 item "A"), Top DICT INDEX (1 item: 0 17 = CharStrings at 0).
  const std::string name_keyed = std::string("\x01\x00\x04\x01", 4) +
                                 std::string(
                                     "\x00\x01\x01\x01\x02"
                                     "A",
                                     6) +
                                 std::string("\x00\x01\x01\x01\x03\x8b\x11", 7);
  const pdf::CffCids c = pdf::read_cff_cids(name_keyed, {0, 1, 2});
  CHECK_FALSE(c.cid_keyed);
  CHECK(c.cid_of_gid.empty());
  CHECK_THROWS_AS(pdf::read_cff_cids(name_keyed.substr(0, 9), {1}), pdf::CffError);
}
