#include "app/layout_output.hpp"

#include "app/document_for.hpp"
#include "json/layout_json.hpp"
#include "layout/context.hpp"
#include "layout/document_layout.hpp"
#include "text/coverage.hpp"
#include "text/shape_cache.hpp"

namespace bp {

std::string layout_json_for(const CheckedBudget& c, const Context& ctx, const WorkBudget* budget) {
  Typesetting& ts = ctx.typesetting();
  const doc::Document d = document_for(c, ctx);
  text::ShapeCache shaper;
  text::Coverage coverage;
  layout::Context lc(ts.theme, ts.fonts, shaper, coverage);
  lc.set_budget(budget);
  const layout::DocumentLayout lay = layout::layout_document(d, lc);
  coverage.throw_if_missing();  // the same failure as the PDF: no layout of unprintable text
  const Budget& b = *c.budget;
  return layout_to_json(d, lay, {b.dept.code.value, b.dept.name.value, b.dept.form, b.dept.year});
}

}  // namespace bp
