// A department file's bytes, read once: the batch hashes them for its manifest and parses them
// (check_budget_text), and a lone department's early load (app/early_load.hpp) reads them the same
// way.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace bp {

// The file's bytes when it is small enough to be a department file (LoadLimits::max_file_bytes)
// and readable; nullopt otherwise — the caller then lets check_budget_file report why, with the
// standard messages.
std::optional<std::string> read_input_bytes(const std::filesystem::path& file);

}  // namespace bp
