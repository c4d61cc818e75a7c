// The site overlay (issue 17): file-by-file precedence, blocks as their own part, the theme lookup,
// rejected overlays, and a Context built from layers (catalogue year with only a function file).
#include <catch2/catch.hpp>

#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/config_layers.hpp"
#include "app/context.hpp"
#include "style/theme.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {
const fs::path kConfig = fs::path(BP_SOURCE_DIR) / "config";
}

TEST_CASE("an overlay file replaces the default of the same relative path; the others stay") {
  test::TempDir site;
  test::spit(site.path / "templates/blocks/budget_principle.mustache", "站点原则。\n");
  test::spit(site.path / "templates/2024/extra.mustache", "新增模板\n");
  test::spit(site.path / "catalog/function/2025.tsv", "201\t一般公共服务支出\n");
  ConfigLayers layers(kConfig, kConfig, site.path);
  auto templates = layers.files(ConfigPart::Templates);
  CHECK(templates.at("blocks/budget_principle.mustache") ==
        site.path / "templates/blocks/budget_principle.mustache");
  CHECK(templates.at("2024/extra.mustache").parent_path().parent_path() == site.path / "templates");
  CHECK_FALSE(layers.from_site(templates.at("2024/overall.mustache")));
  auto blocks = layers.files(ConfigPart::Blocks);
  CHECK(blocks.count("blocks/budget_principle.mustache") == 1);
  CHECK(blocks.count("2024/overall.mustache") == 0);
  auto cat = layers.files(ConfigPart::Catalog);
  CHECK(layers.from_site(cat.at("function/2025.tsv")));
  CHECK_FALSE(layers.from_site(cat.at("function/2024.tsv")));
  CHECK(find_theme_file(layers, "default") == kConfig / "themes/default.yaml");
  // One lookup for every theme: the same E600 as --theme and a department's theme: (style).
  try {
    find_theme_file(layers, "公文");
    FAIL("no error for a theme that does not exist");
  } catch (const style::ThemeError& e) {
    CHECK(e.code() == "E600");
    CHECK(e.message().find((kConfig / "themes").string()) != std::string::npos);
  }
}

TEST_CASE("a file is listed by its own relative path, also when it is a symlink") {
  test::TempDir site;
  test::spit(site.path / "shared/function-2025.tsv", "201\t一般公共服务支出\n");
  fs::create_directories(site.path / "catalog/function");
  fs::create_symlink("../../shared/function-2025.tsv", site.path / "catalog/function/2025.tsv");
  // Through a directory path that is not normalised: the names stay relative to the layer.
  ConfigLayers layers(kConfig, kConfig, site.path / "catalog" / "..");
  auto cat = layers.files(ConfigPart::Catalog);
  REQUIRE(cat.count("function/2025.tsv") == 1);
  CHECK(test::slurp(cat.at("function/2025.tsv")) == "201\t一般公共服务支出\n");
  for (const auto& [rel, file] : cat) CHECK(rel.find("..") == std::string::npos);
  CHECK(cat.count("function/2024.tsv") == 1);  // the installed defaults stay
}

TEST_CASE("the overlay's theme wins; a Context takes the overlay's catalogue year and block") {
  test::TempDir site;
  test::spit(site.path / "themes/default.yaml", test::slurp(kConfig / "themes/default.yaml"));
  test::spit(
      site.path / "catalog/function/2025.tsv",
      "201\t一般公共服务支出\n20103\t政府办公厅（室）及相关机构事务\n2010301\t行政运行（站点）\n");
  test::spit(site.path / "templates/blocks/budget_principle.mustache", "站点原则。\n");
  Context ctx(ConfigLayers(kConfig, kConfig, site.path));
  CHECK(ctx.theme_file() == site.path / "themes/default.yaml");
  CHECK(find_theme_file(ctx.layers(), "gongwen") == kConfig / "themes/gongwen.yaml");
  const CatalogYear* y = ctx.catalog().for_year(2025);
  REQUIRE(y);
  CHECK(y->function.at("2010301") == "行政运行（站点）");
  CHECK(y->function.count("2010302") == 0);  // the overlay's file replaces the whole year's list
  CHECK(y->economic.count("30101") == 1);    // …but the economic list comes from 2024
  CHECK(ctx.templates().get("blocks/budget_principle") == "站点原则。\n");
}

TEST_CASE("unusable overlays and configuration directories are refused with a Chinese message") {
  test::TempDir tmp;
  CHECK_THROWS_WITH(ConfigLayers(kConfig, kConfig, tmp.path / "none"),
                    Catch::Contains("不存在或不是目录"));
  fs::create_directories(tmp.path / "junk/other");
  CHECK_THROWS_WITH(ConfigLayers(kConfig, kConfig, tmp.path / "junk"),
                    Catch::Contains("site init"));
  CHECK_THROWS_WITH(ConfigLayers(tmp.path / "noconfig", kConfig, {}),
                    Catch::Contains("找不到配置目录"));
}

TEST_CASE(
    "a --config copied elsewhere without templates/ or fonts/ beside it uses the installed ones") {
  test::TempDir tmp;
  fs::copy(kConfig, tmp.path / "config", fs::copy_options::recursive);
  ConfigLayers layers(tmp.path / "config", kConfig, {});
  CHECK(layers.dirs(ConfigPart::Templates).front() == kConfig.parent_path() / "templates");
  CHECK(layers.dirs(ConfigPart::Catalog).front() == tmp.path / "config/catalog");
  CHECK_NOTHROW(Context(ConfigLayers(tmp.path / "config", kConfig, {})));
}
