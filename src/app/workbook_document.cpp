#include "app/workbook_document.hpp"

#include "app/workbook_narrative.hpp"

#include "document/build.hpp"
#include "document/narrative_tables.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace bp {

namespace {

// 专项资金 of a form that does not print them (2021): their 绩效目标表 still go into the workbook
// (the xlsx writer stacks them on the 专项资金 sheet), or `import` would drop them from the file.
void unprinted_special_funds(const CheckedBudget& c, doc::Document& d) {
  const Budget& b = *c.budget;
  if (b.special_funds.empty()) return;
  for (const auto& bl : d.blocks)
    if (const auto* t = std::get_if<doc::Table>(&bl);
        t && t->id.rfind(xlsx::kSpecialFundIdPrefix, 0) == 0)
      return;  // printed
  auto tables = project_tables(b, *c.profile, b.special_funds, xlsx::kSpecialFundIdPrefix);
  if (tables.empty()) return;
  if (auto* last = std::get_if<doc::Table>(&tables.back()))
    last->notes.push_back("注：" + c.profile->id + kNotPrintedSpecialFundsNote);
  for (auto& t : tables) d.blocks.push_back(std::move(t));
}

}  // namespace

doc::Document workbook_document_for(const CheckedBudget& c, doc::Document printed) {
  doc::Document d = std::move(printed);
  const Profile& p = *c.profile;
  // The narrative's own figures (部门职责, 说明数据, 各单位资产情况) close every workbook, after
  // the 专项资金 a form does not print.
  auto narrative = [&] {
    unprinted_special_funds(c, d);
    for (auto& t : narrative_sheet::narrative_tables(*c.budget)) d.blocks.push_back(std::move(t));
  };
  if (p.has_tables) {  // the printed tables are the workbook's
    narrative();
    return d;
  }
  const std::string note = "注：" + p.id + kNotPrintedNote;
  for (const auto& t : c.derived->tables) {
    doc::Table tb = table_block(*c.budget, p, t);
    tb.notes.push_back(note);
    d.blocks.emplace_back(std::move(tb));
  }
  if (c.budget->assets.present) {
    // The 2021 form states assets in 元 (to the 分): the table carries them so.
    const Assets& a = c.budget->assets;
    doc::Table tb = assets_table(*c.budget);
    const Money values[] = {a.total(),
                            a.buildings.value.value,
                            a.office.value.value,
                            a.vehicles.value.value,
                            a.equipment.value.value,
                            a.other.value.value};
    if (!tb.head.empty() && tb.head.back().cells.size() == 3 && tb.body.size() == 6) {
      tb.head.back().cells[2].text = "价值（金额单位：元）";
      for (size_t i = 0; i < 6; ++i) {
        doc::Cell& cell = tb.body[i].cells[2];
        cell.text = values[i].zero() ? "" : format_hundredths(values[i].in_fen());
        cell.number.reset();
        if (!values[i].zero()) cell.number = doc::Number{values[i].in_fen(), 2};
      }
    }
    tb.notes.push_back(note);
    d.blocks.emplace_back(std::move(tb));
  }
  narrative();
  return d;
}

}  // namespace bp
