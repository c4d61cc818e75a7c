// budgetpress — command-line entry. Only wires the layers together: argument parsing, running the
// commands over the input files, exit codes (0 ok, 1 validation/build failures, 2 usage or I/O).
#include <CLI/CLI.hpp>

#include <iostream>
#include <new>
#include <system_error>

#include "cli/catalog_command.hpp"
#include "cli/commands.hpp"
#include "cli/import_command.hpp"
#include "cli/init_command.hpp"
#include "cli/parse_errors.hpp"
#include "cli/site_command.hpp"
#include "cli/workbook_template_command.hpp"
#include "util/allocator.hpp"

int main(int argc, char** argv) {
  bp::allocator::tune();  // before any thread of ours
  CLI::App app{"BudgetPress：部门预算信息公开文档生成工具（YAML → PDF / Excel / Word / JSON）",
               "budgetpress"};
  // Before any subcommand is added: subcommands copy these from their parent.
  app.failure_message(bp::cli::chinese_failure_message);
  bp::cli::use_chinese_help_labels(app);
  app.option_defaults()->group("选项");
  app.set_help_flag("-h,--help", "显示帮助并退出");
  app.set_version_flag("-V,--version", std::string("budgetpress ") + BP_VERSION, "显示版本并退出");
  app.require_subcommand(1);
  bp::cli::Options opt;
  app.add_option("--config", opt.config_dir,
                 "配置目录（科目目录、年度格式、主题），默认随程序安装的 config/");
  app.add_option(
      "--site", opt.site_dir,
      "站点配置目录：本单位的科目目录、年度格式、主题、模板、固定语句和字体，逐个文件覆盖默认配置"
      "（默认取环境变量 BUDGETPRESS_SITE）");
  app.add_option(
      "--theme", opt.theme,
      "排版主题名（config/themes/ 或站点配置 themes/ 下的文件名，如 gongwen）；优先于部门文件的 "
      "theme:，默认 default");
  auto sub = [&](const char* name, const char* help) {
    auto* s = app.add_subcommand(name, help);
    s->group("子命令");
    s->set_help_flag("-h,--help", "显示帮助并退出");
    return s;
  };

  auto* check = sub("check", "检查部门预算文件：格式、科目与全部勾稽关系");
  check->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  check->add_flag("-q,--quiet", opt.quiet, "只输出错误，不输出警告和汇总");
  check->add_flag("--strict", opt.strict, "有警告也算不通过（退出码 1），用于发布前的最终检查");
  check->add_option("--format", opt.check_format,
                    "输出格式：text（默认，输出到标准错误）或 json（输出到标准输出）");
  check->add_option("--report", opt.report, "另写一份发布审核报告：FILE.html 或 FILE.md");
  check->add_option("--previous", opt.previous,
                    "上年度的部门文件或目录：找出与上年完全相同的文字（W250）");
  check->add_flag("--no-fonts", opt.skip_fonts, "不检查主题字体是否包含文中的每个字（检查更快）");

  auto* build = sub("build", "生成公开文档");
  build->add_option("paths", opt.paths, "YAML 文件或目录（目录递归查找 *.yaml）")->required();
  build
      ->add_option("-o,--out", opt.out_dir,
                   "输出目录（文件写到 OUT/<年度>/<编码>-<名称>.<扩展名>）")
      ->required();
  build->add_option("-f,--format", opt.formats, "输出格式：pdf,xlsx,docx,json,txt,layout 或 all")
      ->default_val("pdf");
  build->add_flag("-q,--quiet", opt.quiet, "只输出错误");
  build->add_option("-j,--jobs", opt.jobs, "并行生成的部门数（默认：CPU 核数）")
      ->check(bp::cli::range_zh(1, 1024));
  build->add_flag("--force", opt.force, "忽略增量构建清单，全部重新生成");
  build->add_option("--shard", opt.shard,
                    "只处理第 k 片（共 N 片）：k/N，按输入相对路径的哈希分片");
  build
      ->add_option("--time-limit", opt.time_limit,
                   "每个部门的处理时间上限（秒，0 = 不限；默认 300）")
      ->check(bp::cli::range_zh(0, 86400));
  build->add_option("--pdf-tags", opt.pdf_tags,
                    "PDF 是否带标签（无障碍 PDF/UA-1，读屏软件可用）：on 或 off（默认按主题 "
                    "pdf.tagged，即 on）");
  build
      ->add_option("--max-memory", opt.max_memory,
                   "整个进程可写内存（堆和线程栈，不含只读映射的字体）的上限，单位 MiB（默认不限）")
      ->check(bp::cli::range_zh(64, 1L << 22));

  auto* new_year = sub("new-year", "由本年度部门预算文件生成下一年度的文件（金额清零待填）");
  new_year->add_option("paths", opt.paths, "本年度 YAML 文件或目录")->required();
  new_year->add_option("-o,--out", opt.out_dir,
                       "输出目录（默认：文件所在目录名为年度时，写到同级的下一年度目录）");
  new_year->add_flag("--force", opt.force, "覆盖已存在的下一年度文件");
  new_year->add_flag("-q,--quiet", opt.quiet, "只输出错误");

  auto* watch = sub("watch", "预览：先生成一次，之后每次保存文件就重新生成该部门");
  watch->add_option("paths", opt.paths, "YAML 文件或目录")->required();
  watch->add_option("-o,--out", opt.out_dir, "输出目录（默认 out）");
  watch->add_option("-f,--format", opt.formats, "输出格式：pdf,xlsx,docx,json,txt 或 all")
      ->default_val("pdf");
  watch->add_flag("-q,--quiet", opt.quiet, "只输出错误");

  bp::cli::ImportOptions imp;
  auto* import_cmd =
      sub("import", "由预算系统导出的 Excel 工作簿（9 张公开表）生成部门预算 YAML 文件");
  import_cmd->add_option("workbook", imp.workbook, "工作簿 .xlsx")->required();
  import_cmd->add_option("--year", imp.year, "预算年度（默认取表头的“预算年度”）")
      ->check(bp::cli::range_zh(2000, 2100));
  import_cmd->add_option("--form", imp.form,
                         "公开格式，如 2023、2024（默认按工作簿的表格自动判断）");
  import_cmd->add_option("-o,--out", imp.out, "写入的 YAML 文件（默认输出到标准输出）");
  import_cmd->add_flag("--force", imp.force, "覆盖已存在的 --out 文件");
  import_cmd->add_flag("-q,--quiet", imp.quiet, "只输出错误");
  import_cmd->add_flag("--strict", imp.strict,
                       "印出的数与按明细计算的数不同（含尾差）即作为错误，不生成 YAML");

  bp::cli::WorkbookTemplateOptions tpl;  // workbook-template (its own file)
  bp::cli::add_workbook_template(app, tpl);

  bp::cli::CatalogImportOptions cat;
  auto* catalog =
      sub("catalog", "科目目录：由财政部或预算系统的政府收支分类科目表生成科目目录文件");
  catalog->require_subcommand(1);
  auto* cat_import =
      catalog->add_subcommand("import", "读入科目表（.xlsx 或 .csv），检查后写出科目目录文件");
  cat_import->set_help_flag("-h,--help", "显示帮助并退出");
  cat_import
      ->add_option("file", cat.file,
                   "科目表 .xlsx 或 .csv（列：科目编码、科目名称，可选 说明 或 类/款/项）")
      ->required();
  cat_import->add_option("--year", cat.year, "科目表的年度")
      ->required()
      ->check(bp::cli::range_zh(2000, 2100));
  cat_import
      ->add_option("--kind", cat.kind,
                   "科目类别：function（支出功能分类）或 economic（支出经济分类）")
      ->required();
  cat_import->add_option(
      "-o,--out", cat.out,
      "写入的科目目录文件（默认：配置目录的 catalog/<类别>/<年度>.tsv；- 为标准输出）");
  cat_import->add_flag("--force", cat.force, "覆盖已存在的文件");

  std::string site_target;
  auto* site = sub("site", "站点配置：本单位自己的科目目录、年度格式、主题、模板、固定语句和字体");
  site->require_subcommand(1);
  auto* site_init = site->add_subcommand("init", "新建一个空的站点配置目录（含中文说明）");
  site_init->set_help_flag("-h,--help", "显示帮助并退出");
  site_init->add_option("dir", site_target, "要新建的目录")->required();
  auto* site_show =
      site->add_subcommand("show", "列出每一部分配置的每个文件用的是站点配置还是默认配置");
  site_show->set_help_flag("-h,--help", "显示帮助并退出");

  bp::cli::InitOptions ini;
  auto* init = sub("init", "新建一个空白的部门预算文件（带中文注释，填好后即可检查和生成）");
  init->add_option("file", ini.file, "要写的 YAML 文件")->required();
  init->add_option("--year", ini.year, "预算年度")
      ->required()
      ->check(bp::cli::range_zh(2000, 2100));
  init->add_option("--form", ini.form, "公开格式（年度格式），默认为该年度自己的格式");
  init->add_flag("--force", ini.force, "覆盖已存在的文件");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  // Memory or threads running out where no department is being built (the configuration, the
  // fonts, starting the workers — most likely under --max-memory) end the run with an error, never
  // with std::terminate; a department's own shortage is its E014 (app/batch.cpp).
  try {
    opt.argv0 = argv[0];
    if (check->parsed()) return bp::cli::run_check(opt);
    if (build->parsed()) return bp::cli::run_build(opt);
    if (new_year->parsed()) return bp::cli::run_new_year(opt);
    if (watch->parsed()) return bp::cli::run_watch(opt);
    if (tpl.command->parsed())
      return bp::cli::run_workbook_template(tpl, opt.config_dir, opt.site_dir, argv[0]);
    if (import_cmd->parsed()) {
      imp.config_dir = opt.config_dir;
      imp.site_dir = opt.site_dir;
      imp.argv0 = argv[0];
      return bp::cli::run_import(imp);
    }
    if (cat_import->parsed()) return bp::cli::run_catalog_import(cat, opt);
    if (site_init->parsed()) return bp::cli::run_site_init(site_target);
    if (site_show->parsed()) return bp::cli::run_site_show(opt);
    if (init->parsed()) return bp::cli::run_init(ini, opt);
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "budgetpress: 错误[E014]: 内存不足（见 --max-memory）\n";
    return 2;
  } catch (const std::system_error& e) {
    bp::cli::report_thread_error(e);
    return 2;
  }
}
