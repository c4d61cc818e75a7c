// budgetpress import: workbook → department YAML (docs/import.md).
#include "cli/import_command.hpp"

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli/command_setup.hpp"
#include "import/importer.hpp"
#include "import/zip_reader.hpp"
#include "util/atomic_file.hpp"
#include "util/config_error.hpp"

namespace bp::cli {

namespace {
const char* level_word(import::Finding::Level l) {
  switch (l) {
    case import::Finding::Level::Error:
      return "错误";
    case import::Finding::Level::Warning:
      return "警告";
    default:
      return "提示";
  }
}
}  // namespace

int run_import(const ImportOptions& opt) {
  auto ctx = load_context(opt.config_dir, opt.site_dir, opt.argv0);
  if (!ctx) return kUsage;
  std::error_code ec;
  if (!opt.out.empty() && std::filesystem::exists(opt.out, ec) && !opt.force) {
    std::cerr << "budgetpress: 错误: " << opt.out << " 已存在，未覆盖（确需覆盖请加 --force）\n";
    return kUsage;
  }
  import::ImportOptions io;
  io.workbook = opt.workbook;
  io.year = opt.year;
  io.form = opt.form;
  io.strict = opt.strict;
  io.yaml_name = opt.out.empty() ? "<导入结果>" : opt.out;
  import::ImportResult res;
  try {
    res = import::import_workbook(io, *ctx);
  } catch (const import::WorkbookIoError& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  } catch (const ConfigError& e) {  // libzip cannot be loaded (E991)
    std::cerr << "budgetpress: " << e.diagnostic() << "\n";
    return kUsage;
  }
  const std::string name = std::filesystem::path(opt.workbook).filename().string();
  for (const auto& f : res.report.all()) {
    if (opt.quiet && f.level != import::Finding::Level::Error) continue;
    std::cerr << name << ": " << level_word(f.level) << ": " << import::Report::line(f) << "\n";
  }
  using L = import::Finding::Level;
  if (res.yaml.empty()) {
    std::cerr << name << ": 导入失败：" << res.report.count(L::Error) << " 个错误，未生成 YAML\n";
    return kFailed;
  }
  if (opt.out.empty()) {
    std::cout << res.yaml << std::flush;
  } else {
    try {
      write_file_atomic(opt.out, res.yaml);
    } catch (const std::exception& e) {
      std::cerr << "budgetpress: 错误: " << e.what() << "\n";
      return kUsage;
    }
  }
  bool check_failed = res.check && !res.check->ok();
  if (res.check)
    for (const auto& d : res.check->diag.sorted())
      if (!opt.quiet || d.severity == Severity::Error)
        std::cerr << res.check->diag.format(d) << "\n";
  if (!opt.quiet) {
    std::cerr << name << ": 导入 " << res.lines << " 行项级支出、" << res.economic_lines
              << " 行基本支出经济分类、" << res.projects << " 个项目（" << res.indicators
              << " 行绩效指标）";
    if (res.special_funds > 0)
      std::cerr << "、" << res.special_funds << " 项专项资金（" << res.special_indicators
                << " 行绩效指标）";
    std::cerr << "（" << res.form << " 年格式）；警告 " << res.report.count(L::Warning)
              << " 处（见上）";
    if (!opt.out.empty()) std::cerr << "；已写入 " << opt.out;
    std::cerr << "\n";
    if (check_failed)
      std::cerr << name << ": 导入的文件还通不过 budgetpress check（见上），请补充或修正后再检查\n";
    else
      std::cerr << name << ": 请补充文件中标有 TODO(import) 的内容，然后运行 budgetpress check\n";
  }
  return check_failed ? kFailed : kOk;
}

}  // namespace bp::cli
