#include "docx/from_layout.hpp"

#include <variant>

#include "layout/context.hpp"
#include "layout/document_layout.hpp"
#include "layout/table_layout.hpp"
#include "layout/units.hpp"
#include "text/coverage.hpp"
#include "text/shape_cache.hpp"
#include "util/utf8.hpp"

namespace bp::docx {

Options options_from_layout(const doc::Document& d, const layout::Theme& theme,
                            text::FontSet& fonts) {
  text::ShapeCache shaper;
  text::Coverage coverage;
  layout::Context ctx(theme, fonts, shaper, coverage);
  return options_from_layout(d, layout::layout_document(d, ctx), ctx);
}

Options options_from_layout(const doc::Document& d, const layout::DocumentLayout& lay,
                            layout::Context& ctx) {
  const layout::Theme& theme = ctx.theme();
  Options o;
  for (const auto& [anchor, at] : lay.anchors)
    if (at.page < lay.pages.size() && lay.pages[at.page].number > 0)
      o.page_numbers[anchor] = lay.pages[at.page].number;

  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const auto* t = std::get_if<doc::Table>(&d.blocks[i]);
    if (!t) continue;
    const layout::Margins& m = theme.margins(t->landscape);
    const double width =
        layout::mm((t->landscape ? theme.page_height : theme.page_width) - m.left - m.right);
    // Amounts measured with the digits the DOCX will show (layout::Digits::Font); a table the
    // layout set for its height (to keep it on one page) is set so here too.
    const auto goal_at = lay.table_goals.find(i);
    const layout::WidthGoal goal =
        goal_at == lay.table_goals.end() ? layout::WidthGoal::Looks : goal_at->second;
    const layout::TablePlan plan =
        layout::plan_table(*t, ctx, width, nullptr, nullptr, layout::Digits::Font, goal);
    TableFit fit;
    for (size_t c = 1; c < plan.col_x.size(); ++c)
      fit.widths.push_back(plan.col_x[c] - plan.col_x[c - 1]);
    if (plan.compact) fit.cell_size = theme.table.compact_size;
    const double page_h =
        layout::mm((t->landscape ? theme.page_width : theme.page_height) - m.top - m.bottom);
    fit.page_share = page_h > 0 ? (plan.total_height() + plan.notes_height(theme)) / page_h : 0;
    for (const auto& box : plan.head) {
      if (box.lines.size() < 2) continue;
      std::vector<std::string> lines;
      for (const auto& line : box.lines) {
        std::string s;
        for (const auto& g : line.glyphs)
          for (char32_t ch : g.text)
            if (ch) utf8::append(s, ch);
        lines.push_back(std::move(s));
      }
      fit.head_lines[{box.g.row, box.g.col}] = std::move(lines);
    }
    o.tables[i] = std::move(fit);
  }
  return o;
}

}  // namespace bp::docx
