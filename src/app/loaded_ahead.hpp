// A lone department's file read and loaded (model/load.hpp: its YAML parsed, its values read) on
// the side lane before the configuration is read (round 15). The load needs nothing of the
// configuration, and a cold build's department thread spent ≈ 2.7 ms in it while the other CPU,
// its fonts loaded, had ≈ 2.7 ms to spare before the layout's helper needed it; the main thread
// is still reading the configuration when the load starts. The fonts thread
// (app/fonts_beside.hpp) runs it first; the department's thread takes the result if it was made
// of the very bytes and name it reads itself (else it loads them itself, as before), then checks
// it with the configuration (check_loaded_budget): the same diagnostics, the same budget.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>

#include "app/pipeline.hpp"

namespace bp {

class LoadedAhead {
 public:
  // Nothing runs yet. `name` is what the department's diagnostics are named with (its path as
  // the batch reads it). `meanwhile`, if given, is what take() does first when the load is not
  // done yet (it must be thread-safe and not throw: FontsBeside::warm_words).
  LoadedAhead(std::filesystem::path file, std::string name,
              std::function<void()> meanwhile = nullptr);

  // On the side thread: reads the file (as the batch does: nothing above LoadLimits' size) and
  // loads it. Never throws: a failure (no memory, an unreadable file) leaves the load to the
  // department's thread, which reports it. Once; later calls (and calls after abandon) do nothing.
  void run() noexcept;
  // run() will not be called (no side thread): take() returns nothing at once.
  void abandon() noexcept;

  // On the department's thread: the load of `bytes` named `name`, if run() made it of the same
  // bytes and name (waits for run() to end); otherwise nothing, and the caller loads them.
  // Gives it once.
  std::optional<LoadedBudget> take(const std::string& bytes, const std::string& name);

  // The form (`department.form`) run() loaded, "" when it loaded none. On the thread that ran
  // run(), after it (the worker may be taking the budget meanwhile).
  const std::string& form() const { return form_; }

 private:
  bool settle() noexcept;  // true for the first of run() and abandon()

  const std::filesystem::path file_;
  const std::string name_;
  std::function<void()> meanwhile_;
  std::atomic<bool> settled_{false};
  std::promise<void> done_;
  std::future<void> ready_;
  std::optional<std::string> bytes_;  // what run() read and loaded
  std::optional<LoadedBudget> loaded_;
  std::string form_;  // run()'s thread's copy of the loaded budget's form
};

}  // namespace bp
