// 汇总.xlsx: when a build covers several departments of a year, one row per department with its key
// totals, an autofilter, and a 合计 row that follows the filter (SUBTOTAL).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "derive/derived.hpp"
#include "model/department.hpp"
#include "xlsx/options.hpp"

namespace bp::xlsx {

inline constexpr const char* kSummaryFile = "汇总.xlsx";

// Amounts in hundredths of 万元 (what the tables print), from Derived::fig.
struct SummaryRow {
  std::string code, name;
  int64_t income_total = 0;       // 收入合计 (本年收入合计)
  int64_t expenditure_total = 0;  // 支出合计 (本年支出合计)
  int64_t basic = 0;              // 基本支出
  int64_t project = 0;            // 项目支出
  int64_t three_public = 0;       // “三公”经费 (this year)
};

SummaryRow summary_row(const Budget& b, const Derived& d);

// Writes the summary workbook of `year` (rows sorted by code, then name) to `path` atomically.
void write_summary(const std::filesystem::path& path, int year, std::vector<SummaryRow> rows,
                   const XlsxOptions& o);

// Collects a row per successfully built department during a build and writes OUT/<year>/汇总.xlsx
// for every year with at least two departments.
class SummaryCollector {
 public:
  void add(const Budget& b, const Derived& d);
  // Returns the files written. Throws std::runtime_error naming the file on failure.
  std::vector<std::filesystem::path> write(const std::filesystem::path& out_dir,
                                           const XlsxOptions& o) const;

 private:
  std::map<int, std::vector<SummaryRow>> by_year_;
};

}  // namespace bp::xlsx
