// budgetpress — command-line entry. Only wires the layers together: argument parsing, running the
// commands over the input files, exit codes (0 ok, 1 validation/build failures, 2 usage or I/O).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/import_command.hpp"
#include "cli/workbook_template_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"BudgetPress：部门预算信息公开文档生成工具（YAML → PDF / Excel / Word / JSON）", "budgetpress"};
  app.set_version_flag("-V,--version", std::string("budgetpress ") + BP_VERSION);
  app.require_subcommand(1);
  bp::cli::Options opt;
  app.add_option("--config", opt.config_dir, "配置目录（科目目录、年度格式、主题），默认随程序安装的 config/");

  auto* check = app.add_subcommand("check", "检查部门预算文件：格式、科目与全部勾稽关系");
  check->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  check->add_flag("-q,--quiet", opt.quiet, "只输出错误，不输出警告和汇总");
  check->add_flag("--strict", opt.strict, "有警告也算不通过（退出码 1），用于发布前的最终检查");
  check->add_option("--format", opt.check_format, "输出格式：text（默认，输出到标准错误）或 json（输出到标准输出）");
  check->add_option("--report", opt.report, "另写一份发布审核报告：FILE.html 或 FILE.md");
  check->add_option("--previous", opt.previous, "上年度的部门文件或目录：找出与上年完全相同的文字（W250）");

  auto* build = app.add_subcommand("build", "生成公开文档");
  build->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  build->add_option("-o,--out", opt.out_dir, "输出目录（文件写到 OUT/<年度>/<编码>-<名称>.<扩展名>）")->required();
  build->add_option("-f,--format", opt.formats, "输出格式：pdf,xlsx,docx,json 或 all")->default_val("pdf");
  build->add_flag("-q,--quiet", opt.quiet, "只输出错误");
  build->add_option("-j,--jobs", opt.jobs, "并行生成的部门数（默认：CPU 核数）")->check(CLI::Range(1u, 1024u));
  build->add_flag("--force", opt.force, "忽略增量构建清单，全部重新生成");
  build->add_option("--shard", opt.shard, "只处理第 k 片（共 N 片）：k/N，按输入相对路径的哈希分片");
  build->add_option("--time-limit", opt.time_limit, "每个部门的处理时间上限（秒，0 = 不限；默认 300）")
      ->check(CLI::Range(0u, 86400u));
  build->add_option("--max-memory", opt.max_memory, "整个进程的内存（地址空间）上限，单位 MiB（默认不限）")
      ->check(CLI::Range(64u, 1u << 22));

  auto* new_year = app.add_subcommand("new-year", "由本年度部门预算文件生成下一年度的文件（金额清零待填）");
  new_year->add_option("paths", opt.paths, "本年度 YAML 文件或目录")->required();
  new_year->add_option("-o,--out", opt.out_dir,
                       "输出目录（默认：文件所在目录名为年度时，写到同级的下一年度目录）");
  new_year->add_flag("--force", opt.force, "覆盖已存在的下一年度文件");
  new_year->add_flag("-q,--quiet", opt.quiet, "只输出错误");

  auto* watch = app.add_subcommand("watch", "预览：先生成一次，之后每次保存文件就重新生成该部门");
  watch->add_option("paths", opt.paths, "YAML 文件或目录")->required();
  watch->add_option("-o,--out", opt.out_dir, "输出目录（默认 out）");
  watch->add_option("-f,--format", opt.formats, "输出格式：pdf,xlsx,docx,json,txt 或 all")->default_val("pdf");
  watch->add_flag("-q,--quiet", opt.quiet, "只输出错误");

  bp::cli::ImportOptions imp;
  auto* import_cmd = app.add_subcommand("import", "由预算系统导出的 Excel 工作簿（9 张公开表）生成部门预算 YAML 文件");
  import_cmd->add_option("workbook", imp.workbook, "工作簿 .xlsx")->required();
  import_cmd->add_option("--year", imp.year, "预算年度（默认取表头的“预算年度”）")->check(CLI::Range(2000, 2100));
  import_cmd->add_option("--form", imp.form, "公开格式，如 2023、2024（默认按工作簿的表格自动判断）");
  import_cmd->add_option("-o,--out", imp.out, "写入的 YAML 文件（默认输出到标准输出）");
  import_cmd->add_flag("--force", imp.force, "覆盖已存在的 --out 文件");
  import_cmd->add_flag("-q,--quiet", imp.quiet, "只输出错误");
  import_cmd->add_flag("--strict", imp.strict, "印出的数与按明细计算的数不同（含尾差）即作为错误，不生成 YAML");

  bp::cli::WorkbookTemplateOptions tpl;  // workbook-template (its own file)
  bp::cli::add_workbook_template(app, tpl);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  opt.argv0 = argv[0];
  if (check->parsed()) return bp::cli::run_check(opt);
  if (build->parsed()) return bp::cli::run_build(opt);
  if (new_year->parsed()) return bp::cli::run_new_year(opt);
  if (watch->parsed()) return bp::cli::run_watch(opt);
  if (tpl.command->parsed()) return bp::cli::run_workbook_template(tpl, opt.config_dir, argv[0]);
  if (import_cmd->parsed()) {
    imp.config_dir = opt.config_dir;
    imp.argv0 = argv[0];
    return bp::cli::run_import(imp);
  }
  return 2;
}
