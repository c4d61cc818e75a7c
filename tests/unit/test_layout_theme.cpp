// Theme files: 号 sizes, overrides, strict keys; config/themes/default.yaml equals the built-in
// theme.
#include <catch2/catch.hpp>

#include <fstream>

#include "layout/theme.hpp"
#include "layout/units.hpp"
#include "style/sizes.hpp"

using namespace bp::layout;
using bp::style::hao_size;
using bp::style::parse_size;

namespace {
std::filesystem::path write_temp(const std::string& name, const std::string& yaml) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << yaml;
  return p;
}
}  // namespace

TEST_CASE("Chinese type sizes by 号", "[layout][theme]") {
  CHECK(hao_size("初号") == 42);
  CHECK(hao_size("小四") == 12);
  CHECK(hao_size("五号") == 10.5);
  CHECK(hao_size("小五") == 9);
  CHECK(hao_size("六号") == 7.5);
  CHECK_FALSE(hao_size("大四"));
  CHECK(parse_size("10.5") == 10.5);
  CHECK(parse_size("9pt") == 9);
  CHECK(parse_size("三号") == 16);
  CHECK_FALSE(parse_size("big"));
  CHECK_FALSE(parse_size("-3"));
}

TEST_CASE("config/themes/default.yaml is the built-in default theme", "[layout][theme]") {
  Theme t = Theme::load(std::filesystem::path(BP_SOURCE_DIR) / "config/themes/default.yaml");
  // The built-in theme names the same term list; loading a file also reads it.
  Theme expected;
  expected.terms =
      bp::text::TermList::load(std::filesystem::path(BP_SOURCE_DIR) / "config/terms.txt");
  CHECK(!expected.terms.empty());
  CHECK(t == expected);
  CHECK(t.body.size == 12);
  CHECK(t.table.cell.size == 10.5);
  CHECK(t.table.continued_mark == "续表");
}

TEST_CASE("a theme overrides single keys; unknown keys are errors with a position",
          "[layout][theme]") {
  auto ok = write_temp("bp_theme_ok.yaml",
                       "styles:\n  body: {size: 三号, font: sans}\ntable:\n  continued_mark: \"\"\n"
                       "text:\n  kinsoku: strict\n");
  Theme t = Theme::load(ok);
  CHECK(t.body.size == 16);
  CHECK(t.body.font == FontRole::Sans);
  CHECK(t.body.leading == Theme{}.body.leading);  // untouched keys keep their defaults
  CHECK(t.table.continued_mark.empty());
  CHECK(t.kinsoku == bp::text::Kinsoku::Strict);

  auto bad = write_temp("bp_theme_bad.yaml", "styles:\n  body:\n    szie: 12\n");
  try {
    Theme::load(bad);
    FAIL("no error");
  } catch (const ThemeError& e) {
    std::string m = e.what();
    CHECK(m.find("bp_theme_bad.yaml:3:5") != std::string::npos);
    CHECK(m.find("styles.body.szie") != std::string::npos);
  }
  auto bad_size = write_temp("bp_theme_bad_size.yaml", "table:\n  cell: {size: 大四}\n");
  CHECK_THROWS_AS(Theme::load(bad_size), ThemeError);
}
