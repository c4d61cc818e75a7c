// 第一部分: the 9 部门预算公开表 as document tables (header block, header grid, 栏次 row, notes).
#include "document/build.hpp"

namespace bp {

namespace {

doc::Cell to_cell(const DCell& c, size_t col, bool code_col) {
  doc::Cell out;
  out.text = c.text;
  out.indent_em = c.indent_em;
  if (c.amount) {
    out.align = doc::Align::Right;
    if (!c.amount->zero()) out.number = doc::Number{wan_hundredths(*c.amount), 2};
  } else if (col == 0) {
    out.align = doc::Align::Center;  // 序号
  } else {
    out.align = code_col ? doc::Align::Left : doc::Align::Left;
  }
  return out;
}

}  // namespace

std::string fill_slots(std::string s, const Budget& b) {
  auto rep = [&](const std::string& key, const std::string& val) {
    for (size_t p = s.find(key); p != std::string::npos; p = s.find(key, p + val.size())) s.replace(p, key.size(), val);
  };
  rep("{Y-1}", std::to_string(b.dept.year - 1));
  rep("{Y}", std::to_string(b.dept.year));
  rep("{dept}", b.dept.name.value);
  return s;
}

doc::Table table_block(const Budget& b, const Profile& p, const DTable& t) {
  const TableDef& def = p.table(t.id);
  doc::Table out;
  out.id = t.id;
  out.anchor = t.id;
  out.title = def.title;
  out.short_title = def.short_title;
  out.toc_level = 2;
  out.new_page = true;
  out.landscape = def.landscape;
  out.column_widths = def.widths;
  out.header_block = doc::HeaderBlock{b.dept.code.value + b.dept.header_separator + b.dept.header_name(),
                                      "预算年度：" + std::to_string(b.dept.year), "单位：" + std::string("万元")};
  out.head = def.head;
  // The 栏次 row numbers the data columns 1..N under the 序号 column's "栏次".
  doc::Row numbers;
  numbers.role = doc::RowRole::ColumnNumbers;
  numbers.cells.reserve(def.widths.size());
  for (size_t c = 0; c < def.widths.size(); ++c) {
    doc::Cell cell;
    cell.text = c == 0 ? "栏次" : std::to_string(c);
    cell.align = doc::Align::Center;
    numbers.cells.push_back(cell);
  }
  out.head.push_back(numbers);
  // Each vector allocated once at its size (the cells grown by doubling were copied into new
  // blocks: ≈ 100 page faults of a cold 434, bench/pdf/README.md "Round 16").
  out.body.reserve(t.rows.size());
  for (const auto& r : t.rows) {
    doc::Row row;
    row.role = r.role;
    row.sum_of = r.sum_of;
    row.cells.reserve(r.cells.size());
    for (size_t c = 0; c < r.cells.size(); ++c) row.cells.push_back(to_cell(r.cells[c], c, c == 1));
    if (r.role == doc::RowRole::Total || r.role == doc::RowRole::Level1)
      for (auto& cell : row.cells) cell.bold = r.role == doc::RowRole::Total;
    out.body.push_back(std::move(row));
  }
  if (t.empty && !def.empty_note.empty()) out.notes.push_back(def.empty_note);
  if (t.rounding_gap && !p.rounding_note.empty()) out.notes.push_back(p.rounding_note);
  return out;
}

}  // namespace bp
