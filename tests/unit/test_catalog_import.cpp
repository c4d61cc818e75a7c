// catalog import (issue 17): reading CSV (quotes, TAB, BOM, GB18030), the MoF 类/款/项 layout, the
// checks with their places, and the written catalogue format.
#include <catch2/catch.hpp>

#include "../support/files.hpp"
#include "catalog_import/catalog_import.hpp"

using namespace bp;
using namespace bp::catalog_import;
namespace fs = std::filesystem;

namespace {

ImportedCatalog import_text(const test::TempDir& dir, const std::string& name,
                            const std::string& text, CatalogKind kind = CatalogKind::Function) {
  const fs::path p = dir.path / name;
  test::spit(p, text);
  return import_catalog(p, kind, 2025);
}

std::vector<std::string> codes_of(const ImportedCatalog& c, bool errors) {
  std::vector<std::string> out;
  for (const auto& f : c.findings)
    if (f.error == errors) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("CSV: quoted cells with commas, doubled quotes and line breaks; BOM; names trimmed") {
  test::TempDir dir;
  auto c = import_text(dir, "a.csv",
                       "\xEF\xBB\xBF科目编码,科目名称,说明\n"
                       "201,\"一般公共服务支出\",\"反映一般公共服务，\"\"含\"\"人大事务。\"\n"
                       "20103,  政府办公厅（室）及相关机构事务 ,\n"
                       "2010301,行政运行,\"第一行\n第二行\"\n");
  REQUIRE(c.ok());
  REQUIRE(c.entries.size() == 3);
  CHECK(c.entries.at("201").note == "反映一般公共服务，\"含\"人大事务。");
  CHECK(c.entries.at("20103").name == "政府办公厅（室）及相关机构事务");
  CHECK(c.entries.at("2010301").note == "第一行第二行");
  CHECK(c.source_hash.size() == 16);
}

TEST_CASE("CSV separated by TAB, codes written as numbers with .0") {
  test::TempDir dir;
  auto c = import_text(dir, "t.txt", "编码\t名称\n301.0\t工资福利支出\n30101\t基本工资\n",
                       CatalogKind::Economic);
  REQUIRE(c.ok());
  CHECK(c.entries.count("301") == 1);
  const std::string tsv = catalog_tsv(c);
  CHECK(tsv.find("301\t工资福利支出\t人员经费\n30101\t基本工资\n") != std::string::npos);
}

TEST_CASE("GB18030 CSV is converted and says so (W615)") {
  test::TempDir dir;
  // "科目编码,科目名称\n201,一般公共服务支出\n" in GB18030.
  const std::string gbk =
      "\xBF\xC6\xC4\xBF\xB1\xE0\xC2\xEB,\xBF\xC6\xC4\xBF\xC3\xFB\xB3\xC6\n201,"
      "\xD2\xBB\xB0\xE3\xB9\xAB\xB9\xB2\xB7\xFE\xCE\xF1\xD6\xA7\xB3\xF6\n";
  auto c = import_text(dir, "g.csv", gbk);
  REQUIRE(c.ok());
  CHECK(c.entries.at("201").name == "一般公共服务支出");
  CHECK(codes_of(c, false) == std::vector<std::string>{"W615"});
}

TEST_CASE("checks: shape, duplicates, names, parents — each at its line") {
  test::TempDir dir;
  auto c = import_text(dir, "bad.csv",
                       "科目编码,科目名称\n"
                       "201,一般公共服务支出\n"    // 2
                       "20103,政府办公厅\n"        // 3
                       "20103,政府办公厅（室）\n"  // 4 duplicate
                       "2010399,\n"                // 5 no name
                       "20A01,人大事务\n"          // 6 not digits
                       "2010,四位\n"               // 7 length
                       "2020101,外交行政运行\n"    // 8 parent 20201 missing
                       "501,机关工资\n");          // 9 not function (5xx)
  CHECK_FALSE(c.ok());
  std::vector<std::string> where;
  for (const auto& f : c.findings)
    where.push_back(f.code + "@" + f.where.substr(f.where.rfind(':') + 1));
  CHECK(where ==
        std::vector<std::string>{"E622@4", "E623@5", "E621@6", "E621@7", "E621@9", "E624@8"});
  CHECK(c.findings.front().format().find("错误[E622]: 科目编码 20103 重复，第一次在 ") !=
        std::string::npos);
}

TEST_CASE("economic lists: 5xx and 7-digit codes are refused, 说明 is not written (W612)") {
  test::TempDir dir;
  auto c =
      import_text(dir, "e.csv", "科目编码,科目名称,说明\n501,机关工资福利支出,x\n3010101,细项,\n",
                  CatalogKind::Economic);
  CHECK(codes_of(c, true) == std::vector<std::string>{"E621", "E621"});
  CHECK(codes_of(c, false) == std::vector<std::string>{"W612"});
}

TEST_CASE("no heading (E620) and a heading without rows (E625)") {
  test::TempDir dir;
  CHECK(codes_of(import_text(dir, "h.csv", "a,b\n201,一般公共服务支出\n"), true) ==
        std::vector<std::string>{"E620"});
  CHECK(codes_of(import_text(dir, "e.csv", "科目编码,科目名称\n\n"), true) ==
        std::vector<std::string>{"E625"});
}

TEST_CASE("unreadable sources throw SourceError") {
  test::TempDir dir;
  CHECK_THROWS_AS(import_catalog(dir.path / "missing.csv", CatalogKind::Function, 2025),
                  SourceError);
  test::spit(dir.path / "x.xls", "whatever");
  CHECK_THROWS_AS(import_catalog(dir.path / "x.xls", CatalogKind::Function, 2025), SourceError);
  test::spit(dir.path / "x.xlsx", "not a zip");
  CHECK_THROWS_AS(import_catalog(dir.path / "x.xlsx", CatalogKind::Function, 2025), SourceError);
  test::spit(dir.path / "q.csv", "科目编码,科目名称\n201,\"open\n");
  CHECK_THROWS_AS(import_catalog(dir.path / "q.csv", CatalogKind::Function, 2025), SourceError);
}

TEST_CASE("the written catalogue: sorted depth-first, header with source and counts, notes file") {
  test::TempDir dir;
  auto c = import_text(
      dir, "f.csv",
      "科目编码,科目名称,说明\n205,教育支出,\n2050101,行政运行,解释甲\n20501,教育管理事务,\n"
      "201,一般公共服务支出,解释乙\n");
  REQUIRE(c.ok());
  const std::string tsv = catalog_tsv(c);
  CHECK(tsv.find("# 支出功能分类科目（2025 年）\n") == 0);
  CHECK(tsv.find("来源：f.csv，") != std::string::npos);
  CHECK(tsv.find("共 4 个科目：类 2 个、款 1 个、项 1 个。") != std::string::npos);
  CHECK(tsv.substr(tsv.find("\n201\t")) ==
        "\n201\t一般公共服务支出\n205\t教育支出\n20501\t教育管理事务\n2050101\t行政运行\n");
  const std::string notes = notes_tsv(c);
  CHECK(notes.find("201\t解释乙\n2050101\t解释甲\n") != std::string::npos);
}
