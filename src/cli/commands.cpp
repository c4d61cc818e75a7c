#include "cli/commands.hpp"

#include <iostream>
#include <memory>

#include "app/context.hpp"
#include "app/document_for.hpp"
#include "app/inputs.hpp"
#include "app/outputs.hpp"
#include "app/pipeline.hpp"
#include "xlsx/summary.hpp"

namespace bp::cli {

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

std::unique_ptr<Context> make_context(const Options& opt) {
  try {
    return std::make_unique<Context>(Context::find_config_dir(opt.config_dir, opt.argv0));
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return nullptr;
  }
}

void print_diagnostics(const CheckedBudget& c, bool quiet) {
  for (const auto& d : c.diag.sorted()) {
    if (quiet && d.severity == Severity::Warning) continue;
    std::cerr << c.diag.format(d) << "\n";
  }
}

}  // namespace

int run_check(const Options& opt) {
  auto ctx = make_context(opt);
  if (!ctx) return kUsage;
  auto inputs = collect_inputs(opt.paths);
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (inputs.files.empty()) {
    if (inputs.errors.empty()) std::cerr << "budgetpress: 错误: 没有找到 .yaml 文件\n";
    return kUsage;
  }
  size_t bad = 0, errors = 0, warnings = 0;
  for (const auto& f : inputs.files) {
    auto c = check_budget_file(f, *ctx);
    print_diagnostics(c, opt.quiet);
    errors += c.diag.error_count();
    warnings += c.diag.warning_count();
    if (c.diag.has_errors()) ++bad;
  }
  if (!opt.quiet)
    std::cerr << "检查了 " << inputs.files.size() << " 个文件：" << (inputs.files.size() - bad) << " 个通过，"
              << bad << " 个有错误（错误 " << errors << " 处，警告 " << warnings << " 处）\n";
  if (!inputs.errors.empty()) return kUsage;
  return bad ? kFailed : kOk;
}

int run_build(const Options& opt) {
  std::set<Format> formats;
  try {
    formats = parse_formats(opt.formats);
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  auto ctx = make_context(opt);
  if (!ctx) return kUsage;
  auto inputs = collect_inputs(opt.paths);
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (inputs.files.empty()) {
    if (inputs.errors.empty()) std::cerr << "budgetpress: 错误: 没有找到 .yaml 文件\n";
    return kUsage;
  }
  size_t built = 0, failed = 0;
  xlsx::SummaryCollector summaries;  // 汇总.xlsx per year when ≥ 2 departments were built to xlsx
  for (const auto& f : inputs.files) {
    auto c = check_budget_file(f, *ctx);
    print_diagnostics(c, opt.quiet);
    if (!c.ok()) {
      ++failed;
      continue;
    }
    try {
      for (const auto& p : write_outputs(c, formats, opt.out_dir, *ctx))
        if (!opt.quiet) std::cout << p.string() << "\n";
      if (formats.count(Format::Xlsx)) summaries.add(*c.budget, *c.derived);
      ++built;
    } catch (const std::exception& e) {
      std::cerr << f.string() << ": 错误: " << e.what() << "\n";
      ++failed;
    }
  }
  bool summary_failed = false;
  try {
    auto xo = xlsx::options_from_config(ctx->config_dir(), source_date_epoch());
    for (const auto& p : summaries.write(opt.out_dir, xo))
      if (!opt.quiet) std::cout << p.string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    summary_failed = true;
  }
  if (!opt.quiet)
    std::cerr << "生成 " << built << " 个部门，失败 " << failed << " 个\n";
  if (!inputs.errors.empty()) return kUsage;
  return failed || summary_failed ? kFailed : kOk;
}

}  // namespace bp::cli
