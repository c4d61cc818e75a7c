// The PDF layer: font subsets (the CIDs in content streams address the right outlines — checked by
// reading the subset with FreeType, not by trusting the charset), ToUnicode, PDF syntax helpers and
// deterministic bytes.
#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_CID_H

#include <thread>

#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "pdf/cff.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/pdf_format.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf/render.hpp"
#include "pdf/to_unicode.hpp"
#include "text/cff_subset_cache.hpp"

using namespace bp;

namespace {

struct Outline {
  int points = 0, contours = 0;
  FT_BBox box{};
};

Outline outline_of(FT_Face face, unsigned glyph) {
  REQUIRE(FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
  Outline o;
  o.points = face->glyph->outline.n_points;
  o.contours = face->glyph->outline.n_contours;
  FT_Outline_Get_CBox(&face->glyph->outline, &o.box);
  return o;
}

std::set<uint32_t> gids_of(const text::Font& f, std::u32string_view s) {
  std::set<uint32_t> out;
  for (char32_t c : s) out.insert(f.glyph(c));
  return out;
}

}  // namespace

TEST_CASE("subset CIDs address the original glyphs' outlines", "[pdf][subset]") {
  const text::Font& font = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const std::u32string chars = U"部门预算收支总表合计2075.36万元，。“三公”（）";
  const auto gids = gids_of(font, chars);
  pdf::FontSubset sub = pdf::subset_font(font, gids);
  CHECK(sub.cid_keyed);
  CHECK(sub.cid_equals_gid);  // Noto CJK: CID = original glyph ID (read from the charset)
  CHECK(sub.cff.size() < 60000);

  // No layout closure: the subset holds .notdef, the glyphs asked for, and nothing but the
  // variation-sequence (cmap14) variants of those characters that hb-subset 6.0 always adds.
  std::set<uint32_t> allowed = gids;
  allowed.insert(0);
  text::HbSetPtr selectors(hb_set_create());
  hb_face_collect_variation_selectors(font.hb_face(), selectors.get());
  for (char32_t c : chars)
    for (hb_codepoint_t vs = HB_SET_VALUE_INVALID; hb_set_next(selectors.get(), &vs);) {
      hb_codepoint_t g = 0;
      if (hb_font_get_variation_glyph(font.hb_font(), c, vs, &g)) allowed.insert(g);
    }
  auto info = pdf::read_cff(sub.cff);
  CHECK(info.charset.size() >= gids.size() + 1);
  for (uint32_t cid : info.charset) {
    INFO("CID " << cid);
    CHECK(allowed.count(cid) == 1);
  }

  // A PDF viewer addresses a CID-keyed CFF by CID; so does FreeType's FT_Load_Glyph for a bare
  // CID-keyed CFF. Each CID must give the outline of the original glyph.
  FT_Library lib = nullptr;
  REQUIRE(FT_Init_FreeType(&lib) == 0);
  FT_Face subset = nullptr, original = nullptr;
  REQUIRE(FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(sub.cff.data()),
                             static_cast<FT_Long>(sub.cff.size()), 0, &subset) == 0);
  REQUIRE(FT_New_Face(lib, font.file().c_str(), font.face_index(), &original) == 0);
  for (unsigned n = 0; n < info.charset.size(); ++n) {  // our charset reader agrees with FreeType's
    FT_UInt cid = 0;
    REQUIRE(FT_Get_CID_From_Glyph_Index(subset, n, &cid) == 0);
    CHECK(cid == info.charset[n]);
  }
  for (uint32_t g : gids) {
    INFO("original glyph " << g);
    const uint32_t cid = sub.cid_of_gid.at(g);
    Outline a = outline_of(subset, cid), b = outline_of(original, g);
    CHECK(a.points == b.points);
    CHECK(a.contours == b.contours);
    CHECK(a.box.xMin == b.box.xMin);
    CHECK(a.box.yMax == b.box.yMax);
  }
  FT_Done_Face(subset);
  FT_Done_Face(original);
  FT_Done_FreeType(lib);
}

TEST_CASE("ToUnicode CMap maps CIDs to UTF-16BE, 100 entries per block", "[pdf][tounicode]") {
  std::map<uint32_t, std::u32string> m{{9564, U"中"}, {63025, U"——"}, {70000 & 0xFFFF, U"𠀀"}};
  std::string c = pdf::to_unicode_cmap(m);
  CHECK(c.find("<255C> <4E2D>") != std::string::npos);
  CHECK(c.find("<F631> <20142014>") != std::string::npos);
  CHECK(c.find("<D840DC00>") != std::string::npos);  // surrogate pair
  CHECK(c.find("3 beginbfchar") != std::string::npos);
  std::map<uint32_t, std::u32string> many;
  for (uint32_t i = 1; i <= 250; ++i) many.emplace(i, std::u32string(1, U'字'));
  std::string c2 = pdf::to_unicode_cmap(many);
  CHECK(c2.find("100 beginbfchar") != std::string::npos);
  CHECK(c2.find("50 beginbfchar") != std::string::npos);
}

