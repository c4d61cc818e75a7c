// A developer's timeline of one run (never seen by a clerk): with BUDGETPRESS_TRACE=FILE set, each
// Span records the thread it ran on, its name and its start and end; the spans are written to FILE
// as tab-separated lines when the process ends (bench/trace/timeline.py draws them per thread),
// after a "# origin_unix_us" line: the origin on the wall clock (bench/trace/edges.sh).
// Without the variable a Span costs one test of a flag read once: nothing is recorded or written.
// The recorder is process-wide on purpose (the one piece of global state): spans come from every
// layer and thread, and threading a recorder through every call would cost the code it measures.
#pragma once

namespace bp::trace {

// True when BUDGETPRESS_TRACE names a file (read once).
bool enabled();

// Records [construction, destruction) under `name`, which must be a string literal (kept as is).
class Span {
 public:
  explicit Span(const char* name) : name_(enabled() ? name : nullptr) {
    if (name_) start_ = now_us();
  }
  ~Span() {
    if (name_) record(name_, start_, now_us());
  }
  Span(const Span&) = delete;
  Span& operator=(const Span&) = delete;

 private:
  static long long now_us();
  static void record(const char* name, long long start, long long end);
  const char* name_;
  long long start_ = 0;
};

}  // namespace bp::trace
