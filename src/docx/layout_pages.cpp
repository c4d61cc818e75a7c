#include "docx/layout_pages.hpp"

#include "layout/context.hpp"
#include "layout/document_layout.hpp"
#include "text/coverage.hpp"
#include "text/shape_cache.hpp"

namespace bp::docx {

std::map<std::string, int> layout_page_numbers(const doc::Document& d, const layout::Theme& theme,
                                               text::FontSet& fonts) {
  text::ShapeCache shaper;
  text::Coverage coverage;
  layout::Context ctx(theme, fonts, shaper, coverage);
  const layout::DocumentLayout lay = layout::layout_document(d, ctx);
  std::map<std::string, int> out;
  for (const auto& [anchor, at] : lay.anchors)
    if (at.page < lay.pages.size() && lay.pages[at.page].number > 0)
      out[anchor] = lay.pages[at.page].number;
  return out;
}

}  // namespace bp::docx
