// Drawing one page's part of a table: on the first page the lead rows (a project's info block),
// then every head row, then the body pieces the paginator put on this page; cell text (vertically
// centred, or the lines of a cut row's slice) and the ruled grid with each shared edge drawn once
// and the outer frame closed.
#pragma once

#include <vector>

#include "layout/flow.hpp"
#include "layout/table_paginate.hpp"
#include "layout/table_plan.hpp"
#include "layout/table_structure.hpp"

namespace bp::layout {

// Draws at (x0, y0) and returns the y of the table's bottom edge on this page. With `tags`, cell
// text is marked with its cell's element; on a `continuation` page the head rows, and the label a
// rowspan cell repeats, are pagination artifacts.
double draw_table_part(const TablePlan& plan, const std::vector<RowPiece>& body, double x0,
                       double y0, const TableTheme& tt, PageFlow& flow, TableTags* tags = nullptr,
                       bool continuation = false);

}  // namespace bp::layout
