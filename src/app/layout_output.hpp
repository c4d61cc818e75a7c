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
#include "util/helper_thread.hpp"
#include "util/work_budget.hpp"

namespace bp {

class DepartmentLayout {
 public:
  // `budget`: the department's time and page ceiling, checked by the layout (nullptr: only the
  // default page ceiling). `second_core`: no other department is built at the same time (a lone
  // department, -j1), so the tables are planned ahead on a second thread. `d`, `theme` and `fonts`
  // must outlive this object. `ahead_thread`: the helper for the tables planned ahead, started
  // before the document tree was built (layout::PlanAhead), or null.
  DepartmentLayout(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                   const WorkBudget* budget, bool second_core = false,
                   HelperThread<layout::Context>* ahead_thread = nullptr);
  DepartmentLayout(const DepartmentLayout&) = delete;
  DepartmentLayout& operator=(const DepartmentLayout&) = delete;

  // The pages, laid out on the first call. Throws what layout::layout_document throws
  // (text::FontError, layout::LayoutError, LimitError) — on every call after a failure too.
  // Characters no font covers do not throw here: see coverage().
  const layout::DocumentLayout& get();
  const doc::Document& document() const { return doc_; }
  const layout::Theme& theme() const { return theme_; }
  // The layout's context (theme, fonts, shape cache): what a backend measures more text with.
  // Throws std::logic_error after release_caches().
  layout::Context& context();
  text::Coverage& coverage() { return coverage_; }
  // Gives the typesetting caches back to the worker's pool once the layout is made and no output
  // will set more text with context() (a PDF without a DOCX). A -j1 build lays out the next
  // department while this one's PDF is written: holding the caches until then made the next
  // layout lease the other set, so the two sets took turns and each learnt the recurring text
  // (headers, labels, 科目 names) of every other department only (issue 20D).
  void release_caches();
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
  HelperThread<layout::Context>* ahead_thread_ = nullptr;
  std::optional<layout::DocumentLayout> pages_;
  std::exception_ptr failure_;
  double layout_ms_ = 0;
};

// `build --format layout`: the department's layout as JSON (docs/layout-json.md). Throws what the
// PDF's layout throws (text::MissingGlyphsError for characters no font covers,
// layout::LayoutError, LimitError).
std::string layout_json_for(const Budget& b, DepartmentLayout& lay);

}  // namespace bp
