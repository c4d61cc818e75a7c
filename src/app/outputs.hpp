// Writes the requested output formats of one checked department into
// OUT/<year>/<code>-<name>.<ext>, each atomically (temp file + rename).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "util/work_budget.hpp"

namespace bp {

// Layout: the layout engine's decisions as JSON (docs/layout-json.md), for tests and tools; not in
// "all".
enum class Format { Json, Pdf, Xlsx, Docx, Text, Layout };

// Parses "pdf,xlsx" or "all"; throws std::invalid_argument naming the unknown format.
std::set<Format> parse_formats(const std::string& list);
const char* format_ext(Format f);

// Output path of a department for a format (directories not created).
std::filesystem::path output_path(const std::filesystem::path& out_dir, const Budget& b, Format f);

// "<year>/<code>-<name>": the names a department's outputs take in OUT (without extension). Two
// departments with the same claim cannot both be built (错误[E019]).
std::string output_claim(const Budget& b);
std::string output_collision_message(const std::string& claim, const std::filesystem::path& other);

// Writes into `out_dir`, a staging directory the caller publishes from (app/batch.cpp renames the
// files into OUT/<year> and syncs that directory; the staging directory's own entries are not
// synced). Returns the files written. Throws std::runtime_error with context on failure, LimitError
// when the department's `budget` (time, pages; optional) is exhausted. `notes` (optional) receives
// what the reader of the output should know though nothing failed: the characters a fallback font
// set in the PDF. `second_core`: no other department is built at the same time (a lone department,
// -j1): the layout plans tables ahead and the PDF writer subsets faces on a second thread. A
// parallel batch passes false: its other workers keep the cores busy.
std::vector<std::filesystem::path> write_outputs(
    const CheckedBudget& c, const std::set<Format>& formats, const std::filesystem::path& out_dir,
    const Context& ctx, const WorkBudget* budget = nullptr,
    std::vector<std::string>* notes = nullptr, bool second_core = false);

}  // namespace bp
