// Which review rules are switched off, from each layer that may say so:
//   config/review.yaml            the bureau (off: [...], and departments: {"434": [...]})
//   review: {off: [...]}          in a department file
// A later site overlay adds one more file of the same shape (load_settings_file, then merge).
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "model/department.hpp"
#include "model/diagnostics.hpp"
#include "review/review.hpp"

namespace bp::review {

struct SettingsFile {
  std::set<std::string> off;                                   // for every department
  std::map<std::string, std::set<std::string>> by_department;  // department code → codes
};

// A missing file is an empty one. Throws std::runtime_error (“FILE:LINE:COL: …”, Chinese) for a
// file that is not of this shape or names a code that does not exist.
SettingsFile load_settings_file(const std::filesystem::path& file);
// Later files add to earlier ones.
void merge(SettingsFile& into, const SettingsFile& more);

// The codes off for one department: the files' and the department's own `review.off`. A code
// in the department file that is not a review rule is 错误[E200] at its position.
Settings settings_for(const SettingsFile& files, const Budget& b, Diagnostics& diag);

}  // namespace bp::review
