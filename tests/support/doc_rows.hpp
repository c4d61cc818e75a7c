// Building blocks of synthetic tables for the layout and PDF tests: a text cell and a row.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "document/document.hpp"

namespace bp::test {

inline doc::Cell cell(std::string text, int rowspan = 1, int colspan = 1) {
  doc::Cell c;
  c.text = std::move(text);
  c.rowspan = rowspan;
  c.colspan = colspan;
  return c;
}

inline doc::Row row(doc::RowRole role, std::vector<doc::Cell> cells) {
  doc::Row r;
  r.role = role;
  r.cells = std::move(cells);
  return r;
}

}  // namespace bp::test
