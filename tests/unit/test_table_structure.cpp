// Table structure elements for tagged PDF (layout/table_structure.hpp): which cells are row
// headers, and /Headers of data cells under a multi-row head.
#include <catch2/catch.hpp>

#include "layout/table_structure.hpp"

using namespace bp;
using namespace bp::layout;

namespace {

TableCellBox box(int row, int col, const doc::Cell* cell, doc::RowRole role, int colspan = 1,
                 int rowspan = 1) {
  TableCellBox b;
  b.g = {row, col, rowspan, colspan, cell, role};
  return b;
}

doc::Cell label(const char* s) {
  doc::Cell c;
  c.text = s;
  return c;
}
doc::Cell amount(const char* s, int64_t scaled) {
  doc::Cell c = label(s);
  c.number = doc::Number{scaled, 2};
  return c;
}

const StructNode& node(const Structure& s, int i) {
  return s.nodes[static_cast<size_t>(i)];
}

}  // namespace

TEST_CASE("classification rows' 科目 cells are row headers; form rows' labels are not",
          "[layout][structure]") {
  // Head: 科目 (编码, 名称) | 金额 (rowspan 2). Body: 合计 (colspan 2) 10.00 | 201
  // 一般公共服务 5.00 | a form table's fixed row 收入 3.00.
  const doc::Cell km = label("科目"), je = label("金额"), bm = label("编码"), mc = label("名称");
  const doc::Cell hj = label("合计"), v10 = amount("10.00", 1000), code = label("201"),
                  name = label("一般公共服务"), v5 = amount("5.00", 500), sr = label("收入"),
                  v3 = amount("3.00", 300);
  TablePlan plan;
  plan.head = {box(0, 0, &km, doc::RowRole::Head, 2), box(0, 2, &je, doc::RowRole::Head, 1, 2),
               box(1, 0, &bm, doc::RowRole::Head), box(1, 1, &mc, doc::RowRole::Head)};
  plan.head_h = {10, 10};
  plan.body = {box(0, 0, &hj, doc::RowRole::Total, 2), box(0, 2, &v10, doc::RowRole::Total),
               box(1, 0, &code, doc::RowRole::Item),   box(1, 1, &name, doc::RowRole::Item),
               box(1, 2, &v5, doc::RowRole::Item),     box(2, 0, &sr, doc::RowRole::Plain, 2),
               box(2, 2, &v3, doc::RowRole::Plain)};
  plan.body_h = {10, 10, 10};
  Structure s;
  const TableTags t = tag_table(plan, s, -1, s.root());
  REQUIRE(t.body.size() == plan.body.size());

  const StructNode& total = node(s, t.body[0]);
  CHECK(total.role == Role::TH);
  CHECK(total.row_header);
  CHECK_FALSE(total.column_header);
  CHECK(total.colspan == 2);
  CHECK(node(s, t.body[1]).role == Role::TD);  // the amount
  CHECK(node(s, t.body[2]).row_header);        // 201
  CHECK(node(s, t.body[3]).row_header);        // 一般公共服务
  CHECK(node(s, t.body[4]).role == Role::TD);
  CHECK(node(s, t.body[5]).role == Role::TD);  // 收入: a form row's label stays a data cell
  CHECK_FALSE(node(s, t.body[5]).row_header);
  for (int h : t.head) CHECK(node(s, h).column_header);

  // A two-row head: data cells name their column heads, then their row's headers.
  const StructNode& v5_node = node(s, t.body[4]);
  REQUIRE(v5_node.headers.size() == 3);
  CHECK(v5_node.headers[0] == t.head[1]);  // 金额
  CHECK(v5_node.headers[1] == t.body[2]);  // 201
  CHECK(v5_node.headers[2] == t.body[3]);  // 一般公共服务
  CHECK_FALSE(node(s, t.body[2]).id.empty());
  // The form row's amount: its column head only (no row header in that row).
  REQUIRE(node(s, t.body[6]).headers.size() == 1);
  CHECK(node(s, t.body[6]).headers[0] == t.head[1]);
  // A row header names its column heads, not itself.
  for (int h : total.headers) CHECK(h != t.body[0]);
}
