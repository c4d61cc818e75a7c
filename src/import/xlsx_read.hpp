// Reading an .xlsx into Sheets (SpreadsheetML, ECMA-376 part 1 §18): the package's main part from
// _rels/.rels, sheet names and order from workbook.xml, their parts from workbook.xml.rels, shared
// strings (plain and rich-text runs, phonetic runs skipped, _xHHHH_ escapes decoded), inline
// strings, numbers and formula results as their <v> text, booleans, and <mergeCells>. Element
// prefixes (x:sheet) are ignored, as tools that write them exist.
#pragma once

#include <filesystem>
#include <string>

#include "import/sheet.hpp"
#include "import/zip_reader.hpp"

namespace bp::import {

// Cells per workbook we accept (the 9 tables hold a few thousand).
inline constexpr size_t kMaxCells = 2'000'000;
// The text of an error cell standing for a formula saved without its result.
inline constexpr std::string_view kNoCachedValue = "#公式未计算";

// Throws WorkbookIoError with the file and part when the package or its XML cannot be read.
Workbook read_workbook(const ZipReader& zip);
Workbook read_workbook_file(const std::filesystem::path& path);

// "_x000D_" → "\r", "_x005F_x000D_" → "_x000D_" (the OOXML escape for characters XML cannot hold).
std::string decode_ooxml_escapes(std::string_view s);

}  // namespace bp::import
