// `build --format layout`: the department's layout as JSON (docs/layout-json.md), laid out with the
// same theme and fonts as its PDF.
#pragma once

#include <string>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "util/work_budget.hpp"

namespace bp {

// Throws what the PDF's layout throws (text::MissingGlyphsError for characters no font covers,
// layout::LayoutError, LimitError).
std::string layout_json_for(const CheckedBudget& c, const Context& ctx, const WorkBudget* budget);

}  // namespace bp
