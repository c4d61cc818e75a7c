// A department's layout, computed once and shared by the outputs that need it (PDF, DOCX, layout
// JSON): `build --format pdf,docx,layout` typesets the document once. The layout is computed on
// first use; a failure is remembered and rethrown to every output that asks (the DOCX then falls
// back to leaving its 目录 numbers to Word, as before).
#pragma once

#include <exception>
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "document/document.hpp"
#include "layout/context.hpp"
#include "layout/page.hpp"
#include "text/coverage.hpp"
#include "text/shape_cache.hpp"
#include "text/typeset_caches.hpp"
#include "util/work_budget.hpp"

namespace bp {

class DepartmentLayout {
 public:
  // `budget`: the department's time and page ceiling, checked by the layout (nullptr: only the
  // default page ceiling). `second_core`: no other department is built at the same time (a lone
  // department, -j1), so the tables are planned ahead on a second thread. `d`, `theme` and `fonts`
  // must outlive this object.
  DepartmentLayout(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                   const WorkBudget* budget, bool second_core = false);
  DepartmentLayout(const DepartmentLayout&) = delete;
  DepartmentLayout& operator=(const DepartmentLayout&) = delete;

  // The pages, laid out on the first call. Throws what layout::layout_document throws
  // (text::FontError, layout::LayoutError, LimitError) — on every call after a failure too.
  // Characters no font covers do not throw here: see coverage().
  const layout::DocumentLayout& get();
  const doc::Document& document() const { return doc_; }
  const layout::Theme& theme() const { return theme_; }
  // The layout's context (theme, fonts, shape cache): what a backend measures more text with.
  layout::Context& context() { return ctx_; }
  text::Coverage& coverage() { return coverage_; }
  const text::ShapeCache& shaper() const { return caches_->shaper; }
  double layout_ms() const { return layout_ms_; }

 private:
  const doc::Document& doc_;
  const layout::Theme& theme_;
  text::FontSet& fonts_;
  // This worker's caches of shaped and prepared text, kept from its previous documents; leased
  // for this department's layout and given back when it is done.
  text::TypesetCachePool::Lease caches_;
  text::Coverage coverage_;
  layout::Context ctx_;
  bool second_core_ = false;
  std::optional<layout::DocumentLayout> pages_;
  std::exception_ptr failure_;
  double layout_ms_ = 0;
};

// `build --format layout`: the department's layout as JSON (docs/layout-json.md). Throws what the
// PDF's layout throws (text::MissingGlyphsError for characters no font covers,
// layout::LayoutError, LimitError).
std::string layout_json_for(const Budget& b, DepartmentLayout& lay);

}  // namespace bp
