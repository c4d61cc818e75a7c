// The theme and its fonts loaded on a second thread while a lone department is read, checked and
// derived on the first (fontconfig, the font files and the layout's probe are a fifth of a cold
// build; ICU's Chinese word-break engine is created there too). Before the fonts, the same thread
// parses the year profile the department file names (`form:`), found by a look at its lines, so
// that the department finds it parsed when its YAML is read. Only for a single department: a
// batch keeps both cores busy with departments already.
// The outcome is what preflight_typesetting gives; it is awaited before the department reports
// anything or writes a file, so a broken theme or font stops the run exactly as the preflight
// before the department did (PreflightAbort → 错误[E628], exit 2).
#pragma once

#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "app/font_check.hpp"
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

// Makes ICU's word-break engine now (text::warm_word_breaking; traced as words(warm)): for a
// thread started before the fonts thread, on a CPU that has nothing else to do yet.
void warm_words();

class FontsBeside {
 public:
  // Starts loading on its own thread: the profile `department` (the lone department file) names,
  // then the fonts, then (`make_words`) ICU's word-break engine unless another thread makes it
  // (cli/commands.cpp); the thread runs on the side lane of `lanes` if given
  // (util/cpu_lanes.hpp). `ctx` must outlive this object.
  FontsBeside(const Context& ctx, std::filesystem::path department,
              const std::optional<CpuLanes>& lanes = std::nullopt, bool make_words = true);
  // Waits until the thread's work is done (its outcome is dropped when nobody asked for it); the
  // thread itself is then left to the process's end (util/process_end.hpp), or joined with the
  // sanitizers.
  ~FontsBeside();
  FontsBeside(const FontsBeside&) = delete;
  FontsBeside& operator=(const FontsBeside&) = delete;

  // Blocks until the fonts are loaded; throws PreflightAbort when they could not be. Thread-safe;
  // every call gives the same outcome.
  void wait_ok();

 private:
  std::promise<std::optional<PreflightError>> promise_;
  std::future<std::optional<PreflightError>> outcome_;
  std::once_flag got_;
  std::optional<PreflightError> error_;
  ParkingThread thread_;  // last: started once everything it uses exists
};

}  // namespace bp
