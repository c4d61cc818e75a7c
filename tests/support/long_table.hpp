// A document of one heading and one long two-column table (基本支出第 i 项 / amount): several pages
// and hundreds of structure elements, for the PDF writer's tests that compare its bytes across
// threads and schedules.
#pragma once

#include <string>

#include "doc_rows.hpp"
#include "document/document.hpp"

namespace bp::test {

inline doc::Document long_table_document(int rows) {
  doc::Document d;
  d.blocks.push_back(doc::Heading{1, "第一部分 部门预算", "p1"});
  doc::Table t;
  t.id = "t1";
  t.title = "支出明细表";
  t.column_widths = {2, 1};
  t.head = {row(doc::RowRole::Head, {cell("项目"), cell("金额")})};
  for (int i = 0; i < rows; ++i)
    t.body.push_back(row(doc::RowRole::Item, {cell("基本支出第" + std::to_string(i) + "项"),
                                              cell(std::to_string(1000 + i) + ".25")}));
  d.blocks.push_back(t);
  return d;
}

}  // namespace bp::test