TEST_CASE("PDF number, date and tag formatting is locale-free and stable", "[pdf][format]") {
  CHECK(pdf::num(12.5) == "12.5");
  CHECK(pdf::num(3.0) == "3");
  CHECK(pdf::num(-0.001) == "0");
  CHECK(pdf::num(841.889764, 3) == "841.89");
  CHECK(pdf::pdf_date(0) == "D:19700101000000Z");
  CHECK(pdf::pdf_date(1700000000) == "D:20231114221320Z");
  CHECK(pdf::pdf_date(951782400) == "D:20000229000000Z");
  CHECK(pdf::subset_tag("abc") == pdf::subset_tag("abc"));
  CHECK(pdf::subset_tag("abc") != pdf::subset_tag("abd"));
  CHECK(pdf::subset_tag("abc").size() == 6);
}

TEST_CASE("render: deterministic bytes, dates only from meta.epoch, atomic file", "[pdf][render]") {
  doc::Document d;
  d.meta.title = "测试";
  d.meta.author = "示例局";
  d.blocks.push_back(doc::Heading{1, "第一部分 部门预算", "p1"});
  doc::Paragraph p;
  p.spans.push_back({"收入合计2075.36万元，增长12.5%。", false});
  d.blocks.push_back(p);
  // The plain file layout (no object streams), so that the Info dictionary can be read as text.
  layout::Theme theme = testing::default_theme();
  theme.pdf_object_streams = false;
  auto& fonts = testing::shared_fonts();
  pdf::RenderStats s1, s2;
  std::string a = pdf::render_to_bytes(d, theme, fonts, &s1);
  std::string b = pdf::render_to_bytes(d, theme, fonts, &s2);
  CHECK(a == b);
  CHECK(a.rfind("%PDF-1.7", 0) == 0);
  CHECK(a.find("CreationDate") == std::string::npos);  // epoch 0: no dates at all
  CHECK(a.find("/Info ") != std::string::npos);
  CHECK(a.find("\nxref\n0 ") != std::string::npos);  // a classic cross-reference table
  CHECK(a.find("/ObjStm") == std::string::npos);
  CHECK(s1.pages == 1);
  REQUIRE(s1.fonts.size() == 2);  // sans bold heading + serif body
  CHECK(s1.fonts[0].glyphs > 0);

  d.meta.epoch = 1700000000;
  std::string c = pdf::render_to_bytes(d, theme, fonts);
  CHECK(c.find("D:20231114221320Z") != std::string::npos);

  // The default layout: objects in object streams, a cross-reference stream; tagged PDF/A.
  const auto& packed_theme = testing::default_theme();
  const std::string p1 = pdf::render_to_bytes(d, packed_theme, fonts);
  CHECK(p1 == pdf::render_to_bytes(d, packed_theme, fonts));
  CHECK(p1.find("/Type/ObjStm") != std::string::npos);
  CHECK(p1.find("/Type/XRef") != std::string::npos);
  CHECK(p1.find("\nxref\n") == std::string::npos);
  CHECK(p1.find("2023-11-14T22:13:20Z") != std::string::npos);  // XMP dates: never compressed
  CHECK(p1.size() >= 6);
  CHECK(p1.compare(p1.size() - 6, 6, "%%EOF\n") == 0);

  auto dir = std::filesystem::temp_directory_path() / "bp_render_test";
  std::filesystem::create_directories(dir);
  auto out = dir / "测试.pdf";
  pdf::render(d, theme, fonts, out);
  CHECK(std::filesystem::file_size(out) == c.size());
  size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) entries += e.path() == out ? 0 : 1;
  CHECK(entries == 0);  // no temp file left behind

  // A character no font covers: an error, and the old file is left alone.
  d.blocks.push_back(doc::Paragraph{{{"\U0010FFFD", false}}, doc::ParaStyle::Body});
  CHECK_THROWS_AS(pdf::render(d, theme, fonts, out), text::MissingGlyphsError);
  CHECK(std::filesystem::file_size(out) == c.size());
  std::filesystem::remove_all(dir);
}

