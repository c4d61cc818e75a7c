#include "app/workbook_document.hpp"

#include "app/document_for.hpp"
#include "document/build.hpp"
#include "document/narrative_tables.hpp"

namespace bp {

doc::Document workbook_document_for(const CheckedBudget& c, const Context& ctx) {
  doc::Document d = document_for(c, ctx);
  const Profile& p = *c.profile;
  if (p.has_tables) return d;
  const std::string note = "注：" + p.id + kNotPrintedNote;
  for (const auto& t : c.derived->tables) {
    doc::Table tb = table_block(*c.budget, p, t);
    tb.notes.push_back(note);
    d.blocks.push_back(std::move(tb));
  }
  if (c.budget->assets.present) {
    doc::Table tb = assets_table(*c.budget);
    tb.notes.push_back(note);
    d.blocks.push_back(std::move(tb));
  }
  return d;
}

}  // namespace bp
