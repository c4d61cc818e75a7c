// Shared by the libFuzzer targets (docs/robustness.md). The configuration (catalogues, profiles,
// templates, theme, fonts) is loaded once per fuzzing process — libFuzzer calls the target millions
// of times — so each target keeps one Context in a function-local static, the only global state.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "app/pipeline.hpp"

namespace bp::fuzz {

// $BP_FUZZ_CONFIG, else the source tree's config/.
inline std::filesystem::path config_dir() {
  if (const char* env = std::getenv("BP_FUZZ_CONFIG"); env && *env) return env;
  return std::filesystem::path(BP_SOURCE_DIR) / "config";
}

inline const Context& context() {
  static const Context ctx(config_dir());
  return ctx;
}

inline std::string as_text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A property that must hold for every input: print it and abort, so libFuzzer saves the input.
[[noreturn]] inline void violated(std::string_view what) {
  std::fprintf(stderr, "fuzz property violated: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

#define BP_FUZZ_ASSERT(cond)                                    \
  do {                                                          \
    if (!(cond)) ::bp::fuzz::violated(#cond " (" __FILE__ ")"); \
  } while (0)

// Every diagnostic must format, name a code and never be empty.
inline void check_diagnostics(const CheckedBudget& c) {
  for (const auto& d : c.diag.sorted()) {
    BP_FUZZ_ASSERT(d.code.size() == 4);
    BP_FUZZ_ASSERT(!d.message.empty());
    BP_FUZZ_ASSERT(!c.diag.format(d).empty());
  }
  // ok() ⇔ derived tables exist and no error was reported.
  if (c.derived) BP_FUZZ_ASSERT(!c.diag.has_errors());
}

// The fuzz bytes as a department file through check, with the diagnostics' properties asserted.
inline CheckedBudget check_input(const uint8_t* data, size_t size) {
  CheckedBudget c = check_budget_text(as_text(data, size), "fuzz.yaml", context());
  check_diagnostics(c);
  return c;
}

}  // namespace bp::fuzz
