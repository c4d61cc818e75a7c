// The rows of a 政府收支分类科目 list as a grid of texts, read from a .csv (UTF-8, or GB18030 as
// Excel on a Chinese Windows saves it) or from an .xlsx through src/import's reader. Each cell
// keeps the place a message should name: FILE:LINE for CSV, FILE:sheet!A1 for a workbook.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp::catalog_import {

// The file cannot be read at all (missing, not CSV/XLSX, broken ZIP …): exit status 2.
class SourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GridRow {
  std::vector<std::string> cells;  // left to right; missing cells are ""
  std::string where;               // "FILE:12" or "FILE:功能分类!A12" (the row's first cell)
  std::vector<std::string> cell_where;  // per cell; CSV repeats `where`
  const std::string& cell(size_t i) const {
    static const std::string empty;
    return i < cells.size() ? cells[i] : empty;
  }
  std::string at(size_t i) const { return i < cell_where.size() ? cell_where[i] : where; }
};

struct SourceGrid {
  std::string file;   // as given, for messages
  std::string sheet;  // the worksheet read (xlsx), else ""
  std::vector<GridRow> rows;
  bool from_gb18030 = false;  // the CSV was not UTF-8 and was converted
};

// Largest list we read (the national function list is about 4 000 lines, ~300 KB).
inline constexpr size_t kMaxSourceBytes = 64u << 20;

// CSV: RFC 4180 (quotes, doubled quotes, line breaks inside quotes), comma- or TAB-separated (the
// separator of the first line), UTF-8 with or without BOM; text that is not UTF-8 is converted from
// GB18030. Throws SourceError.
SourceGrid read_csv(const std::filesystem::path& path);
// XLSX: one grid per worksheet, in workbook order (merged cells show their top-left value, as a
// reader sees them). Throws SourceError.
std::vector<SourceGrid> read_xlsx(const std::filesystem::path& path);
// By extension (.csv/.txt → CSV, .xlsx → workbook); other extensions throw SourceError.
std::vector<SourceGrid> read_source(const std::filesystem::path& path);

}  // namespace bp::catalog_import
