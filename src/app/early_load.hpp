// A lone department's file read and parsed on a thread of its own while the configuration loads.
//
// `build` of one department used to start reading it only after the configuration (catalogues,
// theme, the batch's fingerprint) was loaded: ≈ 2 ms of one thread before the department's own
// ≈ 2.5 ms of parsing on the next. Parsing needs no configuration (load_budget_only), so the two
// now overlap; the worker then only validates and derives (finish_check). Same bytes read the same
// way (read_input_bytes), same diagnostics: the result is what the worker would have computed
// itself. On the 2-core bench machine no steady gain was measured (three threads share the cores
// at the start: this one, the configuration's, then the fonts'); it pays where a core is free
// (bench/pdf/README.md, "All of issue 20's eleventh round together").
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <thread>

#include "app/batch.hpp"
#include "app/pipeline.hpp"

namespace bp {

class EarlyLoad {
 public:
  struct Result {
    std::optional<std::string> bytes;     // read_input_bytes of the file
    std::optional<CheckedBudget> loaded;  // load_budget_only of them, when there are bytes
  };

  // Starts reading `input` on a new thread. Throws std::system_error when no thread can be
  // started; the worker then reads the file itself, as without this.
  explicit EarlyLoad(BatchInput input);
  // Waits for the thread (the file's parse is bounded by LoadLimits).
  ~EarlyLoad();
  EarlyLoad(const EarlyLoad&) = delete;
  EarlyLoad& operator=(const EarlyLoad&) = delete;

  // The result for `input` (the same file: same key), once; nullopt for another file or a second
  // call. Rethrows what the load threw (std::bad_alloc under --max-memory), so that the worker
  // handles it as when it loads the file itself.
  std::optional<Result> take(const BatchInput& input);

 private:
  BatchInput input_;
  Result result_;
  std::exception_ptr error_;
  bool taken_ = false;
  std::thread thread_;  // last: started once the members it writes exist
};

}  // namespace bp
