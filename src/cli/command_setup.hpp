// The shared start of the commands: exit codes, loading the Context and collecting the department
// files, each with the same error messages for the clerk.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/font_check.hpp"
#include "app/inputs.hpp"

namespace bp::cli {

// Exit status of every command (docs/cli.md): 0 ok, 1 data problems, 2 usage, I/O or config.
inline constexpr int kOk = 0, kFailed = 1, kUsage = 2;

// Loads config/ (--config, else next to the binary or the source tree) with the site overlay
// (--site, else $BUDGETPRESS_SITE) over it. On failure prints "budgetpress: 错误: …" once and
// returns nullptr; the caller exits with kUsage before any department.
// `theme`: --theme ("" = none); a theme that cannot be found or read is reported here (E600/E601).
// `styled`: the command writes or checks documents (build, check, watch): the run's theme (--theme,
// else default, the overlay's first) is loaded here too, so that a broken theme stops the run once
// for every format instead of failing each department.
// `profiles`: OnFirstUse (build) leaves the year profiles to the departments that need them (a
// malformed one is then a RunAbort of the run, reported the same way).
std::unique_ptr<Context> load_context(const std::string& config_dir, const std::string& site_dir,
                                      const char* argv0, const std::string& theme = "",
                                      bool styled = false,
                                      ProfileLoading profiles = ProfileLoading::AtStart);

// The theme and its fonts, before any department: a missing font or a broken theme is printed once
// (错误[E628] with a hint) and the caller exits with kUsage instead of failing every department the
// same way. True when they load.
bool preflight_or_report(const Context& ctx);
// Prints `err` as preflight_or_report does (E628, once, before any department); true when there is
// none.
bool report_preflight(const std::optional<PreflightError>& err);
// Prints what preflight_or_report prints for `err`.
void report_preflight(const PreflightError& err);

// The department files named by PATH arguments (files, directories walked). Prints every path
// error, and "没有找到 .yaml 文件" when there is no file and no error; the caller exits with
// kUsage when `files` is empty.
InputList collect_department_files(const std::vector<std::string>& paths);

}  // namespace bp::cli
