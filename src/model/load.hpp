// YAML file → Budget (primary facts), with every schema problem reported as a diagnostic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/department.hpp"
#include "model/diagnostics.hpp"

namespace bp {

// Resource limits a hostile or broken file cannot exceed (docs/limits.md).
struct LoadLimits {
  size_t max_file_bytes = 4 * 1024 * 1024;
  size_t max_list_items = 5000;
  size_t max_text_bytes = 20000;
  size_t max_yaml_nodes = 200000;  // scalars, lists and maps (memory of the YAML tree)
  size_t max_total_rows = 20000;   // items of all lists together (rows of all tables)
};

// Loads from text already in memory (the file name is used in messages only).
std::optional<Budget> load_budget_text(const std::string& text, const std::string& file,
                                       Diagnostics& diag, const LoadLimits& limits = {});
// Reads the file (E001 when unreadable, too large or empty) and loads it.
std::optional<Budget> load_budget_file(const std::filesystem::path& path, Diagnostics& diag,
                                       const LoadLimits& limits = {});

// Position (1-based line, column) of the first invalid UTF-8 sequence, if any.
std::optional<Pos> find_invalid_utf8(const std::string& text);

}  // namespace bp
