#include "pdf/render.hpp"

#include <chrono>

#include "layout/context.hpp"
#include "layout/document_layout.hpp"
#include "text/coverage.hpp"
#include "text/shape_cache.hpp"
#include "text/typeset_caches.hpp"
#include "util/atomic_file.hpp"

namespace bp::pdf {

namespace {
using Clock = std::chrono::steady_clock;
double ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

std::string write_laid_out(const layout::DocumentLayout& laid_out, const doc::Document& d,
                           const layout::Theme& theme, RenderStats* stats, const WorkBudget* budget,
                           bool parallel_fonts, bool learn_subsets, bool last_in_process,
                           HelperThread* helper) {
  if (budget) budget->check_time("写入 PDF");
  const auto t1 = Clock::now();
  WriteStats ws;
  std::string bytes;
  // Every error is a std::exception (a failed allocation std::bad_alloc: E014).
  bytes = write_pdf(laid_out, d.meta, &ws,
                    {.keep_hinting = theme.font_hinting,
                     .tagged = theme.pdf_tagged,
                     .archival = theme.pdf_archival,
                     .object_streams = theme.pdf_object_streams,
                     .synthetic_bold = theme.synthetic_bold,
                     .parallel_fonts = parallel_fonts,
                     .learn_subsets = learn_subsets,
                     .last_in_process = last_in_process,
                     .helper = helper});
  const auto t2 = Clock::now();
  if (stats) {
    stats->pages = static_cast<int>(laid_out.pages.size());
    stats->bytes = bytes.size();
    stats->write_ms = ms(t1, t2);
    stats->subset_ms = ws.subset_ms;
    stats->fonts = std::move(ws.fonts);
  }
  return bytes;
}

std::string render_to_bytes(const doc::Document& d, const layout::Theme& theme,
                            text::FontSet& fonts, RenderStats* stats, const WorkBudget* budget) {
  const auto t0 = Clock::now();
  // This worker's caches of shaped and prepared text, kept from its previous documents.
  const auto caches = fonts.caches().lease();
  text::ShapeCache& shaper = caches->shaper;
  const size_t shaped_before = shaper.misses(), hits_before = shaper.hits();
  text::Coverage coverage;
  layout::Context ctx(theme, fonts, shaper, coverage, &caches->prepared, &caches->words,
                      &caches->breaks);
  ctx.set_budget(budget);
  const layout::DocumentLayout laid_out = layout::layout_document(d, ctx);
  caches->prepared.end_layout();  // before the fonts are subset (text/prepared_cache.hpp)
  coverage.throw_if_missing();
  const auto t1 = Clock::now();
  // alone: the other core may subset a face
  std::string bytes =
      write_laid_out(laid_out, d, theme, stats, budget, fonts.caches().active() <= 1);
  if (stats) {
    stats->layout_ms = ms(t0, t1);
    stats->shaped_runs = shaper.misses() - shaped_before;
    stats->shape_cache_hits = shaper.hits() - hits_before;
    stats->fallbacks = coverage.fallback_report();
  }
  return bytes;
}

RenderStats render(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                   const std::filesystem::path& out, const WorkBudget* budget) {
  RenderStats stats;
  const std::string bytes = render_to_bytes(d, theme, fonts, &stats, budget);
  write_file_atomic(out, bytes);
  return stats;
}

}  // namespace bp::pdf
