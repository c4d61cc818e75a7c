// The sign-off report of `check --report FILE.html|.md`: per department, the findings grouped by
// the section of the document they concern, each with the text as written and the data it
// disagrees with. Deterministic: the same findings give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "review/review.hpp"

namespace bp::review {

struct ReportDepartment {
  std::string file;
  std::string title;  // “434 秦皇岛经济技术开发区管理委员会办公室（2023 年度）”, or the file name
  std::vector<Diagnostic> checks;  // errors and warnings of the data checks (not the review)
  std::vector<Finding> findings;
};

std::string report_markdown(const std::vector<ReportDepartment>& depts);
std::string report_html(const std::vector<ReportDepartment>& depts);

}  // namespace bp::review
