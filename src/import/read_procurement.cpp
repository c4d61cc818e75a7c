// 政府采购预算: columns found by header words (项目名称, 预算资金, 采购物品名称, 目录序号 /
// 品目编码, 计量单位, 数量, 单价, the amount columns by source, 预留中小微企业份额); rows grouped
// by the
// "<单位>小计" lines (or a 预算单位 column); 合计 and 小计 are derived and not imported.
#include "app/workbook_lists.hpp"
#include "import/labels.hpp"
#include "import/layout.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/tables.hpp"

namespace bp::import {

namespace {

enum class PCol {
  Unit,
  Project,
  ProjectCode,
  Budget,
  Item,
  Catalog,
  Uom,
  Qty,
  Price,
  Total,
  Sme,
  Source,  // 资金来源 (a budget system's list: one row per item and source) …
  Amount   // … with its 金额
};

}  // namespace

void read_procurement_sheet(const Sheet& s, const std::string& dept_name, ImportedParts& out,
                            Report& report) {
  // Header rows: the row naming the purchased item, and the one below it when it holds labels.
  int h = -1;
  for (int r = s.next_row(0); r < s.rows() && r < 30 && h < 0; r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r)) {
      std::string t = norm_label(cellp->text);
      if (contains(t, "采购物品") || contains(t, "品目名称") || t == "采购品目") h = r;
    }
  if (h < 0) {
    // An empty table is printed with its header; without one nothing can be read.
    return;
  }
  Unit unit = Unit::Wan;
  for (int r = s.next_row(0); r < h; r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r))
      if (auto u = unit_from_text(norm_label(cellp->text))) unit = *u;
  int last = h;
  // A 资金来源 column (one row per item and source) has a single header row: the row below is
  // data, its 资金来源 cell names a source (“…拨款”) and must not pass for a header.
  bool source_column = false;
  for (auto [c, cellp] : s.row_cells(h))
    source_column = source_column || norm_label(cellp->text) == "资金来源";
  if (int n = s.next_row(h + 1); !source_column && n < s.rows() && n == h + 1) {
    bool labels = false;
    for (auto [c, cellp] : s.row_cells(n)) {
      std::string t = norm_label(cellp->text);
      if (t == "合计" && c == 0) labels = false;  // the 合计 body row
      if (contains(t, "名称") || contains(t, "拨款") || contains(t, "资金")) labels = true;
    }
    if (labels) last = n;
  }
  std::map<PCol, int> col;
  std::map<ProcSource, int> src;
  const int ncols = s.cols();
  for (int c = 0; c < ncols && c < 64; ++c) {
    std::string top = norm_label(s.shown_text(h, c));
    std::string leaf = norm_label(s.shown_text(last, c));
    std::string t = leaf.empty() ? top : leaf;
    auto put = [&](PCol p) {
      if (!col.count(p)) col[p] = c;
    };
    if (contains(t, "中小"))
      put(PCol::Sme);
    else if (t == "资金来源")
      put(PCol::Source);
    else if (t == "金额" || t == "采购金额" || t == "政府采购金额")
      put(PCol::Amount);
    else if (contains(t, "项目名称"))
      put(PCol::Project);
    else if (contains(t, "项目编码") || contains(t, "项目代码"))
      put(PCol::ProjectCode);
    else if (contains(t, "预算单位") || contains(t, "单位名称"))
      put(PCol::Unit);
    else if (t == "预算资金" || t == "项目预算")
      put(PCol::Budget);
    else if (contains(t, "采购物品") || contains(t, "品目名称") || t == "采购品目")
      put(PCol::Item);
    else if (contains(t, "目录序号") || contains(t, "品目编码") || contains(t, "品目代码") ||
             contains(t, "目录编码"))
      put(PCol::Catalog);
    else if (contains(t, "计量单位"))
      put(PCol::Uom);
    else if (t == "数量")
      put(PCol::Qty);
    else if (contains(t, "单价"))
      put(PCol::Price);
    else if (t == "合计" || t == "小计")
      put(PCol::Total);
    else if (contains(t, "一般公共预算"))
      src.emplace(ProcSource::Gpb, c);
    else if (contains(t, "基金"))
      src.emplace(ProcSource::Fund, c);
    else if (contains(t, "国有资本"))
      src.emplace(ProcSource::Soc, c);
    else if (contains(t, "财政专户"))
      src.emplace(ProcSource::Special, c);
    else if (t == "单位资金")
      src.emplace(ProcSource::Unit, c);
    else if (contains(t, "非财政拨款结转"))
      src.emplace(ProcSource::CarryoverOther, c);
    else if (contains(t, "财政拨款结转"))
      src.emplace(ProcSource::CarryoverFiscal, c);
    else if (contains(t, "上年结转"))
      src.emplace(ProcSource::Carryover, c);
  }
  if (!col.count(PCol::Item)) return;
  auto text = [&](int r, PCol p) {
    auto it = col.find(p);
    return it == col.end() ? std::string() : trim_cell_text(s.text(r, it->second));
  };
  auto amount = [&](int r, PCol p) -> std::optional<Amount> {
    auto it = col.find(p);
    if (it == col.end()) return std::nullopt;
    Val v = read_amount(s, r, it->second, unit, report);
    if (!v.present) return std::nullopt;
    return Amount{v.m, {}};
  };
  std::string current_unit;
  for (int r = s.next_row(last + 1); r < s.rows(); r = s.next_row(r + 1)) {
    std::string first;
    for (auto [c, cellp] : s.row_cells(r)) {
      first = trim_cell_text(cellp->text);
      if (!first.empty()) break;
    }
    std::string nfirst = norm_label(first);
    if (starts_with(nfirst, "注")) break;
    std::string item = text(r, PCol::Item);
    if (item.empty()) {
      if (nfirst == "合计" || nfirst == "总计" || nfirst.empty()) continue;
      if (nfirst.size() > 6 && nfirst.substr(nfirst.size() - 6) == "小计") {
        current_unit = trim_cell_text(first.substr(0, first.rfind("小计")));
        continue;
      }
      continue;  // 栏次 or a stray label
    }
    ProcurementRow row;
    row.unit.value = col.count(PCol::Unit) ? text(r, PCol::Unit) : current_unit;
    if (row.unit.value == dept_name) row.unit.value.clear();
    row.project.value = text(r, PCol::Project);
    row.project_code.value = text(r, PCol::ProjectCode);
    row.item.value = item;
    row.catalog_code.value = text(r, PCol::Catalog);
    if (const CatalogYear* cat = out.catalog; cat && !cat->procurement.empty() &&
                                              !row.catalog_code.value.empty() &&
                                              !cat->procurement_entry(row.catalog_code.value))
      report.warning(
          qualified_ref(s.name, {r, col[PCol::Catalog]}),
          "品目编码 " + row.catalog_code.value +
              " 不在政府采购品目分类目录中（config/catalog/procurement/，财库〔2022〕31号），"
              "请核对");
    row.uom.value = text(r, PCol::Uom);
    row.project_budget = amount(r, PCol::Budget);
    if (auto it = col.find(PCol::Qty); it != col.end()) {
      auto n = parse_number_text(s.text(r, it->second));
      if (n.status == NumberText::Status::Invalid || n.hundredths % 100 != 0)
        report.error(qualified_ref(s.name, {r, it->second}),
                     "数量“" + trim_cell_text(s.text(r, it->second)) + "”不是整数");
      else
        row.quantity = n.hundredths / 100;
    }
    row.unit_price = amount(r, PCol::Price);
    for (auto [ps, c] : src) {
      Val v = read_amount(s, r, c, unit, report);
      row.amounts[static_cast<int>(ps)] = Amount{v.m, {}};
    }
    if (src.empty() && col.count(PCol::Source)) {
      // 资金来源 + 金额: exactly the template's words (src/app/workbook_lists.hpp).
      const std::string named = text(r, PCol::Source);
      const auto ps = procurement_source_of(named);
      if (!ps) {
        std::string all;
        for (const auto& l : procurement_sources())
          all += (all.empty() ? "" : "、") + std::string(l.label);
        report.error(qualified_ref(s.name, {r, col[PCol::Source]}),
                     "资金来源“" + named + "”不是以下之一：" + all);
      } else if (auto a = amount(r, col.count(PCol::Amount) ? PCol::Amount : PCol::Total)) {
        row.amounts[static_cast<int>(*ps)] = *a;
      }
    }
    row.sme_reserved = amount(r, PCol::Sme);
    if (auto total = amount(r, PCol::Total); total && !src.empty() && total->value != row.total())
      report.warning(
          qualified_ref(s.name, {r, col[PCol::Total]}),
          "合计 " + show(total->value, unit) + " ≠ 各资金来源之和 " + show(row.total(), unit));
    out.procurement.push_back(std::move(row));
  }
}

}  // namespace bp::import
