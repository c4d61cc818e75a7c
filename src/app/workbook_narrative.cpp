#include "app/workbook_narrative.hpp"

namespace bp::narrative_sheet {

namespace {

doc::Cell text_cell(std::string text, bool bold = false) {
  doc::Cell c;
  c.text = std::move(text);
  c.bold = bold;
  c.align = bold ? doc::Align::Center : doc::Align::Left;
  return c;
}

doc::Cell amount_cell(Money m, Unit u) {
  doc::Cell c;
  c.text = sheet_amount(m, u);
  c.align = doc::Align::Right;
  c.number = doc::Number{u == Unit::Yuan ? m.in_fen() : m.in_fen() / (kFenPerWan / 100), 2};
  return c;
}

// A count (平方米, 辆) as the other asset tables print it: a whole number, no amount format.
doc::Cell count_cell(int64_t n) {
  doc::Cell c;
  c.text = std::to_string(n);
  c.align = doc::Align::Right;
  return c;
}

doc::Row head_row(const std::vector<std::string>& words) {
  doc::Row r;
  r.role = doc::RowRole::Head;
  for (const auto& w : words) r.cells.push_back(text_cell(w, true));
  return r;
}

std::string unit_line(Unit u) {
  return std::string("单位：") + (u == Unit::Yuan ? "元" : "万元");
}

doc::Table duties_table(const Budget& b) {
  doc::Table t;
  t.id = "duties";
  t.title = kDutiesTitle;
  t.short_title = kDutiesTitle;
  t.column_widths = {1};
  for (const auto& d : b.dept.duties) {
    doc::Row r;
    r.cells.push_back(text_cell(d.value));
    t.body.push_back(std::move(r));
  }
  return t;
}

// A sheet of amounts: title and the header line with the department and the unit.
doc::Table amounts_sheet(const Budget& b, const char* id, const char* title) {
  doc::Table t;
  t.id = id;
  t.title = title;
  t.short_title = title;
  t.header_block =
      doc::HeaderBlock{b.dept.code.value + b.dept.header_separator + b.dept.header_name(), "",
                       unit_line(b.dept.unit)};
  return t;
}

doc::Table data_table(const Budget& b) {
  const Unit u = b.dept.unit;
  doc::Table t = amounts_sheet(b, "narrative-data", kDataTitle);
  t.column_widths = {14, 24, 40};
  t.head.push_back(head_row({kHeadGroup, kHeadItem, kHeadValue}));
  t.notes.push_back(
      "注：本表列出说明中引用而公开表不印的数字和设置，供核对和导入；空着的不写入部门文件。");
  auto text_row = [&](const char* group, const std::string& item, const std::string& value) {
    doc::Row r;
    r.cells = {text_cell(group), text_cell(item), text_cell(value)};
    t.body.push_back(std::move(r));
  };
  auto money_row = [&](const char* group, const std::string& item, Money m) {
    doc::Row r;
    r.cells = {text_cell(group), text_cell(item), amount_cell(m, u)};
    t.body.push_back(std::move(r));
  };
  const Department& d = b.dept;
  text_row(kBasics, kGovLevel, d.gov_level);
  text_row(kBasics, kListZero, d.list_zero_income ? kYes : kNo);
  if (!d.duties_intro.value.empty()) text_row(kBasics, kDutyIntro, d.duties_intro.value);
  text_row(kBasics, kDutyNumbering, d.duties_numbering);
  const PreviousYear& p = b.previous;
  if (p.basic) money_row(kPrevious, kPrevBasic, p.basic->value);
  if (p.project) money_row(kPrevious, kPrevProject, p.project->value);
  if (p.running_cost) money_row(kPrevious, kPrevRunning, p.running_cost->value);
  const ThreePublic& tp = b.three_public;
  if (tp.last_year_total) money_row(kTpLast, kTpLastTotal, tp.last_year_total->value);
  if (tp.last_year_outbound) money_row(kTpLast, kTpLastOutbound, tp.last_year_outbound->value);
  if (tp.last_year_vehicle) money_row(kTpLast, kTpLastVehicle, tp.last_year_vehicle->value);
  if (tp.last_year.present) {
    bool any = false;
    for (int i = 0; i < kTpItemCount; ++i)
      for (int s = 0; s < 3; ++s)
        if (!tp.last_year.v[i][s].value.zero()) {
          money_row(kTpLast,
                    std::string(tp_item_label(static_cast<TpItem>(i))) + kTpSourceSuffix[s],
                    tp.last_year.v[i][s].value);
          any = true;
        }
    // Stated, all zero: one zero row keeps it stated.
    if (!any && !tp.last_year_outbound && !tp.last_year_vehicle)
      money_row(kTpLast, tp_item_label(TpItem::Reception), Money());
  }
  const RunningCost& rc = b.running_cost;
  if (rc.total) money_row(kRunning, kRunningTotal, rc.total->value);
  if (!rc.purpose.value.empty()) text_row(kRunning, kRunningPurpose, rc.purpose.value);
  for (const auto& it : rc.items) money_row(kRunningItems, it.name.value, it.amount.value);
  const Assets& a = b.assets;
  if (!a.note.value.empty()) text_row(kAssets, kAssetsNote, a.note.value);
  if (a.units.empty())
    for (const auto& f : statement_fields())
      if (const auto& v = a.statement.*f.field) money_row(kAssets, f.label, v->value);
  return t;
}

doc::Table unit_assets_table(const Budget& b) {
  const Unit u = b.dept.unit;
  doc::Table t = amounts_sheet(b, "unit-assets", kUnitAssetsTitle);
  t.landscape = true;
  std::vector<std::string> words = {kUnitHead};
  for (const auto& f : asset_row_fields()) {
    words.push_back(std::string(f.label) + kQuantitySuffix);
    words.push_back(std::string(f.label) + kValueSuffix);
  }
  for (const auto& f : statement_fields()) words.push_back(f.label);
  t.head.push_back(head_row(words));
  t.column_widths.assign(words.size(), 8);
  t.column_widths[0] = 16;
  for (const auto& ua : b.assets.units) {
    doc::Row r;
    r.cells.push_back(text_cell(ua.unit.value));
    for (const auto& f : asset_row_fields()) {
      const AssetRow& row = ua.*f.row;
      if (row.present) {
        r.cells.push_back(count_cell(row.quantity));
        r.cells.push_back(amount_cell(row.value.value, u));
      } else {
        r.cells.push_back(text_cell(""));
        r.cells.push_back(text_cell(""));
      }
    }
    for (const auto& f : statement_fields()) {
      const auto& v = ua.statement.*f.field;
      r.cells.push_back(v ? amount_cell(v->value, u) : text_cell(""));
    }
    t.body.push_back(std::move(r));
  }
  return t;
}

}  // namespace

const char* tp_item_label(TpItem i) {
  switch (i) {
    case TpItem::OutboundResearch:
      return "教学科研人员因公出国（境）费";
    case TpItem::OutboundOther:
      return "其他因公出国（境）费";
    case TpItem::VehiclePurchase:
      return "公务用车购置费";
    case TpItem::VehicleOperation:
      return "公务用车运行维护费";
    case TpItem::Reception:
      return "公务接待费";
    case TpItem::MeetingUniversity:
      return "省属高校业务性会议费";
    case TpItem::MeetingOther:
      return "其他会议费";
    case TpItem::Training:
      return "培训费";
  }
  return "";
}

const std::vector<StatementField>& statement_fields() {
  static const std::vector<StatementField> f = {
      {"固定资产原值", &AssetStatement::original},
      {"累计折旧", &AssetStatement::depreciation},
      {"无形资产原值", &AssetStatement::intangible_original},
      {"无形资产累计摊销", &AssetStatement::intangible_amortization},
      {"净资产", &AssetStatement::net_assets}};
  return f;
}

const std::vector<AssetRowField>& asset_row_fields() {
  static const std::vector<AssetRowField> f = {{"房屋", &AssetRows::buildings},
                                               {"办公用房", &AssetRows::office},
                                               {"车辆", &AssetRows::vehicles},
                                               {"设备", &AssetRows::equipment},
                                               {"其他固定资产", &AssetRows::other}};
  return f;
}

std::string sheet_amount(Money m, Unit u) {
  return format_hundredths(u == Unit::Yuan ? m.in_fen() : m.in_fen() / (kFenPerWan / 100));
}

std::vector<doc::Table> narrative_tables(const Budget& b) {
  std::vector<doc::Table> out;
  if (!b.dept.duties.empty()) out.push_back(duties_table(b));
  out.push_back(data_table(b));
  if (!b.assets.units.empty()) out.push_back(unit_assets_table(b));
  return out;
}

}  // namespace bp::narrative_sheet
