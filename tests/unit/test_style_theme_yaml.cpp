// Issue 20p: themes are parsed by libyaml (util/yaml_tree) instead of yaml-cpp. A theme must read
// and fail as it did: every number, integer and boolean of a theme is converted as yaml-cpp 0.7's
// as<T>() converted it — checked here against yaml-cpp itself (the unit tests link it) over
// spellings that one or the other might read differently —, aliases stand for their anchors, the
// stream ends with its first document, and a bad value is still FILE:LINE:COL at the value.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <fstream>

#include "layout/theme.hpp"
#include "util/yaml_tree.hpp"

using bp::layout::Theme;
using bp::layout::ThemeError;

namespace {

std::filesystem::path write_theme(const std::string& yaml) {
  auto p = std::filesystem::temp_directory_path() / "bp_theme_yaml_20p.yaml";
  std::ofstream(p) << yaml;
  return p;
}

// The message of loading `yaml`, or "" when it loads.
std::string error_of(const std::string& yaml) {
  try {
    (void)Theme::load(write_theme(yaml));
    return "";
  } catch (const ThemeError& e) {
    return e.what();
  }
}

// Scalars a hand-written theme might hold where a number or a flag belongs.
const char* const kScalars[] = {
    "12",         "10.5",       "-3",          "+4.5",       ".5",    "5.",    "1e3",   "1E-2",
    "1e",         "0x10",       "017",         "08",         "1_000", "0.5.1", "12pt",  "12 ",
    " 12",        "\"12\"",     "'7'",         "",           "~",     "null",  ".inf",  "-.inf",
    "+.INF",      ".Inf",       ".nan",        ".NaN",       "nan",   "inf",   "9e999", "-9e999",
    "2147483647", "2147483648", "-2147483649", "0x7fffffff", "abc",   "小四",  "true",  "false",
    "True",       "FALSE",      "tRue",        "yes",        "No",    "ON",    "off",   "y",
    "Y",          "n",          "N",           "oN",         "1",     "0",     "t",     "yess",
    "!!str 3",    "!!float 2"};

// yaml-cpp's reading of `scalar` as T (the oracle), or nullopt when as<T>() throws.
template <typename T>
std::optional<T> yaml_cpp_reads(const std::string& scalar) {
  try {
    return YAML::Load("v: " + scalar)["v"].as<T>();
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

bool same_double(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("theme numbers, integers and flags convert as yaml-cpp's as<T>() did", "[style][theme]") {
  for (const char* s : kScalars) {
    const std::string scalar = s;
    INFO("scalar: [" << scalar << "]");
    {  // a number: table.padding_x
      const std::string yaml = "table:\n  padding_x: " + scalar + "\n";
      const auto want = yaml_cpp_reads<double>(scalar);
      if (want) {
        const Theme t = Theme::load(write_theme(yaml));
        CHECK(same_double(t.table.padding_x, *want));
      } else {
        const std::string e = error_of(yaml);
        CHECK(e.find("table.padding_x 不对：应为数字") != std::string::npos);
        // At the value; an empty value's mark is where the next token starts: the end, 3:1.
        CHECK(e.find(scalar.empty() ? "bp_theme_yaml_20p.yaml:3:1:"
                                    : "bp_theme_yaml_20p.yaml:2:") != std::string::npos);
      }
    }
    {  // an integer: table.min_rows_after_head
      const std::string yaml = "table:\n  min_rows_after_head: " + scalar + "\n";
      const auto want = yaml_cpp_reads<int>(scalar);
      if (want) {
        CHECK(Theme::load(write_theme(yaml)).table.min_rows_after_head == *want);
      } else {
        CHECK(error_of(yaml).find("table.min_rows_after_head 不对：应为整数") != std::string::npos);
      }
    }
    {  // a flag: pdf.tagged
      const std::string yaml = "pdf:\n  tagged: " + scalar + "\n";
      const auto want = yaml_cpp_reads<bool>(scalar);
      if (want) {
        CHECK(Theme::load(write_theme(yaml)).pdf_tagged == *want);
      } else {
        CHECK(error_of(yaml).find("pdf.tagged 不对：应为 true 或 false") != std::string::npos);
      }
    }
  }
}

TEST_CASE("theme positions: a bad value, an unknown key, a bad key are FILE:LINE:COL at them",
          "[style][theme]") {
  // The column of an empty value is where the next token starts (yaml-cpp's mark).
  const std::string empty = error_of("table:\n  padding_x:\n  rule: 0.5\n");
  CHECK(empty.find("bp_theme_yaml_20p.yaml:3:3: ") != std::string::npos);
  CHECK(empty.find("table.padding_x 不对：应为数字") != std::string::npos);
  CHECK(error_of("styles:\n  body:\n    szie: 12\n").find("bp_theme_yaml_20p.yaml:3:5") !=
        std::string::npos);
  // A key that is null reads as "null" (yaml-cpp's as<std::string>() of a null node).
  CHECK(error_of("table:\n  ~: 1\n").find("table.null 不对：未知的键") != std::string::npos);
  // A key that is a collection was yaml-cpp's uncaught "bad conversion"; now E601 at the key.
  CHECK(error_of("table:\n  ? [a]\n  : 1\n").find("bp_theme_yaml_20p.yaml:2:5") !=
        std::string::npos);
  // A syntax error: FILE:LINE:COL and the problem in Chinese.
  const std::string syntax = error_of("fonts: [unclosed\n");
  CHECK(syntax.find("主题文件不是有效的 YAML（") != std::string::npos);
  CHECK(syntax.find("bp_theme_yaml_20p.yaml:2:") != std::string::npos);
}

TEST_CASE("theme aliases stand for their anchors; the first document is the theme",
          "[style][theme]") {
  const Theme t = Theme::load(write_theme(
      "styles:\n  body: &b {size: 三号, bold: true}\n  note: *b\ntable:\n  rule: &w 0.3\n"
      "  frame: *w\n"));
  CHECK(t.note.size == 16);
  CHECK(t.note.bold);
  CHECK(t.table.frame == 0.3);
  // An alias is the anchor's node: an error inside it points at the anchor's text.
  CHECK(error_of("styles:\n  body: &b {size: 三号}\n  note: *b\n  heading1: {size: 大四}\n")
            .find("bp_theme_yaml_20p.yaml:4:20") != std::string::npos);
  // An alias without its anchor; an alias of the collection that holds it.
  CHECK(error_of("table:\n  rule: *nope\n").find("别名 *nope 没有对应的锚点") != std::string::npos);
  CHECK(error_of("table: &t\n  rule: *t\n").find("bp_theme_yaml_20p.yaml:2:9") !=
        std::string::npos);
  // What follows the first document is not read (yaml-cpp's LoadFile read one document).
  CHECK(Theme::load(write_theme("table:\n  rule: 0.7\n---\ntable: [unclosed\n")).table.rule == 0.7);
  CHECK(Theme::load(write_theme("table:\n  rule: 0.7\n...\n%%%\n")).table.rule == 0.7);
}

TEST_CASE("yaml_tree: resolve_aliases shares the anchor's node, first_document_only stops",
          "[style][yaml]") {
  bp::yaml::ParseLimits how;
  how.resolve_aliases = true;
  how.first_document_only = true;
  const auto p = bp::yaml::parse("a: &x [1, 2]\nb: *x\nc: &x 3\nd: *x\n---\n[", how);
  REQUIRE_FALSE(p.problem);
  const auto root = p.tree.root();
  CHECK(root["b"].size() == 2);
  CHECK(root["b"].mark().line == root["a"].mark().line);  // the same node
  CHECK(root["d"].scalar() == "3");                       // a redefined anchor: the later node
  // Without the options (department files), the alias and the second document are problems.
  const auto strict = bp::yaml::parse("a: &x 1\nb: *x\n", {});
  REQUIRE(strict.problem);
  CHECK(strict.problem->kind == bp::yaml::Problem::Kind::Alias);
}
