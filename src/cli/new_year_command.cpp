// budgetpress new-year: next year's department files (docs/batch.md#new-year).
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/inputs.hpp"
#include "app/new_year.hpp"
#include "app/pipeline.hpp"
#include "cli/command_setup.hpp"
#include "cli/commands.hpp"
#include "util/atomic_file.hpp"

namespace bp::cli {

int run_new_year(const Options& opt) {
  auto ctx = load_context(opt.config_dir, opt.site_dir, opt.argv0);
  if (!ctx) return kUsage;
  auto inputs = collect_department_files(opt.paths);
  if (inputs.files.empty()) return kUsage;
  size_t made = 0, failed = 0;
  for (const auto& f : inputs.files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto c = in ? check_budget_text(text, f.string(), *ctx) : check_budget_file(f, *ctx);
    if (!c.ok()) {
      for (const auto& d : c.diag.sorted())
        if (d.severity == Severity::Error) std::cerr << c.diag.format(d) << "\n";
      std::cerr << f.string() << ": 错误: 本年度文件有错误，先修正再生成下一年度文件\n";
      ++failed;
      continue;
    }
    try {
      auto next =
          next_year_file(text, c, f.string(), ctx->profile_for_year(c.budget->dept.year + 1));
      std::filesystem::path dir = opt.out_dir.empty()
                                      ? default_next_year_dir(f, c.budget->dept.year)
                                      : std::filesystem::path(opt.out_dir);
      if (dir.empty())
        throw std::runtime_error("文件不在以年度命名的目录中，请用 --out 指定下一年度文件的目录");
      std::filesystem::path target = dir / next.file_name;
      std::error_code ec;
      if (std::filesystem::exists(target, ec) && std::filesystem::equivalent(target, f, ec))
        throw std::runtime_error(target.string() +
                                 " 就是输入文件本身，不能覆盖；请用 --out 指定其他目录");
      if (std::filesystem::exists(target, ec) && !opt.force)
        throw std::runtime_error(target.string() + " 已存在，未覆盖（确需覆盖请加 --force）");
      std::filesystem::create_directories(dir);
      write_file_atomic(target, next.yaml);
      if (!opt.quiet) std::cout << target.string() << "\n";
      ++made;
    } catch (const std::exception& e) {
      std::cerr << f.string() << ": 错误: " << e.what() << "\n";
      ++failed;
    }
  }
  if (!opt.quiet)
    std::cerr << "生成下一年度文件 " << made << " 个，失败 " << failed << " 个"
              << (made ? "；金额已清零，填写后请运行 budgetpress check" : "") << "\n";
  if (!inputs.errors.empty()) return kUsage;
  return failed ? kFailed : kOk;
}

}  // namespace bp::cli
