#include "layout/table_structure.hpp"

#include <algorithm>
#include <numeric>

namespace bp::layout {

namespace {

// A row of a classification table (合计, 类/款/项 rows): its leading text cells — 科目编码 and
// 科目名称, or the 合计 label spanning them — name the row, so they are row headers. Form tables'
// fixed rows (RowRole::Plain: 收支总表 lines, project information, text tables) pair a label with
// its value several times per row, where a row-wide header would be wrong: they stay TD.
bool names_row(doc::RowRole r) {
  return r == doc::RowRole::Total || r == doc::RowRole::Level1 || r == doc::RowRole::Level2 ||
         r == doc::RowRole::Item;
}

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
    bool leading = true;  // still in the row's leading text cells
    for (; k < order.size() && boxes[order[k]].g.row == static_cast<int>(r); ++k) {
      const GridCell& g = boxes[order[k]].g;
      leading = leading && g.cell && !g.cell->text.empty() && !g.cell->number;
      const bool row_header = cell_role == Role::TD && leading && names_row(g.role);
      const int c = s.add(row_header ? Role::TH : cell_role, tr);
      StructNode& n = s.nodes[static_cast<size_t>(c)];
      n.rowspan = g.rowspan;
      n.colspan = g.colspan;
      n.column_header = cell_role == Role::TH;
      n.row_header = row_header;
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

  // /Headers where one column header row with simple cells is not enough. A cell that has
  // /Headers is read with those only, so a data cell also names its row's header cells.
  bool complex = plan.head_h.size() > 1;
  for (const auto& b : plan.head) complex = complex || b.g.colspan > 1 || b.g.rowspan > 1;
  if (!complex) return t;
  std::vector<std::vector<int>> row_heads(plan.body_h.size());
  for (size_t i = 0; i < plan.body.size(); ++i) {
    StructNode& n = s.nodes[static_cast<size_t>(t.body[i])];
    if (!n.row_header) continue;
    if (n.id.empty()) n.id = "H" + std::to_string(t.body[i]);
    for (int r = plan.body[i].g.row; r < plan.body[i].g.row + plan.body[i].g.rowspan; ++r)
      if (r < static_cast<int>(row_heads.size()))
        row_heads[static_cast<size_t>(r)].push_back(t.body[i]);
  }
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
    if (!td.row_header && d.row < static_cast<int>(row_heads.size()))
      for (int h : row_heads[static_cast<size_t>(d.row)]) td.headers.push_back(h);
  }
  return t;
}

}  // namespace bp::layout
