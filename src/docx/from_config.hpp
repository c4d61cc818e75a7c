// The DOCX output of the CLI: theme from the configuration directory (themes/default.yaml; the
// built-in default theme when the file is absent), 目录 page numbers from our layout, atomic write.
#pragma once

#include <filesystem>

#include "document/document.hpp"

namespace bp::docx {

struct FileStats {
  size_t bytes = 0;
  bool page_numbers_from_layout = false;  // false: the layout failed (e.g. no fonts); numbers empty
};

// `config_dir` is the --config directory; fonts are looked up in config_dir/../fonts first, then
// through fontconfig. A layout failure (missing font family) does not stop the DOCX: the 目录's
// page numbers are then left for Word to fill, and a warning goes to stderr.
FileStats write_docx_file(const doc::Document& d, const std::filesystem::path& config_dir,
                          const std::filesystem::path& out);

}  // namespace bp::docx
