// Tables on pages: the plan (table_plan) placed at the cursor or on new pages, paginated
// (table_paginate) with the header block and every head row (incl. 栏次) repeated on each
// continuation page under a 续表 mark, drawn (table_draw) with the grid closed on every page,
// notes below. Keep-with-next, keep_together, new_page and landscape are honoured here.
#pragma once

#include "document/document.hpp"
#include "layout/flow.hpp"
#include "layout/table_plan.hpp"

namespace bp::layout {

// Places the table, recording its anchor and outline entry.
// How a table is placed relative to its neighbours.
struct Placement {
  double next_start = 0;    // start of the next block, kept on this table's page (keep_with_next)
  bool after_lead = false;  // the previous block was this table's keep_with_next lead, which made
                            // room already: keep_together is not applied again
  int parent_node = -1;     // structure element the table (and its notes) go into
  int table_node = -1;      // the table's element when a caption paragraph created it already
};

void layout_table(const TablePlan& plan, Context& ctx, PageFlow& flow, DocumentLayout& out,
                  const Placement& placement = {});

}  // namespace bp::layout
