// Expands the PATH arguments of a command into department files: files as given, directories walked
// recursively for *.yaml / *.yml (hidden entries skipped), in a stable sorted order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace bp {

struct InputList {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> errors;  // paths that do not exist or cannot be read
};

InputList collect_inputs(const std::vector<std::string>& paths);

}  // namespace bp
