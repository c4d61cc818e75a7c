// BudgetPress DOCX backend — an editable Word document (WordprocessingML) of a whole document tree.
//
//   auto theme = bp::layout::Theme::load(config_dir / "themes/default.yaml");
//   o.page_numbers = bp::docx::layout_page_numbers(d, theme, fonts);  // 目录 numbers from our
//   layout bp::docx::write_docx(d, theme, o, out_dir / (name + ".docx"));
//
// Every block type of doc::Document is rendered (title page, 目录 as a TOC field, headings with
// outline levels, paragraphs, tables with merged and repeating headers, page breaks, landscape
// sections). Fonts and sizes come from the PDF theme. Output bytes are a pure function of
// (document, theme, options): dates come only from Document::meta.epoch. See docs/docx.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "docx/options.hpp"
#include "docx/zip_package.hpp"
#include "layout/theme.hpp"
#include "util/atomic_file.hpp"

namespace bp::docx {

// The package parts in their fixed order ([Content_Types].xml first).
std::vector<ZipEntry> build_parts(const doc::Document& d, const layout::Theme& theme,
                                  const Options& o);

// The .docx bytes.
std::string render_docx(const doc::Document& d, const layout::Theme& theme, const Options& o);

// Writes `out` atomically (temp file in the same directory, then rename). Returns the byte count.
// `staged`: `out` is in a staging directory that the caller publishes from, so its directory entry
// is not synced (SyncDirectory in util/atomic_file.hpp); `sync_file`: by_caller when that
// publisher fsyncs the file itself (SyncFile).
size_t write_docx(const doc::Document& d, const layout::Theme& theme, const Options& o,
                  const std::filesystem::path& out, bool staged = false,
                  SyncFile sync_file = SyncFile::now);

}  // namespace bp::docx
