// budgetpress watch: build once, then rebuild a department each time its file is saved, until
// Ctrl-C (docs/batch.md#watch). Outputs go through the normal batch path, so a PDF viewer showing
// OUT/<year>/<code>-<name>.pdf sees the new file replace the old one atomically, and a file with
// errors leaves the last good outputs in place.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>

#include "app/batch.hpp"
#include "app/context.hpp"
#include "app/watch.hpp"
#include "cli/batch_ui.hpp"
#include "cli/command_setup.hpp"
#include "cli/commands.hpp"
#include "cli/signals.hpp"
#include "util/out_dir.hpp"

namespace bp::cli {

namespace {

constexpr auto kDebounce = std::chrono::milliseconds(200);

std::string clock_time() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

}  // namespace

int run_watch(const Options& opt) {
  std::set<Format> formats;
  try {
    formats = parse_formats(opt.formats);
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  auto ctx = load_context(opt.config_dir, opt.site_dir, opt.argv0, opt.theme, /*styled=*/true);
  if (!ctx) return kUsage;
  if ((formats.count(Format::Pdf) || formats.count(Format::Docx)) && !preflight_or_report(*ctx))
    return kUsage;
  auto inputs = collect_batch_inputs(opt.paths);
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (!inputs.errors.empty()) return kUsage;

  FileWatcher watcher = [&] {
    FileWatcher w;
    for (const auto& p : opt.paths) {
      std::error_code ec;
      if (std::filesystem::is_directory(p, ec))
        w.watch_tree(p);
      else
        w.watch_file(p);
    }
    return w;
  }();

  install_stop_handlers();
  BatchOptions bo;
  bo.formats = formats;
  bo.out_dir = opt.out_dir.empty() ? std::string("out") : opt.out_dir;
  bo.quiet = opt.quiet;
  bo.stop_requested = [] { return stop_requested(); };

  // First build: everything (unchanged outputs are skipped through the manifest).
  if (!inputs.files.empty()) {
    BatchPrinter printer(opt.quiet, ::isatty(STDERR_FILENO) == 1);
    try {
      auto report = run_batch(inputs.files, bo, *ctx, printer.callbacks());
      printer.summary(report);
    } catch (const OutDirError& e) {  // an unusable OUT: one message, before any department
      printer.clear();
      std::cerr << "budgetpress: 错误[E301]: " << e.what() << std::endl;
      return kUsage;
    }
  }
  std::cerr << "正在监视 ";
  for (size_t i = 0; i < opt.paths.size(); ++i) std::cerr << (i ? "、" : "") << opt.paths[i];
  std::cerr << "：保存文件后自动重新生成，按 Ctrl-C 结束" << std::endl;

  std::map<std::filesystem::path, std::chrono::steady_clock::time_point> due;
  bo.jobs = 1;
  while (!stop_requested()) {
    auto now = std::chrono::steady_clock::now();
    auto timeout = std::chrono::milliseconds(250);  // also how often Ctrl-C is noticed at worst
    for (const auto& [f, t] : due)
      timeout = std::min(timeout, std::chrono::duration_cast<std::chrono::milliseconds>(std::max(
                                      t - now, std::chrono::steady_clock::duration::zero())));
    auto changes = watcher.wait(timeout);
    now = std::chrono::steady_clock::now();
    if (changes.overflow)
      for (const auto& in : collect_batch_inputs(opt.paths).files) due[in.file] = now + kDebounce;
    for (const auto& f : changes.files) due[f] = now + kDebounce;  // a later save restarts the wait

    for (auto it = due.begin(); it != due.end() && !stop_requested();) {
      if (it->second > now) {
        ++it;
        continue;
      }
      std::filesystem::path file = it->first;
      it = due.erase(it);
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) continue;  // deleted or renamed away again
      auto one = collect_batch_inputs({file.string()});
      if (one.files.empty()) continue;
      BatchCallbacks cb;
      cb.result = [&](const DeptResult& r) {
        std::cerr << r.diagnostics;
        switch (r.status) {
          case DeptStatus::Built:
            for (const auto& p : r.written)
              if (!opt.quiet) std::cout << p.string() << std::endl;
            std::cerr << "[" << clock_time() << "] ✓ " << r.label << " 已重新生成（"
                      << static_cast<int>(r.seconds * 1000) << " 毫秒）" << std::endl;
            break;
          case DeptStatus::Unchanged:
            if (!opt.quiet)
              std::cerr << "[" << clock_time() << "] = " << r.label << " 内容未变化" << std::endl;
            break;
          case DeptStatus::Failed:
            std::cerr << "[" << clock_time() << "] ✗ " << r.file.string()
                      << " 有错误，上一次生成的文件保持不变" << std::endl;
            break;
          case DeptStatus::Cancelled:
            break;
        }
      };
      try {
        auto report = run_batch(one.files, bo, *ctx, cb);
        for (const auto& w : report.warnings) std::cerr << "budgetpress: 警告: " << w << std::endl;
      } catch (const OutDirError& e) {  // OUT went away meanwhile: say so, keep watching
        std::cerr << "budgetpress: 错误[E301]: " << e.what() << std::endl;
      }
    }
  }
  remove_stale_temp_files(bo.out_dir);
  std::cerr << "已停止监视" << std::endl;
  return kOk;
}

}  // namespace bp::cli
