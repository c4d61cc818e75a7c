// 目录 page resolution (ARCHITECTURE hard part 1), page numbering, outline and links.
#include <catch2/catch.hpp>

#include <cmath>

#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "layout/table_grid.hpp"

using namespace bp;
using namespace bp::layout;

namespace {

doc::Heading heading(std::string text, std::string anchor, bool new_page, int level = 3) {
  doc::Heading h;
  h.text = std::move(text);
  h.anchor = std::move(anchor);
  h.new_page = new_page;
  h.level = level;
  return h;
}

doc::Paragraph para(std::string s) {
  doc::Paragraph p;
  p.spans.push_back({std::move(s), false});
  return p;
}

doc::Table small_table(std::string anchor, std::string title) {
  doc::Table t;
  t.id = anchor;
  t.anchor = std::move(anchor);
  t.title = std::move(title);
  t.toc_level = 2;
  t.new_page = true;
  doc::Row h;
  h.role = doc::RowRole::Head;
  h.cells = {doc::Cell{"项目"}, doc::Cell{"金额"}};
  t.head.push_back(h);
  doc::Row r;
  r.cells = {doc::Cell{"合计"}, doc::Cell{"1.00"}};
  t.body.push_back(r);
  return t;
}

// The document: title page, 目录, then headings/tables spread over pages by page breaks.
doc::Document sample(int filler_pages) {
  doc::Document d;
  d.blocks.push_back(doc::TitlePage{{"示例局", "2023年部门预算信息公开"}, "示例局", "2023年2月"});
  doc::Toc toc{"目录",
               {{"第一部分 部门预算", 1, ""},
                {"部门预算收支总表", 2, "t1"},
                {"一、部门职责", 2, "s1"},
                {"二、总体情况", 2, "s2"},
                {"三、其他事项", 2, "s3"}}};
  d.blocks.push_back(toc);
  d.blocks.push_back(small_table("t1", "部门预算收支总表"));
  d.blocks.push_back(heading("一、部门职责", "s1", true));
  for (int i = 0; i < filler_pages; ++i) {
    d.blocks.push_back(para("第" + std::to_string(i) + "页的内容。"));
    d.blocks.push_back(doc::PageBreak{});
  }
  d.blocks.push_back(heading("二、总体情况", "s2", false));
  d.blocks.push_back(para("内容。"));
  d.blocks.push_back(heading("三、其他事项", "s3", false));  // same page as 二
  return d;
}

struct Found {
  std::string text;
  double y;
  double x_end;
};

std::vector<Found> items(const Page& p) {
  std::vector<Found> out;
  for (const auto& it : p.text) {
    if (it.glyphs.empty()) continue;
    out.push_back({testing::glyph_text(it.glyphs), it.y, it.x + it.glyphs.back().x});
  }
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The page number printed on the 目录 line of `entry` ("" when none).
std::string toc_number(const Page& toc, const std::string& entry) {
  auto all = items(toc);
  for (const auto& e : all) {
    if (e.text != entry) continue;
    for (const auto& n : all)
      if (std::abs(n.y - e.y) < 0.01 && all_digits(n.text)) return n.text;
  }
  return "";
}

// Index of the first page after the 目录 showing `text` as an item.
size_t page_of(const DocumentLayout& out, const std::string& text) {
  for (size_t i = 2; i < out.pages.size(); ++i)
    for (const auto& f : items(out.pages[i]))
      if (f.text == text) return i;
  return 0;
}

DocumentLayout lay(const doc::Document& d, const Theme& theme = testing::default_theme()) {
  testing::Engine e(theme);
  auto out = layout_document(d, e.ctx);
  REQUIRE(e.coverage.ok());
  return out;
}

}  // namespace

TEST_CASE("page after the title page is page 1; the title page has no number", "[layout][toc]") {
  auto out = lay(sample(2));
  REQUIRE(out.pages.size() >= 5);
  CHECK(out.pages[0].number == 0);
  CHECK(out.pages[1].number == 1);  // 目录
  CHECK(out.pages[2].number == 2);  // first table
  for (size_t i = 1; i < out.pages.size(); ++i) CHECK(out.pages[i].number == static_cast<int>(i));
  // Footer "— N —" on numbered pages only.
  CHECK(testing::page_text(out.pages[3]).find("— 3 —") != std::string::npos);
  CHECK(testing::page_text(out.pages[0]).find("—") == std::string::npos);
}

TEST_CASE("目录 numbers are the pages where headings and tables land", "[layout][toc]") {
  for (int filler : {0, 3, 12}) {
    INFO("filler pages " << filler);
    auto out = lay(sample(filler));
    const Page& toc = out.pages[1];
    for (const char* entry : {"部门预算收支总表", "一、部门职责", "二、总体情况", "三、其他事项"}) {
      INFO(entry);
      size_t at = page_of(out, entry);
      REQUIRE(at > 0);
      CHECK(toc_number(toc, entry) == std::to_string(out.pages[at].number));
    }
    CHECK(toc_number(toc, "二、总体情况") == toc_number(toc, "三、其他事项"));  // shared page
    CHECK(toc_number(toc, "第一部分 部门预算").empty());  // group line: no number
    // Each numbered entry links to its page.
    REQUIRE(toc.links.size() == 4);
    CHECK(toc.links[0].target_page == page_of(out, "部门预算收支总表"));
    CHECK(toc.links[3].target_page == page_of(out, "三、其他事项"));
  }
}

TEST_CASE("page numbers wider than reserved: the document is laid out again", "[layout][toc]") {
  Theme theme = testing::default_theme();
  theme.toc.reserved_digits = 1;
  auto out = lay(sample(12), theme);
  const Page& toc = out.pages[1];
  const double right = toc.width - 25 * 72 / 25.4;
  for (const auto& f : items(toc)) {
    if (!all_digits(f.text)) continue;
    CHECK(f.x_end <= right + 0.5);  // the number's last glyph starts inside the measure
  }
  CHECK(toc_number(toc, "三、其他事项") ==
        std::to_string(out.pages[page_of(out, "三、其他事项")].number));
  CHECK(std::stoi(toc_number(toc, "三、其他事项")) >= 10);
}

TEST_CASE("outline mirrors the 目录: headings with outline=true and titled tables",
          "[layout][toc]") {
  auto out = lay(sample(1));
  std::vector<std::string> titles;
  for (const auto& o : out.outline) titles.push_back(o.title);
  CHECK(titles == std::vector<std::string>{"目录", "部门预算收支总表", "一、部门职责",
                                           "二、总体情况", "三、其他事项"});
  CHECK(out.outline[1].at.page == page_of(out, "部门预算收支总表"));
  CHECK(out.anchors.at("s2").page == out.anchors.at("s3").page);
}

TEST_CASE("a 目录 entry without target anchor is an error naming it", "[layout][toc]") {
  doc::Document d = sample(0);
  std::get<doc::Toc>(d.blocks[1]).entries.push_back({"四、不存在", 2, "nowhere"});
  testing::Engine e;
  try {
    layout_document(d, e.ctx);
    FAIL("no error");
  } catch (const LayoutError& err) {
    CHECK(std::string(err.what()).find("四、不存在") != std::string::npos);
    CHECK(std::string(err.what()).find("nowhere") != std::string::npos);
  }
}

TEST_CASE("running header and page-number format come from the theme", "[layout][toc]") {
  Theme theme = testing::default_theme();
  theme.header_text = "{title}";
  theme.page_number = "第{n}页";
  doc::Document d = sample(1);
  d.meta.title = "示例局2023年部门预算";
  auto out = lay(d, theme);
  CHECK(testing::page_text(out.pages[0]).find("示例局2023年部门预算") == std::string::npos);
  for (size_t i = 1; i < out.pages.size(); ++i) {
    INFO("page " << i);
    CHECK(testing::page_text(out.pages[i]).find("示例局2023年部门预算") != std::string::npos);
    CHECK(testing::page_text(out.pages[i]).find("第" + std::to_string(i) + "页") !=
          std::string::npos);
  }
}
