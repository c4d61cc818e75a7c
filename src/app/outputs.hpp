// Writes the requested output formats of one checked department into
// OUT/<year>/<code>-<name>.<ext>, each atomically (temp file + rename).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "document/document.hpp"
#include "util/cpu_lanes.hpp"
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
// set in the PDF. `threads`: which parts may use a second thread, and where the department's front
// ends (see OutputThreads).
struct OutputThreads {
  // Nothing else runs beside this part of the department (a lone department, or -j1 where no
  // other department's work runs at that moment): the layout plans tables ahead, the PDF writer
  // subsets a face and makes content streams on a second thread. A parallel batch passes false:
  // its other workers keep the cores busy.
  bool layout = false;
  bool pdf = false;
  // No other department follows in this process (a lone `build`): the fonts' file pages are
  // given back before the PDF's faces are subset.
  bool last_document = false;
  // Called on the caller's thread before the first output is written: after the PDF's layout
  // (the department's front: read, checked, document tree, layout), or at the first output that
  // needs no layout. The -j1 pipeline (app/batch.cpp) lets the next department start its front
  // here and waits until the previous department's outputs are done. Called at most once per
  // call; may throw to abandon the department.
  std::function<void()> front_done;
  // The caller fsyncs every file written before publishing it (the batch's publisher thread,
  // app/batch.cpp): the files are not fsync'ed here, so the worker does not wait for the disk.
  bool caller_syncs_files = false;
  // A lone department: the layout's and the PDF writer's helper threads run on the side lane
  // (util/cpu_lanes.hpp); the caller's thread is on the front lane already.
  std::optional<CpuLanes> lanes;
};
// The department's document tree across write_outputs calls: the batch renders a department's
// formats in two calls (app/batch.cpp, output_groups), and the tree (≈ 5 M instructions: the
// narrative's templates, the tables) is built by the first call that needs it, not once per call.
// `last_call`: the caller passes the slot to no later call, so the workbook, when no later format
// of that call reads the tree, takes it instead of a copy.
struct DocumentSlot {
  std::optional<doc::Document> tree;
  bool last_call = false;
};
std::vector<std::filesystem::path> write_outputs(
    const CheckedBudget& c, const std::set<Format>& formats, const std::filesystem::path& out_dir,
    const Context& ctx, const WorkBudget* budget = nullptr,
    std::vector<std::string>* notes = nullptr, const OutputThreads& threads = {},
    DocumentSlot* slot = nullptr);

}  // namespace bp
