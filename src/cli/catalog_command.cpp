#include "cli/catalog_command.hpp"

#include <iostream>

#include "app/context.hpp"
#include "catalog_import/catalog_import.hpp"
#include "cli/command_setup.hpp"
#include "util/atomic_file.hpp"
#include "util/config_error.hpp"

namespace bp::cli {

namespace fs = std::filesystem;

namespace {

// Where the 说明 column goes: function-notes/<year>.tsv beside a catalog/function/ directory, else
// "<name>-notes.tsv" next to the output (which the catalogue loader does not read as a year file).
fs::path notes_path(const fs::path& out, int year) {
  if (out.parent_path().filename() == "function")
    return out.parent_path().parent_path() / "function-notes" / (std::to_string(year) + ".tsv");
  return out.parent_path() / (out.stem().string() + "-notes.tsv");
}

bool refuse_existing(const fs::path& p, bool force) {
  std::error_code ec;
  if (force || !fs::exists(p, ec)) return false;
  std::cerr << "budgetpress: 错误: " << p.string() << " 已存在；要覆盖请加 --force\n";
  return true;
}

}  // namespace

int run_catalog_import(const CatalogImportOptions& opt, const Options& global) {
  using catalog_import::CatalogKind;
  CatalogKind kind;
  if (opt.kind == "function" || opt.kind == "功能") {
    kind = CatalogKind::Function;
  } else if (opt.kind == "economic" || opt.kind == "经济") {
    kind = CatalogKind::Economic;
  } else {
    std::cerr << "budgetpress: 错误: 未知的科目类别 --kind " << opt.kind
              << "（可用：function 支出功能分类，economic 支出经济分类）\n";
    return kUsage;
  }
  catalog_import::ImportedCatalog cat;
  try {
    cat = catalog_import::import_catalog(opt.file, kind, opt.year);
  } catch (const ConfigError& e) {  // libzip cannot be loaded (E991)
    std::cerr << "budgetpress: " << e.diagnostic() << "\n";
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误[E620]: " << e.what() << "\n";
    return kUsage;
  }
  size_t errors = 0;
  for (const auto& f : cat.findings) {
    std::cerr << f.format() << "\n";
    errors += f.error ? 1 : 0;
  }
  if (errors) {
    std::cerr << "科目表有 " << errors << " 处错误，没有写出科目目录文件\n";
    return kFailed;
  }
  const std::string tsv = catalog_import::catalog_tsv(cat);
  const std::string notes = catalog_import::notes_tsv(cat);
  fs::path out = opt.out;
  if (out.empty()) {
    const fs::path site = Context::find_site_dir(global.site_dir);
    if (!site.empty())
      out = site / "catalog" / (kind == CatalogKind::Function ? "function" : "economic") /
            (std::to_string(opt.year) + ".tsv");
  }
  if (out.empty() || out == "-") {
    std::cout << tsv;
    if (!notes.empty())
      std::cerr
          << "budgetpress: 提示: 科目表的“说明”列（名词解释）只在写入文件（-o 或 --site）时另存\n";
    return kOk;
  }
  const fs::path notes_file = notes_path(out, opt.year);
  if (refuse_existing(out, opt.force) || (!notes.empty() && refuse_existing(notes_file, opt.force)))
    return kUsage;
  try {
    fs::create_directories(out.parent_path().empty() ? fs::path(".") : out.parent_path());
    write_file_atomic(out, tsv);
    std::cout << out.string() << "\n";
    if (!notes.empty()) {
      fs::create_directories(notes_file.parent_path().empty() ? fs::path(".")
                                                              : notes_file.parent_path());
      write_file_atomic(notes_file, notes);
      std::cout << notes_file.string() << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: 无法写入科目目录文件：" << e.what() << "\n";
    return kUsage;
  }
  std::cerr << "已导入 " << cat.entries.size() << " 个科目（" << cat.year << " 年）\n";
  return kOk;
}

}  // namespace bp::cli
