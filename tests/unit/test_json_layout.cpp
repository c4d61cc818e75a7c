// The layout JSON (json/layout_json): grid positions of cells from the structure tree (row spans
// push later cells right), lines grouped by baseline, repeats marked, determinism.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json/layout_json.hpp"

using namespace bp;
using layout::Role;

namespace {

text::PlacedGlyph glyph(char32_t c, double x) {
  text::PlacedGlyph g;
  g.x = x;
  g.text = {c, 0};
  return g;
}

layout::TextItem item(std::u32string s, double x, double y, int tag, int box) {
  layout::TextItem t;
  t.x = x;
  t.y = y;
  t.tag = tag;
  t.box = box;
  for (size_t i = 0; i < s.size(); ++i) t.glyphs.push_back(glyph(s[i], 10.0 * i));
  return t;
}

// A table with a two-row head (甲 spans both rows) and one body row, on one page, whose head
// repeats on a second page.
struct Sample {
  doc::Document d;
  layout::DocumentLayout lay;
  Sample() {
    doc::Table t;
    t.id = "t-1";
    t.title = "示例表";
    d.blocks.push_back(t);
    auto& s = lay.structure;
    const int table = s.add(Role::Table, -1);
    const int head = s.add(Role::THead, table);
    const int tr0 = s.add(Role::TR, head);
    const int a = s.add(Role::TH, tr0);
    s.nodes[static_cast<size_t>(a)].rowspan = 2;
    const int b = s.add(Role::TH, tr0);
    const int tr1 = s.add(Role::TR, head);
    const int c = s.add(Role::TH, tr1);  // row 1: column 0 is taken by 甲
    const int body = s.add(Role::TBody, table);
    const int tr2 = s.add(Role::TR, body);
    const int d0 = s.add(Role::TD, tr2);
    const int d1 = s.add(Role::TD, tr2);
    const int para = s.add(Role::P, -1);

    layout::Page p;
    p.width = 595.276;
    p.height = 841.89;
    p.number = 1;
    p.boxes = {{10, 10, 60, 50, a, false},
               {60, 10, 110, 30, b, false},
               {60, 30, 110, 50, c, false},
               {10, 50, 60, 70, d0, false},
               {60, 50, 110, 70, d1, false}};
    p.text = {item(U"甲", 12, 30, a, 0),
              item(U"乙", 62, 22, b, 1),
              item(U"丙丁", 62, 42, c, 2),
              item(U"一二", 12, 60, d0, 3),
              item(U"三", 62, 58, d1, 4),
              item(U"四", 62, 68, d1, 4),
              item(U"正文第一行", 10, 100, para, -1),
              item(U"第二行", 10, 120, para, -1)};
    lay.pages.push_back(p);
    layout::Page q = p;
    q.number = 2;
    q.boxes = {{10, 10, 60, 50, a, true}};
    q.text = {item(U"甲", 12, 30, layout::kArtifactPagination, 0)};
    lay.pages.push_back(q);
  }
};

}  // namespace

TEST_CASE("layout JSON: cells on the grid, lines by baseline, repeats marked", "[json][layout]") {
  Sample s;
  const std::string text = layout_to_json(s.d, s.lay, {"434", "示例", "2023", 2023});
  const auto j = nlohmann::json::parse(text);
  CHECK(j["format"] == "budgetpress-layout");
  REQUIRE(j["tables"].size() == 1);
  CHECK(j["tables"][0]["id"] == "t-1");
  CHECK(j["tables"][0]["head_rows"] == 2);
  CHECK(j["tables"][0]["body_rows"] == 1);
  CHECK(j["tables"][0]["columns"] == 2);
  CHECK(j["tables"][0]["pages"] == nlohmann::json::array({0, 1}));

  const auto& cells = j["pages"][0]["cells"];
  REQUIRE(cells.size() == 5);
  CHECK(cells[0]["rowspan"] == 2);
  CHECK(cells[2]["row"] == 1);
  CHECK(cells[2]["col"] == 1);  // pushed right by the row span of 甲
  CHECK(cells[2]["header"] == true);
  CHECK(cells[3]["row"] == 2);
  CHECK(cells[3]["header"] == false);
  CHECK(cells[4]["lines"] == nlohmann::json::array({"三", "四"}));
  CHECK(cells[4]["rect"] == nlohmann::json::array({60, 50, 110, 70}));
  CHECK(j["pages"][0]["width"] == 595.28);

  const auto& blocks = j["pages"][0]["blocks"];
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0]["type"] == "paragraph");
  CHECK(blocks[0]["lines"] == nlohmann::json::array({"正文第一行", "第二行"}));

  const auto& again = j["pages"][1]["cells"];
  REQUIRE(again.size() == 1);
  CHECK(again[0]["repeat"] == true);
  CHECK(again[0]["lines"] == nlohmann::json::array({"甲"}));

  CHECK(layout_to_json(s.d, s.lay, {"434", "示例", "2023", 2023}) == text);  // deterministic
}
