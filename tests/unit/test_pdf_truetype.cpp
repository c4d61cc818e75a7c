// TrueType (glyf) fonts and synthetic bold (issue 17): a subset of a TrueType face keeps the
// outlines of the glyphs asked for at the glyph IDs the content streams use (checked by reading the
// subset with FreeType), the PDF embeds it as CIDFontType2 + FontFile2 + /CIDToGIDMap /Identity,
// and a family without a bold face is emboldened by fill + stroke, sharing the regular subset.
#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include "../tools/engine_support.hpp"
#include "layout/theme.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/render.hpp"

using namespace bp;

namespace {

constexpr const char* kZenHei = "WenQuanYi Zen Hei";  // fonts-wqy-zenhei: TTC, glyf, no bold
constexpr const char* kUMing = "AR PL UMing CN";      // fonts-arphic-uming: TTC, glyf, no bold

struct Glyph {
  int points = 0, contours = 0;
  FT_BBox box{};
  long advance = 0;
};

Glyph glyph_of(FT_Face face, unsigned gid) {
  REQUIRE(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
  Glyph g;
  g.points = face->glyph->outline.n_points;
  g.contours = face->glyph->outline.n_contours;
  FT_Outline_Get_CBox(&face->glyph->outline, &g.box);
  g.advance = face->glyph->metrics.horiAdvance;
  return g;
}

bool same_box(const FT_BBox& a, const FT_BBox& b) {
  return a.xMin == b.xMin && a.yMin == b.yMin && a.xMax == b.xMax && a.yMax == b.yMax;
}

struct FtLib {
  FT_Library lib = nullptr;
  FtLib() { REQUIRE(FT_Init_FreeType(&lib) == 0); }
  ~FtLib() { FT_Done_FreeType(lib); }
};

}  // namespace

TEST_CASE("a TrueType subset keeps each glyph's outline at the ID the PDF uses",
          "[pdf][subset][truetype]") {
  for (const char* family : {kZenHei, kUMing}) {
    CAPTURE(family);
    const text::Font& font = testing::shared_fonts().get(family, false);
    REQUIRE_FALSE(font.is_cff());
    std::set<uint32_t> gids;
    for (char32_t c : std::u32string(U"部门预算收支总表合计2075.36万元，。“三公”（）ABC"))
      if (uint32_t g = font.glyph(c)) gids.insert(g);
    REQUIRE(gids.size() > 20);
    const pdf::FontSubset sub = pdf::subset_font(font, gids);
    CHECK(sub.cff.empty());
    REQUIRE_FALSE(sub.sfnt.empty());
    CHECK(sub.sfnt.size() < 100000);  // glyphs only: no bitmaps, no cmap (the TTC is 10–20 MB)

    FtLib ft;
    FT_Face original = nullptr, subset = nullptr;
    REQUIRE(FT_New_Face(ft.lib, font.file().c_str(), font.face_index(), &original) == 0);
    REQUIRE(FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(sub.sfnt.data()),
                               static_cast<FT_Long>(sub.sfnt.size()), 0, &subset) == 0);
    CHECK(subset->num_glyphs == static_cast<FT_Long>(gids.size() + 1));  // + .notdef
    for (uint32_t g : gids) {
      CAPTURE(g);
      const uint32_t cid = sub.cid_of_gid.at(g);  // /CIDToGIDMap /Identity: CID = subset glyph ID
      const Glyph a = glyph_of(original, g), b = glyph_of(subset, cid);
      CHECK(a.points == b.points);
      CHECK(a.contours == b.contours);
      CHECK(same_box(a.box, b.box));
      CHECK(a.advance == b.advance);
    }
    FT_Done_Face(subset);
    FT_Done_Face(original);
  }
}

TEST_CASE("a family without a bold face gives a synthetic bold sharing the regular outlines",
          "[text][fonts][truetype]") {
  auto& fonts = testing::shared_fonts();
  const text::Font& regular = fonts.get(kZenHei, false);
  const text::Font& bold = fonts.get(kZenHei, true);
  CHECK_FALSE(regular.synthetic_bold());
  CHECK(bold.synthetic_bold());
  CHECK(&bold.outlines() == &regular);
  CHECK(&fonts.get(kZenHei, true) == &bold);  // loaded once
  CHECK(bold.glyph(U'部') == regular.glyph(U'部'));
  CHECK(bold.advance(bold.glyph(U'部')) == regular.advance(regular.glyph(U'部')));
  CHECK_THROWS_AS(fonts.get(kZenHei, true, /*allow_synthetic_bold=*/false), text::FontError);
  // A family with a real bold face keeps using it.
  CHECK_FALSE(fonts.get("Noto Serif CJK SC", true).synthetic_bold());
  try {
    fonts.get("No Such Family 12345", false);
    FAIL("no error");
  } catch (const text::FontError& e) {
    CHECK(e.code() == "E602");
    CHECK(std::string(e.what()).find("No Such Family 12345") != std::string::npos);
  }
}

TEST_CASE("fonts whose bold face states a regular weight are told apart by style name",
          "[text][fonts]") {
  // TeX Live's Fandol fonts: fontconfig weight 80 for FandolSong-Bold as for -Regular.
  text::FontSet fonts({"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"});
  CHECK(fonts.get("FandolSong", false).postscript_name() == "FandolSong-Regular");
  CHECK(fonts.get("FandolSong", true).postscript_name() == "FandolSong-Bold");
  CHECK_FALSE(fonts.get("FandolSong", true).synthetic_bold());
  CHECK(fonts.get("FandolFang", true).synthetic_bold());  // FandolFang has no bold face
}

