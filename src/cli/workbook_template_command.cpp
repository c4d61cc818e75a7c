// budgetpress workbook-template --year YEAR [--form F] [--unit 元] -o 部门预算录入表.xlsx
#include "cli/workbook_template_command.hpp"

#include <filesystem>
#include <iostream>

#include "app/workbook_template.hpp"
#include "cli/command_setup.hpp"
#include "util/config_error.hpp"

namespace bp::cli {

void add_workbook_template(CLI::App& app, WorkbookTemplateOptions& opt) {
  opt.command = app.add_subcommand("workbook-template",
                                   "生成空白的部门预算录入表（.xlsx），填好后用 import 导入");
  opt.command->add_option("--year", opt.year, "预算年度")
      ->required()
      ->check(CLI::Range(2000, 2100));
  opt.command->add_option("--form", opt.form, "公开格式，如 2023、2024（默认：该年度自己的格式）");
  opt.command->add_option("--three-public", opt.three_public,
                          "“三公”经费表的行式：full（9 行，默认）或 short（6 行）");
  opt.command->add_option("--unit", opt.unit, "金额单位：万元（默认）或 元");
  opt.command->add_option("-o,--out", opt.out, "写入的 .xlsx 文件")->required();
  opt.command->add_flag("--force", opt.force, "覆盖已存在的 -o 文件");
}

int run_workbook_template(const WorkbookTemplateOptions& opt, const std::string& config_dir,
                          const std::string& site_dir, const char* argv0) {
  std::error_code ec;
  const std::filesystem::path out(opt.out);
  if (std::filesystem::exists(out, ec) && !opt.force) {
    std::cerr << "budgetpress: 错误: " << opt.out << " 已存在，未覆盖（确需覆盖请加 --force）\n";
    return kUsage;
  }
  if (out.extension() != ".xlsx") {
    std::cerr << "budgetpress: 错误: " << opt.out << " 不是 .xlsx 文件名：录入表请以 .xlsx 结尾\n";
    return kUsage;
  }
  auto ctx = load_context(config_dir, site_dir, argv0);
  if (!ctx) return kUsage;
  TemplateRequest req;
  req.year = opt.year;
  req.form = opt.form;
  req.three_public_layout = opt.three_public;
  req.unit = opt.unit;
  req.out = out;
  try {
    write_workbook_template(req, *ctx);
  } catch (const TemplateError& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  } catch (const ConfigError& e) {  // libxlsxwriter cannot be loaded (E990)
    std::cerr << "budgetpress: " << e.diagnostic() << "\n";
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return kUsage;
  }
  std::cerr << "已生成录入表 " << opt.out << "\n";
  return kOk;
}

}  // namespace bp::cli
