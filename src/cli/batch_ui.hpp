// What a batch build shows: a one-line progress bar on a terminal ("[12/120] 434-… ✓"), one plain
// line per department otherwise, each department's diagnostics printed whole and in input order,
// and a closing summary (built / unchanged / failed with the first error of each failure).
#pragma once

#include <cstddef>
#include <string>

#include "app/batch.hpp"

namespace bp::cli {

class BatchPrinter {
 public:
  // `terminal`: stderr is a terminal (isatty) — then progress is one line redrawn in place.
  BatchPrinter(bool quiet, bool terminal);
  ~BatchPrinter();

  BatchCallbacks callbacks();
  // Clears the progress line; call before printing anything else.
  void clear();
  // The closing lines (summary unless quiet; failures; warnings; interruption notice).
  void summary(const BatchReport& r);

 private:
  void progress(size_t done, size_t total, const DeptResult& r);
  void result(const DeptResult& r);
  void draw();

  bool quiet_;
  bool terminal_;
  size_t total_ = 0;
  size_t printed_ = 0;  // results printed (input order)
  std::string bar_;     // the current progress line, "" when none is shown
  bool bar_visible_ = false;
};

// Marks used in progress lines: ✓ built, = unchanged, ✗ failed, – cancelled.
const char* status_mark(DeptStatus s);
// `s` cut to at most `columns` terminal columns (East Asian wide characters count 2), with "…".
std::string fit_columns(const std::string& s, size_t columns);

}  // namespace bp::cli