TEST_CASE("synthetic bold glyphs are filled and stroked; regular ones only filled",
          "[pdf][truetype]") {
  auto& fonts = testing::shared_fonts();
  const text::Font& regular = fonts.get(kUMing, false);
  const text::Font& bold = fonts.get(kUMing, true);
  REQUIRE(bold.synthetic_bold());
  layout::Page page;
  page.width = 595;
  page.height = 842;
  auto item = [&](const text::Font& f, double y, double size) {
    layout::TextItem it;
    it.x = 72;
    it.y = y;
    for (char32_t c : std::u32string(U"部门预算")) {
      text::PlacedGlyph g;
      g.font = &f;
      g.gid = f.glyph(c);
      g.size = static_cast<float>(size);
      g.x = (it.glyphs.size()) * size;
      g.text = {c, 0};
      it.glyphs.push_back(g);
    }
    return it;
  };
  page.text = {item(regular, 100, 16), item(bold, 130, 16), item(bold, 160, 10),
               item(regular, 190, 10)};
  const pdf::FontSubset sub = pdf::subset_font(
      regular,
      {regular.glyph(U'部'), regular.glyph(U'门'), regular.glyph(U'预'), regular.glyph(U'算')});
  std::map<const text::Font*, pdf::FontRef> refs;
  refs[&regular] = {0, "F1", &regular, &sub, nullptr};
  refs[&bold] = refs[&regular];  // one resource for both: the same outlines
  const std::string content = pdf::page_content(page, refs, nullptr, 0.03);
  CAPTURE(content);
  const auto tr2 = content.find("2 Tr");
  REQUIRE(tr2 != std::string::npos);
  CHECK(content.find("0.48 w", tr2) != std::string::npos);  // 0.03 em of 16 pt
  CHECK(content.find("0.3 w", tr2) != std::string::npos);   // 0.03 em of 10 pt
  CHECK(content.find("0 Tr", tr2) != std::string::npos);    // back to fill for the last line
  CHECK(content.find("2 Tr") < content.find("0 Tr"));
  CHECK(content.find("/F2") == std::string::npos);
  // Without synthetic bold on the page: no rendering-mode operator at all.
  page.text = {item(regular, 100, 16)};
  CHECK(pdf::page_content(page, refs, nullptr, 0.03).find(" Tr") == std::string::npos);
}

TEST_CASE("a document in TrueType fonts embeds CIDFontType2 subsets, one per face",
          "[pdf][render][truetype]") {
  layout::Theme theme = testing::default_theme();
  theme.serif = kUMing;
  theme.sans = kZenHei;
  theme.fallbacks = {kUMing, kZenHei};
  theme.pdf_archival = false;
  theme.pdf_object_streams = false;  // dictionaries as plain text, so the test can find them
  doc::Document d;
  d.blocks.push_back(doc::Heading{1, "第一部分 部门预算", "p1"});  // sans bold: synthetic
  doc::Paragraph p;
  p.spans.push_back({"收入合计2075.36万元，", false});
  p.spans.push_back({"增长12.5%。", true});  // serif bold: synthetic
  d.blocks.push_back(p);
  pdf::RenderStats stats;
  const std::string bytes = pdf::render_to_bytes(d, theme, testing::shared_fonts(), &stats);
  REQUIRE(stats.fonts.size() == 2);  // regular and synthetic bold share each face's subset
  CHECK(bytes.find("/CIDFontType2") != std::string::npos);
  CHECK(bytes.find("/FontFile2") != std::string::npos);
  const auto map = bytes.find("/CIDToGIDMap");
  REQUIRE(map != std::string::npos);
  CHECK(bytes.substr(bytes.find_first_not_of(' ', map + 12), 9) == "/Identity");
  CHECK(bytes.find("/CIDFontType0") == std::string::npos);
  CHECK(bytes == pdf::render_to_bytes(d, theme, testing::shared_fonts()));  // deterministic
}

TEST_CASE("a role's bold family is used as it is, never emboldened again", "[text][fonts][theme]") {
  layout::Theme theme = testing::default_theme();
  theme.roles["kai"] = kUMing;
  theme.bold_families["kai"] = kZenHei;  // no bold face of its own: still not synthetic
  testing::Engine e(theme);
  layout::Style s = theme.body;
  s.font = layout::FontRole{"kai"};
  s.bold = true;
  const text::Font* bold = e.ctx.text_style(s).fonts->fonts.front();
  CHECK(bold == &testing::shared_fonts().get(kZenHei, false));
  CHECK_FALSE(bold->synthetic_bold());
  s.bold = false;
  CHECK(e.ctx.text_style(s).fonts->fonts.front() == &testing::shared_fonts().get(kUMing, false));
  // Without a bold family: the family's synthetic bold.
  layout::Style serif_bold = theme.body;
  serif_bold.bold = true;
  theme.serif = kUMing;
  testing::Engine e2(theme);
  CHECK(e2.ctx.text_style(serif_bold).fonts->fonts.front()->synthetic_bold());
}
