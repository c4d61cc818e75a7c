// GlyphTable (pdf/content_stream.hpp): the content streams look every glyph up in it, through a
// bitmap of the subset's glyph IDs with a running count of set bits. Its answers must be those of a
// search of the sorted IDs for every glyph ID, present or not, at the words' edges and past the
// largest ID; and a page's content stream must be the same with the table as without it (the
// maps and the font asked directly).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "../tools/engine_support.hpp"
#include "pdf/content_stream.hpp"

using namespace bp;

namespace {

constexpr const char* kSerif = "Noto Serif CJK SC";

// The index a binary search of the sorted IDs gives (the table's former look-up).
size_t searched(const pdf::GlyphTable& t, uint32_t gid) {
  const auto it = std::lower_bound(t.gids.begin(), t.gids.end(), gid);
  return it != t.gids.end() && *it == gid ? static_cast<size_t>(it - t.gids.begin())
                                          : t.gids.size();
}

pdf::FontSubset subset_of(const std::set<uint32_t>& gids) {
  pdf::FontSubset s;
  uint32_t cid = 1;
  for (uint32_t g : gids) s.cid_of_gid[g] = cid++;
  return s;
}

}  // namespace

TEST_CASE("GlyphTable::find gives every glyph ID's index in the sorted IDs", "[pdf][content]") {
  const text::Font& font = testing::shared_fonts().get(kSerif, false);
  std::mt19937 random(20);
  std::vector<std::set<uint32_t>> sets = {
      {},                               // no glyphs
      {0},                              // .notdef only
      {63, 64, 127, 128, 129},          // the edges of the bitmap's words
      {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},  // one word, dense
      {5, 65535},                       // the largest glyph ID of a face
  };
  for (int n : {50, 2000, 20000}) {  // spread over the whole face, as a CJK document's glyphs are
    std::set<uint32_t> s;
    std::uniform_int_distribution<uint32_t> gid(0, 65535);
    while (s.size() < static_cast<size_t>(n)) s.insert(gid(random));
    sets.push_back(s);
  }
  for (const auto& gids : sets) {
    CAPTURE(gids.size());
    const pdf::FontSubset sub = subset_of(gids);
    const pdf::GlyphTable t = pdf::GlyphTable::make(font, sub, nullptr);
    REQUIRE(t.gids.size() == gids.size());
    size_t found = 0, wrong = 0;
    for (uint32_t g = 0; g < 65536 + 200; ++g) {
      const size_t i = t.find(g);
      if (i != searched(t, g) || (i < t.gids.size() && t.cids[i] != sub.cid_of_gid.at(g))) {
        if (wrong++ == 0) UNSCOPED_INFO("first wrong answer for glyph " << g);
      }
      if (i < t.gids.size()) ++found;
    }
    CHECK(wrong == 0);
    CHECK(found == gids.size());
    CHECK(t.find(0xFFFFFFFFu) == t.gids.size());
  }
}

TEST_CASE("a page's content stream is the same with and without the glyph table",
          "[pdf][content]") {
  const text::Font& font = testing::shared_fonts().get(kSerif, false);
  layout::Page page;
  page.width = 595;
  page.height = 842;
  layout::TextItem item;
  item.x = 72;
  item.y = 100;
  double x = 0;
  std::set<uint32_t> gids;
  std::map<uint32_t, std::u32string> unicode;
  for (char32_t c : std::u32string(U"部门预算收支总表合计2075.36万元，。“三公”（）ABC")) {
    const uint32_t g = font.glyph(c);
    if (!g) continue;
    text::PlacedGlyph pg;
    pg.font = &font;
    pg.gid = g;
    pg.size = 10.5;
    pg.x = x;
    pg.text[0] = c;
    x += font.advance(g) * 10.5 / font.upem() + 0.25;  // a justification gap: TJ adjustments
    item.glyphs.push_back(pg);
    gids.insert(g);
    unicode.emplace(g, std::u32string(1, c));
  }
  REQUIRE(item.glyphs.size() > 20);
  page.text.push_back(item);
  const pdf::FontSubset sub = subset_of(gids);
  const pdf::GlyphTable table = pdf::GlyphTable::make(font, sub, &unicode);
  std::map<const text::Font*, pdf::FontRef> plain, tabled;
  plain[&font] = {0, "F1", &font, &sub, &unicode, nullptr};
  tabled[&font] = {0, "F1", &font, &sub, &unicode, &table};
  const std::string a = pdf::page_content(page, plain, nullptr, 0.03);
  CHECK(a.find("TJ") != std::string::npos);
  CHECK(pdf::page_content(page, tabled, nullptr, 0.03) == a);
}
