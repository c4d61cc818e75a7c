// budgetpress — command-line entry. Only wires the layers together: argument parsing, running the
// commands over the input files, exit codes (0 ok, 1 validation/build failures, 2 usage or I/O).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"BudgetPress：部门预算信息公开文档生成工具（YAML → PDF / Excel / Word / JSON）", "budgetpress"};
  app.set_version_flag("-V,--version", std::string("budgetpress ") + BP_VERSION);
  app.require_subcommand(1);
  bp::cli::Options opt;
  app.add_option("--config", opt.config_dir, "配置目录（科目目录、年度格式、主题），默认随程序安装的 config/");

  auto* check = app.add_subcommand("check", "检查部门预算文件：格式、科目与全部勾稽关系");
  check->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  check->add_flag("-q,--quiet", opt.quiet, "只输出错误，不输出警告和汇总");

  auto* build = app.add_subcommand("build", "生成公开文档");
  build->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  build->add_option("-o,--out", opt.out_dir, "输出目录（文件写到 OUT/<年度>/<编码>-<名称>.<扩展名>）")->required();
  build->add_option("-f,--format", opt.formats, "输出格式：pdf,xlsx,docx,json 或 all")->default_val("pdf");
  build->add_flag("-q,--quiet", opt.quiet, "只输出错误");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  opt.argv0 = argv[0];
  if (check->parsed()) return bp::cli::run_check(opt);
  if (build->parsed()) return bp::cli::run_build(opt);
  return 2;
}
