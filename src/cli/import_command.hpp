// budgetpress import: a department YAML from the budget workbook an office already has
// (docs/import.md).
#pragma once

#include <optional>
#include <string>

namespace bp::cli {

struct ImportOptions {
  std::string config_dir;
  std::string site_dir;
  std::string workbook;
  std::optional<int> year;
  std::optional<std::string> form;
  std::string out;  // empty: YAML to stdout
  bool force = false;
  bool quiet = false;
  bool strict = false;  // 尾差 and every other printed-vs-derived difference are errors
  const char* argv0 = nullptr;
};

// Exit status: 0 imported (warnings allowed), 1 data problems (the workbook's, or the written YAML
// does not pass check), 2 usage or I/O.
int run_import(const ImportOptions& opt);

}  // namespace bp::cli
