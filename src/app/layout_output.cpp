#include "app/layout_output.hpp"

#include <chrono>
#include <stdexcept>

#include "json/layout_json.hpp"
#include "layout/document_layout.hpp"
#include "util/trace.hpp"

namespace bp {

DepartmentLayout::DepartmentLayout(const doc::Document& d, const layout::Theme& theme,
                                   text::FontSet& fonts, const WorkBudget* budget, bool second_core,
                                   HelperThread<layout::Context>* ahead_thread)
    : doc_(d),
      theme_(theme),
      fonts_(fonts),
      caches_(fonts.caches().lease()),
      ctx_(theme, fonts, caches_->shaper, coverage_, &caches_->prepared, &caches_->words,
           &caches_->breaks),
      second_core_(second_core),
      ahead_thread_(ahead_thread) {
  ctx_.set_budget(budget);
}

const layout::DocumentLayout& DepartmentLayout::get() {
  if (failure_) std::rethrow_exception(failure_);
  if (!pages_) {
    const auto t0 = std::chrono::steady_clock::now();
    const trace::Span span("layout");
    try {
      // Alone (a lone build, -j1), the tables are planned ahead on the other core; in a parallel
      // batch the other workers keep it busy.
      pages_ = layout::layout_document(doc_, ctx_, second_core_ ? &fonts_ : nullptr,
                                       second_core_ ? ahead_thread_ : nullptr);
      // The document's own table cells are not needed by its writers: freed before the PDF's
      // fonts are subset (the peak of its memory). Text that recurs across documents stays.
      caches_->prepared.end_layout();
    } catch (...) {
      failure_ = std::current_exception();
      throw;
    }
    layout_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }
  return *pages_;
}

layout::Context& DepartmentLayout::context() {
  if (!caches_) throw std::logic_error("DepartmentLayout::context() after release_caches()");
  return ctx_;
}

void DepartmentLayout::release_caches() {
  get();  // the layout is made with them first (rethrows its failure)
  caches_.release();
}

std::string layout_json_for(const Budget& b, DepartmentLayout& lay) {
  const layout::DocumentLayout& pages = lay.get();
  lay.coverage().throw_if_missing();  // the same failure as the PDF: no layout of unprintable text
  return layout_to_json(lay.document(), pages,
                        {b.dept.code.value, b.dept.name.value, b.dept.form, b.dept.year});
}

}  // namespace bp
