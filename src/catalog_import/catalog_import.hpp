// `budgetpress catalog import`: a 政府收支分类科目 list as the Ministry of Finance publishes it or
// a budget system exports it → the catalogue file of config/catalog/ (docs/catalog.md#import).
//
// Columns are found by their headings: 科目编码 (or 编码/代码) and 科目名称 (or 名称), optional
// 说明; instead of one code column the list may have 类/款/项 columns (the MoF layout: 201 | 01 |
// 01, the 款 and 项 cells holding the last two digits, their parents given by the rows above).
// Validation: code shape per kind, unique codes, non-empty names, every 款/项 with its parent.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog_import/source_grid.hpp"

namespace bp::catalog_import {

enum class CatalogKind { Function, Economic };

struct Finding {
  bool error = true;
  std::string code;   // "E621"
  std::string where;  // "FILE:12" or "FILE:功能分类!A12"
  std::string message;
  std::string hint;
  // "FILE:12: 错误[E621]: …\n  提示：…"
  std::string format() const;
};

struct CatalogEntry {
  std::string name;
  std::string note;   // 说明 (one line), "" when none
  std::string where;  // the row it came from
};

struct ImportedCatalog {
  CatalogKind kind = CatalogKind::Function;
  int year = 0;
  std::string file;                             // the source as given
  std::string sheet;                            // the worksheet read, "" for CSV
  std::string source_hash;                      // FNV-1a 64 of the source file's bytes, hex
  std::map<std::string, CatalogEntry> entries;  // by code; string order is depth-first
  std::vector<Finding> findings;
  bool ok() const;
};

// Reads and checks the list. Throws SourceError when the file cannot be read at all.
ImportedCatalog import_catalog(const std::filesystem::path& file, CatalogKind kind, int year);

// The catalogue file (UTF-8, LF, sorted, with a header naming the source); economic 类 lines carry
// 人员经费 (301, 303) or 公用经费.
std::string catalog_tsv(const ImportedCatalog& c);
// The 功能分类名词解释 file of the 说明 column; "" when no row has one.
std::string notes_tsv(const ImportedCatalog& c);

}  // namespace bp::catalog_import
