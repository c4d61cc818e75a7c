// The DOCX output of the CLI: with the batch's shared theme and fonts, 目录 page numbers and table
// widths from our layout, written atomically.
#pragma once

#include <filesystem>
#include <functional>

#include "document/document.hpp"
#include "docx/options.hpp"
#include "layout/theme.hpp"
#include "text/font_set.hpp"
#include "util/atomic_file.hpp"

namespace bp::docx {

struct FileStats {
  size_t bytes = 0;
  bool from_layout = false;  // false: the layout failed (e.g. a missing font); numbers left empty
};

// A layout failure (missing font family) does not stop the DOCX, which embeds no fonts: the
// 目录's page numbers are then left for Word to fill, and a warning goes to stderr.
FileStats write_docx_file(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                          const std::filesystem::path& out);

// The same with the options made by `from_layout` (e.g. from the department's shared layout); an
// exception it throws is the layout failure above.
// `staged`, `sync_file`: as for write_docx.
FileStats write_docx_file(const doc::Document& d, const layout::Theme& theme,
                          const std::function<Options()>& from_layout,
                          const std::filesystem::path& out, bool staged = false,
                          SyncFile sync_file = SyncFile::now);

}  // namespace bp::docx
