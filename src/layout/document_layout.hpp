// Lays out a whole document tree into pages (the entry point of the layout layer).
#pragma once

#include "document/document.hpp"
#include "layout/context.hpp"
#include "layout/page.hpp"
#include "text/font_set.hpp"
#include "util/helper_thread.hpp"

namespace bp::layout {

// Pages, outline and anchors of `d`. Characters no font covers are recorded in ctx.coverage()
// (the caller decides to fail); structural problems (a 目录 entry without target, a row with more
// cells than columns) throw LayoutError.
// `ahead_fonts` (when a second core is free): the tables are planned ahead on a helper thread
// whose own typesetting context is made from these fonts (layout/plan_ahead.hpp); the pages are
// the same either way. `ahead_thread`: that helper, started earlier (PlanAhead), or null.
DocumentLayout layout_document(const doc::Document& d, Context& ctx,
                               text::FontSet* ahead_fonts = nullptr,
                               HelperThread<Context>* ahead_thread = nullptr);

// Whether block i is a table laid out as the first rows of the table after it (a project's info
// block above its indicator grid: keep_with_next, then a title-less table of the same grid): the
// two doc::Tables make one Table on the page and in the structure tree.
bool merges_into_next(const doc::Document& d, size_t i);

}  // namespace bp::layout
