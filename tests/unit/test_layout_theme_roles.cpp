// Named themes (issue 17): font roles beyond serif/sans, bold families, the 公文 theme's GB/T 9704
// sizes, theme lookup over ordered directories, Chinese errors with codes.
#include <catch2/catch.hpp>

#include <fstream>

#include "layout/theme.hpp"
#include "model/department.hpp"
#include "style/theme_resolve.hpp"

using namespace bp::layout;
using bp::style::resolve_theme;

namespace {
const std::filesystem::path kThemes = std::filesystem::path(BP_SOURCE_DIR) / "config/themes";

std::filesystem::path write_temp(const std::string& name, const std::string& yaml) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << yaml;
  return p;
}
}  // namespace

TEST_CASE("the 公文 theme: 仿宋 三号 body, 黑体 一级, 楷体 二级, 小标宋-style titles",
          "[layout][theme]") {
  const Theme t = Theme::load(kThemes / "gongwen.yaml");
  CHECK(t.name == "gongwen");
  CHECK(t.family(t.body.font) == "FandolFang");
  CHECK(t.body.size == 16);  // 三号
  CHECK(t.body.indent == 2);
  CHECK(t.body.size * t.body.leading == Approx(28.95).margin(0.05));  // 22 lines in 225 mm
  CHECK(t.family(t.heading3.font) == "FandolHei");                    // 一、
  CHECK(t.heading3.size == 16);
  CHECK(t.family(t.heading4.font) == "FandolKai");  // （一）/ 1、
  CHECK(t.family(t.heading2.font) == "FandolSong");
  CHECK(t.heading2.bold);
  CHECK(t.heading2.size == 22);  // 二号
  CHECK(t.footer.size == 14);    // 四号 page numbers
  // 版心 156 × 225 mm
  CHECK(t.page_width - t.portrait.left - t.portrait.right == Approx(156));
  CHECK(t.page_height - t.portrait.top - t.portrait.bottom == Approx(225));
  CHECK(t.portrait.top == 37);
  CHECK(t.portrait.left == 28);
  REQUIRE(t.font_dirs.size() == 1);
  const auto roles = t.font_roles();
  CHECK(roles.size() == 5);  // serif, sans, fangsong, kaiti, title
}

TEST_CASE("font roles and bold families; a style naming an undefined role is an error",
          "[layout][theme]") {
  auto ok = write_temp("bp_theme_roles.yaml",
                       "styles:\n  body: {font: fangsong}\n"
                       "fonts:\n  roles: {fangsong: FandolFang}\n  bold: {fangsong: FandolHei}\n"
                       "  synthetic_bold: 0.05\n  dirs: [fonts]\n");
  const Theme t = Theme::load(ok);
  CHECK(t.body.font == FontRole{"fangsong"});
  CHECK(t.family(t.body.font) == "FandolFang");
  CHECK(t.family(t.body.font, true) == "FandolHei");
  CHECK(t.family(FontRole::Serif, true) == Theme{}.serif);  // no bold family: the serif family
  CHECK(t.synthetic_bold == 0.05);
  REQUIRE(t.font_dirs.size() == 1);
  CHECK(t.font_dirs[0] == ok.parent_path() / "fonts");

  auto bad = write_temp("bp_theme_bad_role.yaml", "styles:\n  heading3: {font: heiti}\n");
  try {
    Theme::load(bad);
    FAIL("no error");
  } catch (const ThemeError& e) {
    const std::string m = e.what();
    CHECK(e.code() == "E601");
    CHECK(m.find("bp_theme_bad_role.yaml:2:") != std::string::npos);
    CHECK(m.find("heiti") != std::string::npos);
    CHECK(m.find("没有定义") != std::string::npos);
  }
  auto bad_name =
      write_temp("bp_theme_bad_role_name.yaml", "fonts:\n  roles: {仿宋: FandolFang}\n");
  CHECK_THROWS_AS(Theme::load(bad_name), ThemeError);
  auto not_yaml = write_temp("bp_theme_not_yaml.yaml", "fonts: [unclosed\n");
  try {
    Theme::load(not_yaml);
    FAIL("no error");
  } catch (const ThemeError& e) {
    CHECK(e.code() == "E601");
    CHECK(std::string(e.what()).find("bp_theme_not_yaml.yaml:") != std::string::npos);
    CHECK(e.diagnostic().find("错误[E601]") != std::string::npos);
  }
}

TEST_CASE("resolve_theme: the first directory holding NAME.yaml wins; errors list what exists",
          "[layout][theme]") {
  const auto overlay = std::filesystem::temp_directory_path() / "bp_theme_overlay";
  std::filesystem::create_directories(overlay);
  std::ofstream(overlay / "gongwen.yaml") << "name: mine\n";
  CHECK(resolve_theme("gongwen", {kThemes}) == kThemes / "gongwen.yaml");
  CHECK(resolve_theme("gongwen", {overlay, kThemes}) == overlay / "gongwen.yaml");
  CHECK(resolve_theme("default", {overlay, kThemes}) == kThemes / "default.yaml");
  try {
    resolve_theme("gongwne", {overlay, kThemes});
    FAIL("no error");
  } catch (const ThemeError& e) {
    const std::string m = e.what();
    CHECK(e.code() == "E600");
    CHECK(m.find("gongwne") != std::string::npos);
    CHECK(m.find(overlay.string()) != std::string::npos);
    CHECK(m.find("default、gongwen") != std::string::npos);  // the themes that exist
  }
  for (const char* bad : {"", "../default", ".hidden", "a/b"})
    CHECK_THROWS_AS(resolve_theme(bad, {kThemes}), ThemeError);
  std::filesystem::remove_all(overlay);
}

TEST_CASE("title-page dates", "[document][title]") {
  using bp::title_date_text;
  CHECK(title_date_text("2025-01-20") == "2025年1月20日");
  CHECK(title_date_text("2025-12") == "2025年12月");
  CHECK(title_date_text("2024-02-29") == "2024年2月29日");
  CHECK_FALSE(title_date_text("2025-02-29"));
  CHECK_FALSE(title_date_text("2025-13-01"));
  CHECK_FALSE(title_date_text("2025-1-2"));
  CHECK_FALSE(title_date_text("2025年1月"));
  CHECK_FALSE(title_date_text(""));
}