TEST_CASE("documents render concurrently on threads sharing one FontSet", "[pdf][render]") {
  doc::Document d;
  d.blocks.push_back(doc::Heading{1, "第一部分 部门预算", "p1"});
  for (int i = 0; i < 20; ++i) {
    doc::Paragraph p;
    p.spans.push_back(
        {"第" + std::to_string(i) + "段：收入合计2075.36万元，“三公”经费5.00万元。", false});
    d.blocks.push_back(p);
  }
  const auto& theme = testing::default_theme();
  auto& fonts = testing::shared_fonts();
  const std::string expected = pdf::render_to_bytes(d, theme, fonts);
  std::vector<std::string> got(4);
  std::vector<std::thread> workers;
  for (size_t i = 0; i < got.size(); ++i)
    workers.emplace_back([&, i] { got[i] = pdf::render_to_bytes(d, theme, fonts); });
  for (auto& w : workers) w.join();
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("fonts preprocessed for subsetting give byte-identical subsets", "[pdf][subset]") {
  text::FontSet batch({std::filesystem::path(BP_SOURCE_DIR) / "fonts"}, true);
  const text::Font& plain = testing::shared_fonts().get("Noto Sans CJK SC", true);
  const text::Font& pre = batch.get("Noto Sans CJK SC", true);
  REQUIRE(pre.subset_face() != pre.hb_face());
  const auto gids = gids_of(plain, U"第一部分部门预算（一）“三公”2023。");
  auto a = pdf::subset_font(plain, gids);
  auto b = pdf::subset_font(pre, gids);
  CHECK(a.cff == b.cff);
  CHECK(a.cid_of_gid == b.cid_of_gid);
}

TEST_CASE("the largest face subset on a helper thread gives the same bytes", "[pdf][render]") {
  // Three faces (sans bold heading, serif body, serif bold span), a table (tagged cells), so that
  // the writer makes pages, outline and structure tree while the helper subsets the body face.
  doc::Document d;
  d.meta.title = "测试";
  d.meta.epoch = 1700000000;
  d.blocks.push_back(doc::Heading{1, "第一部分 部门预算", "p1"});
  doc::Paragraph p;
  p.spans.push_back({"一般公共预算财政拨款收入2075.36万元，", false});
  p.spans.push_back({"比上年增长12.5%", true});
  p.spans.push_back({"，主要用于保障机构正常运转和重点项目支出。", false});
  d.blocks.push_back(p);
  auto cell = [](std::string text) {
    doc::Cell c;
    c.text = std::move(text);
    c.align = doc::Align::Center;
    return c;
  };
  doc::Table t;
  t.id = "t1";
  t.title = "收支总表";
  t.column_widths = {2, 1};
  t.head = {doc::Row{{cell("项目"), cell("金额")}, doc::RowRole::Head, {}}};
  t.body = {doc::Row{{cell("基本支出"), cell("1200.00")}, doc::RowRole::Item, {}}};
  d.blocks.push_back(t);
  const auto& theme = testing::default_theme();
  testing::Engine e(theme);
  const layout::DocumentLayout laid_out = layout::layout_document(d, e.ctx);
  pdf::RenderStats one, two;
  const std::string serial = pdf::write_laid_out(laid_out, d, theme, &one, nullptr, false);
  const std::string parallel = pdf::write_laid_out(laid_out, d, theme, &two, nullptr, true);
  CHECK(serial == parallel);
  REQUIRE(two.fonts.size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(two.fonts[i].cff_bytes == one.fonts[i].cff_bytes);
  CHECK(!laid_out.structure.empty());  // a tagged file: its structure tree is written too
  CHECK(theme.pdf_tagged);
}

TEST_CASE("a lone document's PDF: subsets not learned, the same bytes", "[pdf][render]") {
  // WriteOptions::learn_subsets false (a lone `build`): the faces' caches of charstrings keep no
  // copy, and the file is the same as when they learn. Rare characters, which no other test sets,
  // so that the caches cannot know them already.
  doc::Document d;
  d.meta.title = "测试";
  d.meta.epoch = 1700000000;
  d.blocks.push_back(doc::Heading{1, "第一部分 龘靐齉", "p1"});
  doc::Paragraph p;
  p.spans.push_back({"鱻麤爩，", false});
  p.spans.push_back({"厵灪", true});
  d.blocks.push_back(p);
  const auto& theme = testing::default_theme();
  testing::Engine e(theme);
  const layout::DocumentLayout laid_out = layout::layout_document(d, e.ctx);
  const text::Font& body = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const size_t known = body.cff_subset_cache()->glyphs();
  pdf::RenderStats lone_stats;
  const std::string lone = pdf::write_laid_out(laid_out, d, theme, &lone_stats, nullptr, true,
                                               /*learn_subsets=*/false);
  CHECK(body.cff_subset_cache()->glyphs() == known);
  const std::string learning = pdf::write_laid_out(laid_out, d, theme, nullptr, nullptr, true);
  CHECK(body.cff_subset_cache()->glyphs() > known);
  CHECK(lone == learning);
  CHECK(pdf::write_laid_out(laid_out, d, theme, nullptr, nullptr, true) == lone);  // from the cache
  CHECK(lone_stats.fonts.size() >= 2);
}
