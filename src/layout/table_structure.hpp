// A table's structure elements (tagged PDF): Table > Caption, THead > TR > TH, TBody > TR > TD
// (a project table's info block, set above the head, is a TBody of its own before the THead),
// created once for the whole table so that a table running over several pages stays one Table.
// Head cells are TH with /Scope /Column; when the head has more than one row or spanning cells,
// every data cell also lists its column's header cells (/Headers), as PDF/UA asks for tables whose
// header is not a single simple row.
#pragma once

#include <vector>

#include "layout/structure.hpp"
#include "layout/table_plan.hpp"

namespace bp::layout {

struct TableTags {
  int table = -1;
  int caption = -1;                   // -1 = none yet
  std::vector<int> lead, head, body;  // element of plan.lead[i] / plan.head[i] / plan.body[i]
  std::vector<char>
      body_placed;  // a body cell's text is on a page already (a repeat is an artifact)
};

// `table`: an existing Table element (its Caption made from a caption paragraph), or -1 to create
// one in `parent`.
TableTags tag_table(const TablePlan& plan, Structure& s, int table, int parent);

}  // namespace bp::layout
