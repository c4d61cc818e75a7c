// BudgetPress PDF backend — public entry point.
//
//   bp::text::FontSet fonts({source_dir / "fonts"});             // once per process (fontconfig,
//   auto theme = bp::layout::Theme::load("config/themes/default.yaml");  //  font files mapped
//   once) for (const auto& d : documents)                               // batch: fonts and theme
//   shared
//     bp::pdf::RenderStats s = bp::pdf::render(d, theme, fonts, out_dir / (name + ".pdf"));
//
// render() lays the document tree out (text → layout), subsets each font once, writes PDF 1.7 to a
// temporary file in the target directory and renames it into place, so a failed or interrupted run
// never leaves a half-written file. Output bytes are a pure function of (document, theme, fonts):
// dates come only from Document::meta.epoch (SOURCE_DATE_EPOCH).
//
// Errors are exceptions with context:
//   text::FontError           a theme font family that fontconfig cannot find, or an unreadable
//   file text::MissingGlyphsError  characters no configured font covers, each with where it occurs
//   layout::LayoutError       a malformed table, a 目录 entry without target
//   pdf::SubsetError          a font that cannot be subset (file named)
//   bp::LimitError            the department's time or page ceiling (util/work_budget.hpp) was hit
//   std::runtime_error        the output cannot be written (util/atomic_file, path named)
// Thread-safety: FontSet and Theme may be shared by threads; each render() call has its own state.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/page.hpp"
#include "layout/theme.hpp"
#include "pdf/pdf_writer.hpp"
#include "text/font_set.hpp"
#include "util/work_budget.hpp"

namespace bp::pdf {

struct RenderStats {
  int pages = 0;
  size_t bytes = 0;
  double layout_ms = 0;  // text + layout
  double write_ms = 0;   // subsetting + PDF objects + serialisation
  double subset_ms = 0;  // part of write_ms
  size_t shaped_runs = 0, shape_cache_hits = 0;
  std::vector<FontStats> fonts;
  // Characters a theme fallback set instead of the style's own face (text::Coverage): reported.
  std::vector<std::string> fallbacks;
};

// Renders `d` to `out` (replacing it atomically). `budget`: the department's time and page ceiling
// (none: only the default page ceiling).
RenderStats render(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                   const std::filesystem::path& out, const WorkBudget* budget = nullptr);

// Writes the PDF of pages laid out already (the department's shared layout, app/layout_output):
// no layout pass of its own. `laid_out` must be the layout of `d` with `theme`. Fills the stats of
// the writing (pages, bytes, write_ms, subset_ms, fonts); the caller adds its layout's.
// `parallel_fonts`: write with a helper thread (WriteOptions::parallel_fonts; when this is the only
// document being typeset, so the other core is free). `learn_subsets`: WriteOptions::learn_subsets.
// `last_in_process`: WriteOptions::last_in_process (the process exits after this document).
// `helper`: WriteOptions::helper (a helper started before the layout, or none).
std::string write_laid_out(const layout::DocumentLayout& laid_out, const doc::Document& d,
                           const layout::Theme& theme, RenderStats* stats = nullptr,
                           const WorkBudget* budget = nullptr, bool parallel_fonts = false,
                           bool learn_subsets = true, bool last_in_process = false,
                           HelperThread* helper = nullptr);

// The same as render(), returning the PDF bytes instead of writing a file.
std::string render_to_bytes(const doc::Document& d, const layout::Theme& theme,
                            text::FontSet& fonts, RenderStats* stats = nullptr,
                            const WorkBudget* budget = nullptr);

}  // namespace bp::pdf
