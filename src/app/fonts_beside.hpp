// The theme and its fonts loaded on a second thread while a lone department is checked and
// derived on the first (fontconfig, the font files and the layout's probe are a fifth of a cold
// build). The same thread loads the department first (app/loaded_ahead.hpp) and makes ICU's
// Chinese word-break engine unless the department's thread got to it first (warm_words). Before
// the fonts, it parses the year profile the department file names (`form:`, as loaded ahead, or
// found by a look at its lines when it was not), so that the department finds it parsed when it
// is checked. Only for a single
// department: a batch keeps both cores busy with departments already.
// The outcome is what preflight_typesetting gives; it is awaited before the department reports
// anything or writes a file, so a broken theme or font stops the run exactly as the preflight
// before the department did (PreflightAbort → 错误[E628], exit 2).
#pragma once

#include <atomic>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "app/font_check.hpp"
#include "app/loaded_ahead.hpp"
#include "app/run_abort.hpp"
#include "util/cpu_lanes.hpp"
#include "util/parking_thread.hpp"

namespace bp {

// The preflight failed: `error` is what preflight_typesetting returned.
class PreflightAbort : public RunAbort {
 public:
  explicit PreflightAbort(PreflightError e) : RunAbort(e.message), error(std::move(e)) {}
  PreflightError error;
};

// The form a department file names — the value of the first indented `form:` line, unquoted —
// or "" when there is none. Only a guess for parsing its profile early: the department's YAML
// decides which profile it is built with.
std::string guess_form(std::string_view yaml);

class FontsBeside {
 public:
  // Starts its thread at once, on the side lane of `lanes` if given (util/cpu_lanes.hpp). With
  // `ahead`, it first loads the department (LoadedAhead::run; ≈ 2.7 ms on a cold 434, which the
  // department's thread spent while this one idled, its fonts loaded); `ahead` must outlive this
  // object. Then it makes ICU's word-break engine (≈ 8 M instructions, warm_words) unless the
  // department's thread has; neither needs the configuration: started before the configuration
  // is read, the thread has the other CPU to itself meanwhile. Then, once start() gives it the
  // context, it parses the profile `department` (the lone department file) names, and loads the
  // theme's fonts.
  FontsBeside(std::filesystem::path department, const std::optional<CpuLanes>& lanes,
              LoadedAhead* ahead = nullptr);
  // Both at once: the constructor above, then start(ctx).
  FontsBeside(const Context& ctx, std::filesystem::path department,
              const std::optional<CpuLanes>& lanes = std::nullopt);
  // The configuration is read: the thread goes on with the profile and the fonts. `ctx` must
  // outlive this object. Once only (later calls do nothing).
  void start(const Context& ctx);
  // Waits until the thread's work is done (its outcome is dropped when nobody asked for it; a
  // thread never given a context stops after the engine); the thread itself is then left to the
  // process's end (util/parking_thread.hpp), or joined with the sanitizers.
  ~FontsBeside();
  FontsBeside(const FontsBeside&) = delete;
  FontsBeside& operator=(const FontsBeside&) = delete;

  // Blocks until the fonts are loaded; throws PreflightAbort when they could not be. Thread-safe;
  // every call gives the same outcome.
  void wait_ok();

  // Makes ICU's word-break engine unless another thread has started it (thread-safe): this
  // thread does after the department's load, or the department's thread while it waits for that
  // load (LoadedAhead's `meanwhile`): either CPU that would idle takes it.
  void warm_words();

 private:
  std::promise<std::optional<PreflightError>> promise_;
  std::future<std::optional<PreflightError>> outcome_;
  std::once_flag got_;
  std::optional<PreflightError> error_;
  // The context the thread waits for after the engine: start()'s, or null from the destructor.
  std::promise<const Context*> context_;
  bool started_ = false;
  std::atomic<bool> words_started_{false};
  ParkingThread thread_;  // last: started once everything it uses exists
};

}  // namespace bp
