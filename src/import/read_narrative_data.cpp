// 说明数据 and 各单位资产情况 (src/app/workbook_narrative.hpp defines their words): the figures and
// settings of the 说明 that no published table prints. Rows are found by their labels (项目 filled
// down when left blank or merged), amounts in the unit of the sheet's 单位 line; a blank 数值 is
// “not stated”. A label the importer does not know is an error with its cell, so that nothing a
// clerk typed is dropped silently.
#include "app/workbook_narrative.hpp"
#include "import/labels.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"
#include "import/tables.hpp"

namespace bp::import {

namespace {

namespace ns = narrative_sheet;
using parts_detail::cell;

bool same(std::string_view normed, const std::string& label) {
  return normed == norm_label(label);
}

// The unit of a sheet's 单位 line above `header` (万元 when none says 元).
Unit sheet_unit(const Sheet& s, int header) {
  for (int r = s.next_row(0); r < header; r = s.next_row(r + 1))
    for (auto [c, cellp] : s.row_cells(r)) {
      std::string t = norm_label(cellp->text);
      if (contains(t, "单位:元")) return Unit::Yuan;
      if (contains(t, "单位:万元")) return Unit::Wan;
    }
  return Unit::Wan;
}

// The row whose cells hold all `words` (normalised), within the first 12 rows; -1 when none.
int header_row(const Sheet& s, std::initializer_list<const char*> words) {
  for (int r = s.next_row(0); r < s.rows() && r < 12; r = s.next_row(r + 1)) {
    size_t found = 0;
    for (const char* w : words)
      for (auto [c, cellp] : s.row_cells(r))
        if (norm_label(cellp->text) == norm_label(w)) {
          ++found;
          break;
        }
    if (found == words.size()) return r;
  }
  return -1;
}

int col_of(const Sheet& s, int row, const std::string& word) {
  for (auto [c, cellp] : s.row_cells(row))
    if (norm_label(cellp->text) == norm_label(word)) return c;
  return -1;
}

}  // namespace

std::vector<Money> NarrativeData::amounts() const {
  std::vector<Money> out;
  auto add = [&](const std::optional<Amount>& a) {
    if (a) out.push_back(a->value);
  };
  add(previous.basic);
  add(previous.project);
  add(previous.running_cost);
  add(tp_last_total);
  add(tp_last_outbound);
  add(tp_last_vehicle);
  for (const auto& item : tp_last.v)
    for (const auto& a : item) out.push_back(a.value);
  add(running_cost.total);
  for (const auto& i : running_cost.items) out.push_back(i.amount.value);
  for (const auto& f : ns::statement_fields()) add(statement.*f.field);
  for (const auto& u : units) {
    for (const auto& f : ns::asset_row_fields()) out.push_back((u.*f.row).value.value);
    for (const auto& f : ns::statement_fields()) add(u.statement.*f.field);
  }
  return out;
}

bool read_narrative_data_sheet(const Sheet& s, ImportedParts& out, Report& report) {
  const int h = header_row(s, {ns::kHeadGroup, ns::kHeadItem, ns::kHeadValue});
  if (h < 0) return false;
  const int cg = col_of(s, h, ns::kHeadGroup), ci = col_of(s, h, ns::kHeadItem),
            cv = col_of(s, h, ns::kHeadValue);
  NarrativeData& n = out.narrative;
  n.present = true;
  n.unit = sheet_unit(s, h);
  std::string group;
  for (int r = s.next_row(h + 1); r < s.rows(); r = s.next_row(r + 1)) {
    const std::string g = cell(s, r, cg), item = cell(s, r, ci), value = cell(s, r, cv);
    if (!g.empty()) group = norm_label(g);
    if (starts_with(norm_label(g), "注:")) break;  // the note under the table
    if (item.empty() && value.empty()) continue;
    const std::string where = qualified_ref(s.name, {r, cv});
    const std::string it = norm_label(item);
    if (item.empty()) {
      report.error(qualified_ref(s.name, {r, ci}),
                   "说明数据的这一行没有写细项名称，不知道“" + value + "”是什么数");
      continue;
    }
    if (value.empty()) {
      // Blank: not stated — except a 机关运行经费明细 row, whose name alone says nothing.
      if (same(group, ns::kRunningItems))
        report.error(where, "机关运行经费明细“" + item + "”没有填写金额");
      continue;
    }
    auto amount = [&]() -> std::optional<Amount> {
      Val v = read_amount(s, r, cv, n.unit, report);
      if (!v.present) return std::nullopt;
      return Amount{v.m, {}};
    };
    auto unknown = [&] {
      report.error(qualified_ref(s.name, {r, ci}),
                   "说明数据中不认识“" + g + (g.empty() ? group : "") + " / " + item +
                       "”这一行：细项请按录入表原样填写（见 docs/import.md）");
    };
    if (same(group, ns::kBasics)) {
      if (same(it, ns::kGovLevel))
        n.gov_level = value;
      else if (same(it, ns::kDutyIntro))
        n.duties_intro = value;
      else if (same(it, ns::kDutyNumbering))
        n.duties_numbering = value;
      else if (same(it, ns::kListZero)) {
        if (value == ns::kYes || value == ns::kNo)
          n.list_zero_income = value == ns::kYes;
        else
          report.error(where, "“" + item + "”应填“是”或“否”，不是“" + value + "”");
      } else
        unknown();
    } else if (same(group, ns::kPrevious)) {
      std::optional<Amount>* target = same(it, ns::kPrevBasic)     ? &n.previous.basic
                                      : same(it, ns::kPrevProject) ? &n.previous.project
                                      : same(it, ns::kPrevRunning) ? &n.previous.running_cost
                                                                   : nullptr;
      if (!target) {
        unknown();
        continue;
      }
      *target = amount();
    } else if (same(group, ns::kTpLast)) {
      if (same(it, ns::kTpLastTotal)) {
        n.tp_last_total = amount();
      } else if (same(it, ns::kTpLastOutbound)) {
        n.tp_last_outbound = amount();
        n.tp_last.present = true;
      } else if (same(it, ns::kTpLastVehicle)) {
        n.tp_last_vehicle = amount();
        n.tp_last.present = true;
      } else {
        bool found = false;
        for (int i = 0; i < kTpItemCount && !found; ++i)
          for (int src = 0; src < 3 && !found; ++src)
            if (same(it, std::string(ns::tp_item_label(static_cast<TpItem>(i))) +
                             ns::kTpSourceSuffix[src])) {
              found = true;
              if (auto a = amount()) {
                n.tp_last.v[i][src] = *a;
                n.tp_last.present = true;
              }
            }
        if (!found) unknown();
      }
    } else if (same(group, ns::kRunning)) {
      if (same(it, ns::kRunningTotal))
        n.running_cost.total = amount();
      else if (same(it, ns::kRunningPurpose))
        n.running_cost.purpose.value = value;
      else
        unknown();
    } else if (same(group, ns::kRunningItems)) {
      if (auto a = amount()) n.running_cost.items.push_back({Text{item, {}}, *a});
      n.running_where = n.running_where.empty() ? where : n.running_where;
    } else if (same(group, ns::kAssets)) {
      if (same(it, ns::kAssetsNote)) {
        n.assets_note = value;
        continue;
      }
      bool found = false;
      for (const auto& f : ns::statement_fields())
        if (same(it, f.label)) {
          n.statement.*f.field = amount();
          found = true;
        }
      if (!found) unknown();
    } else {
      unknown();
    }
  }
  return true;
}

bool read_unit_assets_sheet(const Sheet& s, ImportedParts& out, Report& report) {
  const int h = header_row(s, {ns::kUnitHead});
  if (h < 0) return false;
  NarrativeData& n = out.narrative;
  const Unit unit = sheet_unit(s, h);
  const int cu = col_of(s, h, ns::kUnitHead);
  struct RowCols {
    AssetRow AssetRows::*row;
    int qty, value;
  };
  std::vector<RowCols> rows;
  for (const auto& f : ns::asset_row_fields())
    rows.push_back({f.row, col_of(s, h, std::string(f.label) + ns::kQuantitySuffix),
                    col_of(s, h, std::string(f.label) + ns::kValueSuffix)});
  std::vector<std::pair<std::optional<Amount> AssetStatement::*, int>> stmt;
  for (const auto& f : ns::statement_fields()) stmt.emplace_back(f.field, col_of(s, h, f.label));
  for (int r = s.next_row(h + 1); r < s.rows(); r = s.next_row(r + 1)) {
    const std::string name = cell(s, r, cu);
    if (name.empty() || starts_with(norm_label(name), "注:")) continue;
    UnitAssets ua;
    ua.unit.value = name;
    for (const auto& rc : rows) {
      AssetRow& row = ua.*rc.row;
      const std::string q = rc.qty < 0 ? "" : cell(s, r, rc.qty);
      Val v = read_amount(s, r, rc.value, unit, report);
      if (q.empty() && !v.present) continue;
      row.present = true;
      row.value.value = v.m;
      if (!q.empty()) {
        auto num = parse_number_text(s.text(r, rc.qty));
        if (num.status == NumberText::Status::Invalid || num.hundredths % 100 != 0)
          report.error(qualified_ref(s.name, {r, rc.qty}), "数量“" + q + "”不是整数");
        else
          row.quantity = num.hundredths / 100;
      }
    }
    for (const auto& [field, c] : stmt) {
      Val v = read_amount(s, r, c, unit, report);
      if (v.present) ua.statement.*field = Amount{v.m, {}};
    }
    n.units.push_back(std::move(ua));
  }
  return true;
}

}  // namespace bp::import
