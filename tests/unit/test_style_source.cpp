// One style source (issue 20, item 3): the XLSX reads the loaded theme (font, sizes, weights,
// terms), the default theme gives the sizes the XLSX had when they were fixed in src/xlsx/, and a
// theme is read once per run — also when reading it fails.
#include <catch2/catch.hpp>

#include "../support/files.hpp"
#include "app/typesetting.hpp"
#include "style/theme.hpp"
#include "xlsx/options.hpp"

using namespace bp;

namespace {
const std::filesystem::path kThemes = std::filesystem::path(BP_SOURCE_DIR) / "config/themes";
}

TEST_CASE("default theme: the XLSX type is the one it had before it came from the theme",
          "[style][xlsx]") {
  const auto t = style::Theme::load(kThemes / "default.yaml", {kThemes});
  const xlsx::XlsxOptions o = xlsx::options_from_style(t, 1700000000);
  const xlsx::TypeSizes before;  // the sizes once fixed in src/xlsx/table_writer.cpp
  CHECK(o.type.title == 16);
  CHECK(o.type.title == before.title);
  CHECK(o.type.block == before.block);
  CHECK(o.type.head == before.head);
  CHECK(o.type.body == 10.5);
  CHECK(o.type.body == before.body);
  CHECK(o.type.note == 9);
  CHECK(o.type.note == before.note);
  CHECK(o.type.title_bold);
  CHECK(o.type.head_bold);
  CHECK(o.type.total_bold);
  CHECK(o.font == "Noto Serif CJK SC");
  CHECK(o.epoch == 1700000000);
  // The term list is the theme's (text.terms_file), read when the theme was.
  CHECK_FALSE(o.terms.empty());
  CHECK(o.terms == t.terms);
  // At the default size a column is exactly as wide as fit_columns counts it.
  CHECK(o.type.column_width(13.7) == 13.7);
}

TEST_CASE("a theme's table styles and body role drive the XLSX", "[style][xlsx]") {
  test::TempDir dir;
  test::spit(dir.path / "craft.yaml",
             "fonts:\n  roles: {fangsong: FandolFang}\n"
             "styles:\n  body: {font: fangsong}\n  table_title: {size: 二号, bold: false}\n"
             "table:\n  header_block: {size: 小三}\n  head: {size: 四号, bold: false}\n"
             "  cell: {size: 小四}\n  note: {size: 8}\n  bold_total: false\n"
             "text:\n  terms_file: \"\"\n");
  const auto t = style::Theme::load(dir.path / "craft.yaml");
  const xlsx::XlsxOptions o = xlsx::options_from_style(t, 0);
  CHECK(o.font == "FandolFang");
  CHECK(o.type.title == 22);
  CHECK_FALSE(o.type.title_bold);
  CHECK(o.type.block == 15);
  CHECK(o.type.head == 14);
  CHECK_FALSE(o.type.head_bold);
  CHECK(o.type.body == 12);
  CHECK(o.type.note == 8);
  CHECK_FALSE(o.type.total_bold);
  CHECK(o.terms.empty());
  CHECK(o.type.column_width(10.5) == Approx(12));
}

TEST_CASE("Themes: a theme is read once; a failed one gives its one error again", "[style]") {
  test::TempDir dir;
  test::spit(dir.path / "good.yaml", "table:\n  cell: {size: 小四}\n");
  test::spit(dir.path / "bad.yaml", "table:\n  cell: {size: 大四}\n");
  Themes themes({dir.path}, "good");
  const style::Theme& first = themes.get();
  CHECK(first.table.cell.size == 12);
  std::filesystem::remove(dir.path / "good.yaml");  // not read again
  CHECK(&themes.get("good") == &first);

  std::string error;
  try {
    themes.get("bad");
  } catch (const style::ThemeError& e) {
    error = e.diagnostic();
    CHECK(e.code() == "E601");
    CHECK(e.where() == (dir.path / "bad.yaml").string() + ":2:16");
  }
  REQUIRE_FALSE(error.empty());
  // Fixed on disk, but the run keeps the error of its one reading (every department and
  // 汇总.xlsx see the same): no second reading with another outcome.
  test::spit(dir.path / "bad.yaml", "table:\n  cell: {size: 小四}\n");
  try {
    themes.get("bad");
    FAIL("a theme that failed was read again");
  } catch (const style::ThemeError& e) {
    CHECK(e.diagnostic() == error);
  }
}
