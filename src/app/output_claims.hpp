// The output names (`<year>/<code>-<name>`) the department files of one `check` run claim, in input
// order: a later file claiming names already taken would overwrite the first one's outputs at
// build, so check reports it (错误[E019]) before anything is built. Check policy, kept out of the
// CLI, which only prints what this returns.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "model/department.hpp"
#include "model/diagnostics.hpp"

namespace bp {

class OutputClaims {
 public:
  // Takes `b`'s output names for `file`; when another file took them first, returns the E019
  // error for `file` (and the names stay with the first).
  std::optional<Diagnostic> claim(const Budget& b, const std::filesystem::path& file);

 private:
  std::map<std::string, std::filesystem::path> owners_;  // claim → first file
};

}  // namespace bp
