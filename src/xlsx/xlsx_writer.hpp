// The Excel workbook of one department: a 目录 sheet with links, then one formatted, print-ready
// sheet per table of the document; the project 绩效目标 tables (ids "proj-…") stacked on one sheet,
// the 专项资金 ones (ids "proj-sf-…") on another, so that an import tells the two lists apart.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "util/atomic_file.hpp"
#include "xlsx/options.hpp"

namespace bp::xlsx {

inline constexpr const char* kTocSheet = "目录";
inline constexpr const char* kProjectSheet = "项目绩效目标";
inline constexpr const char* kProjectIdPrefix = "proj-";
inline constexpr const char* kSpecialFundSheet = "专项资金";
inline constexpr const char* kSpecialFundIdPrefix = "proj-sf-";

struct SheetPlan {
  std::string name;                       // valid, unique sheet name
  std::vector<const doc::Table*> tables;  // one, or the stacked project tables
  bool stacked = false;
};

// Sheets in document order (a stacked sheet where its first table is). Names come from
// Table::short_title (else title, else id), sanitized and made unique; "目录" is taken.
std::vector<SheetPlan> plan_sheets(const doc::Document& d);

// Writes the workbook to `path` atomically (temp file + rename). Throws std::runtime_error naming
// the file on any libxlsxwriter error. `staged`: `path` is in a staging directory that the caller
// publishes from, so its directory entry is not synced (SyncDirectory in util/atomic_file.hpp);
// `sync_file`: by_caller when that publisher fsyncs the file itself (SyncFile).
void write_workbook(const doc::Document& d, const std::filesystem::path& path, const XlsxOptions& o,
                    bool staged = false, SyncFile sync_file = SyncFile::now);

}  // namespace bp::xlsx
