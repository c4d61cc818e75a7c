#include "import/collect.hpp"

namespace bp::import {

const CodeTable* Collected::code_table(TableId id) const {
  const std::optional<CodeTable>* t = nullptr;
  switch (id) {
    case TableId::Income:
      t = &income;
      break;
    case TableId::Expenditure:
      t = &expenditure;
      break;
    case TableId::Gpb:
      t = &gpb;
      break;
    case TableId::GpbBasic:
      t = &basic;
      break;
    case TableId::Fund:
      t = &fund;
      break;
    case TableId::Soc:
      t = &soc;
      break;
    default:
      return nullptr;
  }
  return *t ? &**t : nullptr;
}

Collected collect_tables(const Workbook& wb, Report& report) {
  Collected out;
  for (const auto& sheet : wb.sheets) {
    auto found = identify_sheet(sheet);
    if (!found) continue;
    auto& slot = out.layout[static_cast<int>(found->id)];
    if (slot) {
      // A title cell beats a sheet name; two titled sheets of one table is a real conflict.
      if (slot->titled_by_cell && !found->titled_by_cell) continue;
      if (slot->titled_by_cell == found->titled_by_cell) {
        report.error(qualified_ref(sheet.name, {0, 0}),
                     std::string("工作表“") + slot->sheet->name + "”和“" + sheet.name + "”都是" +
                         table_name(found->id) + "，请删除多余的一张");
        continue;
      }
    }
    // A public table has tens of rows and about a dozen columns; a sheet far beyond that is a
    // pasted dump or garbage, and reading it row by row would bury the clerk in messages.
    if (sheet.rows() > kMaxTableRows || sheet.cols() > kMaxTableCols) {
      const bool rows = sheet.rows() > kMaxTableRows;
      std::string col = format_cell_ref({0, sheet.cols() - 1});
      col.pop_back();  // "XFD1" → "XFD"
      report.error(qualified_ref(sheet.name, {0, 0}),
                   std::string(table_name(found->id)) + "所在的工作表" +
                       (rows ? "有 " + std::to_string(sheet.rows()) + " 行，超过 " +
                                   std::to_string(kMaxTableRows) + " 行"
                             : "的内容一直到 " + col + " 列（共 " + std::to_string(sheet.cols()) +
                                   " 列），超过 " + std::to_string(kMaxTableCols) + " 列") +
                       "的上限：请删去表格以外多余的内容后再导入");
      continue;
    }
    auto layout = std::make_unique<SheetLayout>(std::move(*found));
    if (!analyse_layout(*layout, report)) continue;
    slot = std::move(layout);
  }
  // Units: each table's own 单位 line; a table without one takes the 支出总表's (else 万元).
  std::optional<Unit> main_unit;
  if (auto* e = out.find(TableId::Expenditure); e && e->block.unit) main_unit = e->block.unit;
  for (const auto& l : out.layout)
    if (l && l->block.unit && !main_unit) main_unit = l->block.unit;
  if (!main_unit) {
    bool any = false;
    for (const auto& l : out.layout) any = any || l;
    if (any) report.warning("", "各表的表头都没有“单位：万元/元”，按万元导入");
  }
  Unit fallback = main_unit.value_or(Unit::Wan);
  out.unit = Unit::Wan;
  auto unit_of = [&](const SheetLayout& l) { return l.block.unit.value_or(fallback); };
  for (const auto& l : out.layout)
    if (l && unit_of(*l) == Unit::Yuan) out.unit = Unit::Yuan;

  for (int i = 0; i < kTableCount; ++i) {
    const SheetLayout* l = out.layout[i].get();
    if (!l) continue;
    Unit u = unit_of(*l);
    switch (static_cast<TableId>(i)) {
      case TableId::Summary:
        out.summary = read_label_table(*l, u, report);
        break;
      case TableId::Fiscal:
        out.fiscal = read_label_table(*l, u, report);
        break;
      case TableId::ThreePublic:
        out.three_public = read_label_table(*l, u, report);
        break;
      case TableId::Income:
        out.income = read_code_table(*l, u, report);
        break;
      case TableId::Expenditure:
        out.expenditure = read_code_table(*l, u, report);
        break;
      case TableId::Gpb:
        out.gpb = read_code_table(*l, u, report);
        break;
      case TableId::GpbBasic:
        out.basic = read_code_table(*l, u, report);
        break;
      case TableId::Fund:
        out.fund = read_code_table(*l, u, report);
        break;
      case TableId::Soc:
        out.soc = read_code_table(*l, u, report);
        break;
    }
  }
  bool found_any = false;
  for (const auto& l : out.layout) found_any = found_any || l;
  if (!found_any) {
    report.error("",
                 "工作簿中没有找到 9 "
                 "张部门预算公开表中的任何一张（按标题或工作表名识别，如“部门预算支出总表”）");
    return out;
  }
  if (!out.expenditure)
    report.error(
        "", "工作簿中没有找到部门预算支出总表（标题或工作表名含“支出总表”），无法导入项级支出");
  for (TableId id : {TableId::Summary, TableId::Income, TableId::Fiscal, TableId::Gpb,
                     TableId::GpbBasic, TableId::Fund, TableId::Soc, TableId::ThreePublic})
    if (!out.find(id))
      report.warning("", std::string("工作簿中没有") + table_name(id) +
                             (id == TableId::Fund || id == TableId::Soc ? "，按空表处理"
                              : id == TableId::Income ? "，非财政拨款资金无法按来源拆分"
                              : id == TableId::Gpb    ? "，按没有一般公共预算拨款处理"
                                                      : "，跳过与它有关的核对"));
  return out;
}

}  // namespace bp::import
