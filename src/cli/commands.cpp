#include "cli/commands.hpp"
#include "util/process_end.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <new>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "app/batch.hpp"
#include "app/build_run.hpp"
#include "app/context.hpp"
#include "app/font_check.hpp"
#include "app/fonts_beside.hpp"
#include "app/inputs.hpp"
#include "app/output_claims.hpp"
#include "app/outputs.hpp"
#include "app/pipeline.hpp"
#include "cli/batch_ui.hpp"
#include "cli/check_review.hpp"
#include "cli/command_setup.hpp"
#include "cli/signals.hpp"
#include "util/allocator.hpp"
#include "util/cpu_lanes.hpp"
#include "util/out_dir.hpp"

namespace bp::cli {

namespace {

// --max-memory: caps the memory the process can write (RLIMIT_DATA: the heap, every private
// writable mapping, thread stacks), so that no input can make it swap the machine to death; an
// allocation beyond it fails that department (错误[E014]). Not RLIMIT_AS (before 20I): the address
// space also counts what is reserved and never used — mimalloc's 32 MiB segments per thread,
// glibc's 64 MiB thread arenas — and the fonts mapped read only, so the same cap meant a different
// amount of memory for each allocator and thread count (docs/limits.md). Under the cap mimalloc
// commits its segments as they fill, so that the count is what is used. AddressSanitizer maps
// terabytes of shadow memory up front, so the cap is skipped there.
bool limit_memory(unsigned mib) {
  if (mib == 0) return true;
#if defined(__SANITIZE_ADDRESS__)
  std::cerr << "budgetpress: 警告: ASan 构建不支持 --max-memory，已忽略\n";
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  std::cerr << "budgetpress: 警告: ASan 构建不支持 --max-memory，已忽略\n";
  return true;
#endif
#endif
  const rlim_t bytes = static_cast<rlim_t>(mib) * 1024 * 1024;
  struct rlimit lim {};
  if (::getrlimit(RLIMIT_DATA, &lim) != 0) lim.rlim_max = RLIM_INFINITY;
  lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? bytes : std::min<rlim_t>(bytes, lim.rlim_max);
  allocator::commit_on_demand();  // before the cap: segments taken from now on count as they fill
  if (::setrlimit(RLIMIT_DATA, &lim) != 0) {
    std::cerr << "budgetpress: 错误: 无法设置内存上限 --max-memory " << mib << "\n";
    return false;
  }
  return true;
}

std::string read_text_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void print_diagnostics(const CheckedBudget& c, bool quiet) {
  for (const auto& d : c.diag.sorted()) {
    if (quiet && d.severity == Severity::Warning) continue;
    std::cerr << c.diag.format(d) << "\n";
  }
}

}  // namespace

void report_thread_error(const std::system_error& e) {
  const bool resources = e.code() == std::errc::resource_unavailable_try_again ||
                         e.code() == std::errc::not_enough_memory;
  std::cerr << "budgetpress: 错误" << (resources ? "[E014]" : "") << ": " << e.what()
            << (resources ? "（资源不足，无法启动线程；见 --max-memory）" : "") << "\n";
}

int run_check(const Options& opt) {
  auto ctx = load_context(opt.config_dir, opt.site_dir, opt.argv0, opt.theme, /*styled=*/true);
  if (!ctx) return kUsage;
  const bool json = opt.check_format == "json";
  if (!json && opt.check_format != "text") {
    std::cerr << "budgetpress: 错误: 未知的输出格式 --format " << opt.check_format
              << "（可用：text, json）\n";
    return kUsage;
  }
  std::optional<CheckReview> review;
  try {
    review.emplace(CheckReviewOptions{opt.previous, opt.report, json}, *ctx);
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  if (!opt.skip_fonts && !preflight_or_report(*ctx)) return kUsage;
  auto inputs = collect_department_files(opt.paths);
  if (inputs.files.empty()) return kUsage;
  size_t bad = 0, errors = 0, warnings = 0;
  OutputClaims claims;  // a later file with the same output names fails (E019)
  for (const auto& f : inputs.files) {
    auto c = check_budget_file(f, *ctx);
    if (!opt.skip_fonts) check_font_coverage(c, *ctx, read_text_file(f));
    review->add(f, c);
    if (!json) print_diagnostics(c, opt.quiet);
    errors += c.diag.error_count();
    warnings += c.diag.warning_count();
    bool failed = c.diag.has_errors();
    if (c.budget && !failed) {
      if (auto collision = claims.claim(*c.budget, f)) {
        std::cerr << c.diag.format(*collision) << "\n";
        ++errors;
        failed = true;
      }
    }
    if (failed) ++bad;
  }
  if (json) std::cout << review->json(inputs.files.size(), inputs.files.size() - bad);
  if (!opt.quiet && !json)
    std::cerr << "检查了 " << inputs.files.size() << " 个文件：" << (inputs.files.size() - bad)
              << " 个通过，" << bad << " 个有错误（错误 " << errors << " 处，警告 " << warnings
              << " 处）\n";
  try {
    review->write_report();
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: 无法写入审核报告：" << e.what() << "\n";
    return kUsage;
  }
  int rc = kOk;
  if (!inputs.errors.empty())
    rc = kUsage;
  else if (bad || (opt.strict && warnings))  // --strict: a warning fails the check too
    rc = kFailed;
  // Everything is reported and the report written: the fonts and caches go with the process.
  review.reset();  // it refers to the context
  leave_to_exit(std::move(ctx));
  return rc;
}

int run_build(const Options& opt) {
  std::set<Format> formats;
  std::optional<Shard> shard;
  try {
    formats = parse_formats(opt.formats);
    if (!opt.shard.empty()) shard = parse_shard(opt.shard);
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  std::optional<bool> pdf_tags;  // --pdf-tags (docs/pdf-standards.md)
  if (opt.pdf_tags == "on" || opt.pdf_tags == "off") {
    pdf_tags = opt.pdf_tags == "on";
  } else if (!opt.pdf_tags.empty()) {
    std::cerr << "budgetpress: 错误: --pdf-tags 只能是 on（带标签的无障碍 PDF）或 off（不带标签），"
                 "收到“"
              << opt.pdf_tags << "”\n";
    return kUsage;
  }
  if (!limit_memory(opt.max_memory)) return kUsage;
  // The year profiles each when a department first needs it: a malformed one stops the run from
  // build_departments (a ProfileError, printed below as before).
  auto inputs = collect_batch_inputs(opt.paths, shard);
  const bool typeset = formats.count(Format::Pdf) || formats.count(Format::Docx);
  const bool lone = inputs.files.size() == 1 && inputs.errors.empty();
  // A lone department: this thread (and the worker it starts) on one CPU, the helpers on the
  // others (util/cpu_lanes.hpp).
  std::optional<CpuLanes> lanes;
  if (typeset && lone) {
    lanes = CpuLanes::pick();
    if (lanes) lanes->pin_front();
  }
  // The fonts: a lone department has them (and its profile) loaded on a second thread while it is
  // read and checked (its outcome awaited before the department reports anything); otherwise first,
  // before any department. Either way a broken theme or font is 错误[E628] and nothing is built.
  // That thread starts now, before the configuration is read on this one (the other CPU has
  // nothing else to do yet), with the department's load (app/loaded_ahead.hpp: its worker starts
  // after the configuration is read and takes the load made meanwhile) and ICU's word-break
  // engine (bench/pdf/README.md, rounds 14 and 15). The context is declared first: the fonts
  // thread reads it, so fonts_beside (declared after it) is done, its thread's work waited for,
  // before the context goes on every return below; loaded_ahead, which that thread fills, is
  // declared before it for the same reason.
  std::unique_ptr<Context> ctx;
  std::optional<LoadedAhead> loaded_ahead;
  std::optional<FontsBeside> fonts_beside;
  if (typeset && lone) {
    const auto& file = inputs.files.front().file;
    // Its worker, when it finds the load still running, makes ICU's engine meanwhile (the fonts
    // thread then goes on with the profile and the fonts). Not under --max-memory: the load's
    // YAML tree and budget on a second thread's heap take 2–4 MiB more of the cap (a cold 434
    // needed 96–98 MiB instead of 94), and there the department loads on its worker as before.
    if (opt.max_memory == 0)
      loaded_ahead.emplace(file, file.string(), [&fonts_beside] {
        if (fonts_beside) fonts_beside->warm_words();
      });
    try {
      fonts_beside.emplace(file, lanes, loaded_ahead ? &*loaded_ahead : nullptr);
    } catch (const std::system_error&) {
      // No second thread (its stack does not fit under --max-memory, or no threads are left):
      // the fonts are loaded here, first, as for a batch, and the department by its worker.
      if (loaded_ahead) loaded_ahead->abandon();
    }
  }
  // The run's theme is read here, first (a broken one is 错误[E628] before any department), but
  // for a lone typeset department: there it is read with the fonts on the thread beside the
  // department (FontsBeside above, the same 错误[E628]), and this thread starts the department
  // ≈ 1.9 M instructions earlier.
  ctx = load_context(opt.config_dir, opt.site_dir, opt.argv0, opt.theme,
                     /*styled=*/!(typeset && lone), ProfileLoading::OnFirstUse);
  if (!ctx) return kUsage;  // fonts_beside's thread, never given a context, stops
  ctx->override_pdf_tagged(pdf_tags);
  if (fonts_beside)
    fonts_beside->start(*ctx);
  else if (typeset && !preflight_or_report(*ctx))
    return kUsage;
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (inputs.files.empty()) {
    if (inputs.found > 0) {  // a shard that got no department: nothing to do
      if (!opt.quiet) std::cerr << "分片 " << opt.shard << " 没有分到部门\n";
      return inputs.errors.empty() ? kOk : kUsage;
    }
    if (inputs.errors.empty()) std::cerr << "budgetpress: 错误: 没有找到 .yaml 文件\n";
    return kUsage;
  }

  BatchOptions bo;
  bo.formats = formats;
  bo.out_dir = opt.out_dir;
  bo.jobs = opt.jobs;
  bo.force = opt.force;
  bo.quiet = opt.quiet;
  bo.only_run = true;  // the process exits after build_departments
  bo.lanes = lanes;
  bo.limits.time = std::chrono::seconds(opt.time_limit);
  if (fonts_beside) bo.before_output = [&] { fonts_beside->wait_ok(); };
  if (loaded_ahead) bo.loaded_ahead = &*loaded_ahead;
  bo.stop_requested = [] { return stop_requested(); };
  install_stop_handlers();
  BatchPrinter printer(opt.quiet, ::isatty(STDERR_FILENO) == 1);
  BuildRunReport run;
  try {
    run = build_departments(inputs.files, bo, shard.has_value(), *ctx, printer.callbacks());
  } catch (const OutDirError& e) {
    printer.clear();
    std::cerr << "budgetpress: 错误[E301]: " << e.what() << "\n";
    return kUsage;
  } catch (const PreflightAbort& e) {
    printer.clear();
    report_preflight(e.error);
    return kUsage;
  } catch (const std::bad_alloc&) {  // not even a department's report fits (app/batch.cpp)
    printer.clear();
    std::cerr << "budgetpress: 错误[E014]: 内存不足，构建中止（见 --max-memory）\n";
    return kUsage;
  } catch (const std::system_error& e) {  // a worker thread that could not be started
    printer.clear();
    report_thread_error(e);
    return kUsage;
  } catch (const std::exception& e) {  // also a malformed year profile (ProfileError)
    printer.clear();
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  printer.clear();
  if (!opt.quiet)
    for (const auto& p : run.summaries) std::cout << p.string() << "\n";
  if (!run.summary_error.empty()) std::cerr << "budgetpress: 错误: " << run.summary_error << "\n";
  const BatchReport& report = run.batch;
  printer.summary(report);
  int rc = kOk;
  if (report.stopped) {
    remove_stale_temp_files(opt.out_dir);
    rc = exit_code_for_signal(stop_signal());
  } else if (!inputs.errors.empty()) {
    rc = kUsage;
  } else if (report.failed || !run.summary_error.empty()) {
    rc = kFailed;
  }
  // Everything is written, synced and reported: the fonts and caches go with the process.
  fonts_beside.reset();  // its thread is done; it refers to the context
  leave_to_exit(std::move(ctx));
  return rc;
}

}  // namespace bp::cli
