// 固定资产占用情况表: 截止时间 from the header line, then the rows 房屋 / 其中：办公用房 / 车辆 /
// 单价在20万元以上的设备 / 其他固定资产 with 数量 and 价值 (资产总额 is derived and only checked
// by the round trip).
#include "import/labels.hpp"
#include "import/layout.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/tables.hpp"

namespace bp::import {

void read_assets_sheet(const Sheet& s, ImportedParts& out, Report& report) {
  int qty_col = -1, value_col = -1, header = -1;
  Unit unit = Unit::Wan;
  for (int r = s.next_row(0); r < s.rows() && r < 20 && header < 0; r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r)) {
      std::string t = norm_label(cellp->text);
      if (auto pos = t.find("截止"); pos != std::string::npos) {
        std::string raw = trim_cell_text(cellp->text);
        // "截止时间：2023-12-31" → the date after the colon.
        for (std::string_view colon : {"：", ":"})
          if (auto p = raw.find(colon); p != std::string::npos) {
            out.assets.as_of.value = trim_cell_text(raw.substr(p + colon.size()));
            break;
          }
        // "截止时间：" in a cell of its own, the date in the next (the fill-in workbook).
        if (out.assets.as_of.value.empty())
          if (auto vc = parts_detail::value_col_after(s, r, c))
            out.assets.as_of.value = parts_detail::cell(s, r, *vc);
      }
      if (t == "数量") qty_col = c, header = r;
      if (starts_with(t, "价值") || t == "金额") {
        value_col = c;
        header = r;
        if (contains(t, "单位:元") || contains(t, "单位元")) unit = Unit::Yuan;
      }
    }
  if (header < 0 || value_col < 0) {
    report.warning(qualified_ref(s.name, {0, 0}),
                   "固定资产占用情况表中没有“数量”“价值”列，未导入国有资产");
    return;
  }
  struct Target {
    std::string_view word;
    AssetRow* row;
  };
  Assets& a = out.assets;
  const Target targets[] = {{"办公用房", &a.office},
                            {"房屋", &a.buildings},
                            {"车辆", &a.vehicles},
                            {"20万元以上的设备", &a.equipment},
                            {"其他固定资产", &a.other}};
  bool any = !a.as_of.value.empty();
  for (int r = s.next_row(header + 1); r < s.rows(); r = s.next_row(r + 1)) {
    std::string label;
    for (auto [c, cellp] : s.row_cells(r)) {
      label = norm_label(cellp->text);
      if (!label.empty()) break;
    }
    for (const auto& t : targets) {
      if (!contains(label, t.word)) continue;
      Val v = read_amount(s, r, value_col, unit, report);
      any =
          any || v.present || !trim_cell_text(s.text(r, qty_col < 0 ? value_col : qty_col)).empty();
      t.row->value.value = v.m;
      t.row->present = true;
      if (qty_col >= 0) {
        auto n = parse_number_text(s.text(r, qty_col));
        if (n.status == NumberText::Status::Invalid || n.hundredths % 100 != 0)
          report.error(qualified_ref(s.name, {r, qty_col}),
                       "数量“" + trim_cell_text(s.text(r, qty_col)) + "”不是整数");
        else
          t.row->quantity = n.hundredths / 100;
      }
      a.present = true;
      break;
    }
  }
  // A sheet left blank (the fill-in workbook of a department without the part) imports nothing.
  if (!any) a = Assets{};
}

}  // namespace bp::import
