// Fuzz target (d): the whole build of a department file that passes check — the PDF in memory
// (layout, shaping, subsetting, the PDF objects) through pdf::render_to_bytes, and the XLSX workbook to a
// temp file under /tmp (libxlsxwriter writes files only). Fonts and theme are loaded once
// (LLVMFuzzerInitialize), as a batch does.
//
// Properties: no crash or sanitizer report; the only exceptions are the documented per-department
// failures a build reports and survives: characters no font covers (MissingGlyphsError) and the
// resource limits (LimitError: pages, time). The PDF starts with %PDF- and ends with %%EOF.
#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/document_for.hpp"
#include "fuzz_support.hpp"
#include "pdf/render.hpp"
#include "text/coverage.hpp"
#include "util/work_budget.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace {

std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("bp-fuzz-render." + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const bp::Context& ctx = bp::fuzz::context();
  (void)ctx.typesetting();  // fontconfig, font files, theme: once
  (void)scratch_dir();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bp::Context& ctx = bp::fuzz::context();
  const bp::CheckedBudget c = bp::fuzz::check_input(data, size);
  if (!c.ok()) return 0;
  const bp::doc::Document d = bp::document_for(c, ctx);
  bp::Typesetting& ts = ctx.typesetting();
  const bp::WorkBudget budget(bp::ResourceLimits{});
  try {
    const std::string pdf = bp::pdf::render_to_bytes(d, ts.theme, ts.fonts, nullptr, &budget);
    BP_FUZZ_ASSERT(pdf.rfind("%PDF-", 0) == 0);
    BP_FUZZ_ASSERT(pdf.find("%%EOF", pdf.size() > 64 ? pdf.size() - 64 : 0) != std::string::npos);
  } catch (const bp::text::MissingGlyphsError&) {
  } catch (const bp::LimitError&) {
  }
  const auto xlsx = scratch_dir() / "fuzz.xlsx";
  bp::xlsx::write_workbook(d, xlsx, bp::xlsx::options_from_style(ts.theme, 0));
  BP_FUZZ_ASSERT(std::filesystem::file_size(xlsx) > 0);
  return 0;
}
