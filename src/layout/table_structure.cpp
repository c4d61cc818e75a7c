#include "layout/table_structure.hpp"

#include <algorithm>
#include <numeric>

namespace bp::layout {

namespace {

// Creates TR elements and their cells in row, then column order (the plan lists blank slots
// last); returns each box's element.
std::vector<int> tag_rows(const std::vector<TableCellBox>& boxes, size_t rows, Role cell_role,
                          int group, Structure& s) {
  std::vector<size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const GridCell &x = boxes[a].g, &y = boxes[b].g;
    return x.row != y.row ? x.row < y.row : x.col < y.col;
  });
  std::vector<int> node(boxes.size(), -1);
  size_t k = 0;
  for (size_t r = 0; r < rows; ++r) {
    const int tr = s.add(Role::TR, group);
    for (; k < order.size() && boxes[order[k]].g.row == static_cast<int>(r); ++k) {
      const GridCell& g = boxes[order[k]].g;
      const int c = s.add(cell_role, tr);
      StructNode& n = s.nodes[static_cast<size_t>(c)];
      n.rowspan = g.rowspan;
      n.colspan = g.colspan;
      n.column_header = cell_role == Role::TH;
      node[order[k]] = c;
    }
  }
  return node;
}

}  // namespace

TableTags tag_table(const TablePlan& plan, Structure& s, int table, int parent) {
  TableTags t;
  t.table = table >= 0 ? table : s.add(Role::Table, parent);
  for (int kid : s.nodes[static_cast<size_t>(t.table)].kids)
    if (s.nodes[static_cast<size_t>(kid)].role == Role::Caption) t.caption = kid;
  if (t.caption < 0 && (!plan.title.empty() || !plan.block.empty()))
    t.caption = s.add(Role::Caption, t.table);
  if (!plan.lead_h.empty())
    t.lead = tag_rows(plan.lead, plan.lead_h.size(), Role::TD, s.add(Role::TBody, t.table), s);
  if (!plan.head_h.empty())
    t.head = tag_rows(plan.head, plan.head_h.size(), Role::TH, s.add(Role::THead, t.table), s);
  if (!plan.body_h.empty())
    t.body = tag_rows(plan.body, plan.body_h.size(), Role::TD, s.add(Role::TBody, t.table), s);
  t.body_placed.assign(plan.body.size(), 0);

  // /Headers where one column header row with simple cells is not enough.
  bool complex = plan.head_h.size() > 1;
  for (const auto& b : plan.head) complex = complex || b.g.colspan > 1 || b.g.rowspan > 1;
  if (!complex) return t;
  for (size_t i = 0; i < plan.body.size(); ++i) {
    const GridCell& d = plan.body[i].g;
    StructNode& td = s.nodes[static_cast<size_t>(t.body[i])];
    for (size_t h = 0; h < plan.head.size(); ++h) {
      const GridCell& g = plan.head[h].g;
      if (!g.cell || g.cell->text.empty() || g.role == doc::RowRole::ColumnNumbers) continue;
      if (g.col >= d.col + d.colspan || d.col >= g.col + g.colspan) continue;
      StructNode& th = s.nodes[static_cast<size_t>(t.head[h])];
      if (th.id.empty()) th.id = "H" + std::to_string(t.head[h]);
      td.headers.push_back(t.head[h]);
    }
  }
  return t;
}

}  // namespace bp::layout
