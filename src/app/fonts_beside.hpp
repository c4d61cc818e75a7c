// The theme and its fonts loaded on a second thread while a lone department is read, checked and
// derived on the first (fontconfig, the font files and the layout's probe are a fifth of a cold
// build). Only for a single department: a batch keeps both cores busy with departments already.
// The outcome is what preflight_typesetting gives; it is awaited before the department reports
// anything or writes a file, so a broken theme or font stops the run exactly as the preflight
// before the department did (PreflightAbort → 错误[E628], exit 2).
#pragma once

#include <future>
#include <mutex>
#include <optional>

#include "app/context.hpp"
#include "app/font_check.hpp"
#include "app/run_abort.hpp"

namespace bp {

// The preflight failed: `error` is what preflight_typesetting returned.
class PreflightAbort : public RunAbort {
 public:
  explicit PreflightAbort(PreflightError e) : RunAbort(e.message), error(std::move(e)) {}
  PreflightError error;
};

class FontsBeside {
 public:
  // Starts loading on its own thread. `ctx` must outlive this object.
  explicit FontsBeside(const Context& ctx);
  // Waits for the thread (its outcome is dropped when nobody asked for it).
  ~FontsBeside() = default;
  FontsBeside(const FontsBeside&) = delete;
  FontsBeside& operator=(const FontsBeside&) = delete;

  // Blocks until the fonts are loaded; throws PreflightAbort when they could not be. Thread-safe;
  // every call gives the same outcome.
  void wait_ok();

 private:
  std::future<std::optional<PreflightError>> loading_;
  std::once_flag got_;
  std::optional<PreflightError> error_;
};

}  // namespace bp
