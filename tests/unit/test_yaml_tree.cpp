// Issue 20 (speed): the department file's YAML is parsed by libyaml into util/yaml_tree. The tree
// must mean what yaml-cpp's did to the loader: kinds, nulls, quoted vs plain (tag "!" / "?"),
// duplicate keys, byte columns and the marks of empty values; and every refusal the loader made
// (aliases, node limit, nesting, second document, bad escapes, syntax errors with a Chinese
// message) must still happen, without recursion on deep input.
#include <catch2/catch.hpp>

#include <string>

#include "../support/fixtures.hpp"
#include "../support/budget_text.hpp"
#include "../support/files.hpp"
#include "model/load.hpp"
#include "util/yaml_tree.hpp"

using namespace bp;
using yaml::Kind;
using yaml::Problem;

namespace {

yaml::Parsed parse(const std::string& text, size_t max_nodes = 200000) {
  return yaml::parse(text, {.max_nodes = max_nodes});
}

// Parses text that must be fine and returns the tree (kept alive by the caller's Parsed).
const yaml::Tree& ok(const yaml::Parsed& p) {
  INFO((p.problem ? p.problem->what : std::string()));
  REQUIRE_FALSE(p.problem);
  return p.tree;
}

using test::minimal;

using test::replaced;

const Diagnostic* find(const Diagnostics& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("yaml tree: kinds, nulls, quoted and plain scalars", "[yaml]") {
  const auto p = parse(
      "a: ~\nb: null\nc:\nd: 'null'\ne: \"\"\nf: !!str\ng: Null\nh: NULL\ni: nil\nj: |\n  x\n"
      "k: [1, two]\nl: {m: n}\n");
  const yaml::Node r = ok(p).root();
  REQUIRE(r.is_map());
  CHECK(r.size() == 12);
  for (const char* k : {"a", "b", "c", "g", "h"}) {
    INFO(k);
    CHECK(r[k].is_null());
    CHECK(r[k].tag().empty());
  }
  CHECK(r["d"].is_scalar());
  CHECK(r["d"].scalar() == "null");
  CHECK(r["d"].tag() == "!");  // quoted: what the loader tells apart from a plain false/off
  CHECK(r["e"].is_scalar());
  CHECK(r["e"].scalar().empty());
  CHECK(r["f"].is_scalar());  // an explicit tag makes an empty value a scalar
  CHECK(r["f"].tag() == "tag:yaml.org,2002:str");
  CHECK(r["i"].scalar() == "nil");
  CHECK(r["i"].tag() == "?");
  CHECK(r["j"].scalar() == "x\n");
  CHECK(r["j"].tag() == "!");  // block scalars count as quoted, as in yaml-cpp
  REQUIRE(r["k"].is_seq());
  CHECK(r["k"].size() == 2);
  CHECK(r["k"].tag() == "?");
  std::string items;
  for (const auto& e : r["k"]) items += std::string(e.scalar()) + ";";
  CHECK(items == "1;two;");
  CHECK(r["l"]["m"].scalar() == "n");
  CHECK_FALSE(r["zz"].defined());
  CHECK_FALSE(r["k"]["x"].defined());  // not a map
  CHECK_FALSE(r["zz"]["x"].defined());
  CHECK(r["zz"].size() == 0);
}

TEST_CASE("yaml tree: duplicate keys stay, in order; [] finds the first", "[yaml]") {
  const auto p = parse("x: 1\ny: 2\nx: 3\n");
  const yaml::Node r = ok(p).root();
  CHECK(r.size() == 3);
  CHECK(r["x"].scalar() == "1");
  std::string keys;
  for (auto it = r.begin(); it != r.end(); ++it)
    keys += std::string(it->first.scalar()) + "=" + std::string(it->second.scalar()) + ";";
  CHECK(keys == "x=1;y=2;x=3;");
}

TEST_CASE("yaml tree: positions count bytes, as yaml-cpp did", "[yaml]") {
  const auto p = parse("a: 测试\n名称: 值\n");
  const yaml::Node r = ok(p).root();
  const yaml::Mark v = r["名称"].mark();
  CHECK(v.line == 1);
  CHECK(v.column == 8);  // "名称: " is 8 bytes
  CHECK(v.pos == 18);
  CHECK(r["a"].mark().column == 3);
}

TEST_CASE("yaml tree: an empty value is where the next token starts", "[yaml]") {
  const auto p = parse("b:\n# note\nc: x\nl:\n  -\n  - y\nm:\n  ? k\n");
  const yaml::Node r = ok(p).root();
  CHECK(r["b"].is_null());
  CHECK(r["b"].mark().line == 2);  // the key "c"
  CHECK(r["b"].mark().column == 0);
  const yaml::Node first = *r["l"].begin();
  CHECK(first.is_null());
  CHECK(first.mark().line == 5);  // the next "-"
  CHECK(first.mark().column == 2);
  // A key without ":" (explicit "? key"): the pair's "?".
  const yaml::Node k = r["m"]["k"];
  CHECK(k.is_null());
  CHECK(k.mark().line == 7);
  CHECK(k.mark().column == 2);
}

TEST_CASE("yaml tree: BOM and CRLF", "[yaml]") {
  const auto p = parse(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 名\r\n");
  const yaml::Node r = ok(p).root();
  CHECK(r["a"].mark().column == 3);  // the BOM is not a column
  CHECK(r["b"].scalar() == "名");
  CHECK(r["b"].mark().line == 1);
  CHECK(r["b"].mark().column == 3);
}

TEST_CASE("yaml tree: aliases, node limit, nesting, second document", "[yaml]") {
  SECTION("alias") {
    const auto p = parse("a: &x 1\nb: *x\n");
    REQUIRE(p.problem);
    CHECK(p.problem->kind == Problem::Kind::Alias);
    CHECK(p.problem->mark.line == 1);
    CHECK(p.problem->mark.column == 3);
  }
  SECTION("node limit, counted over every document") {
    const auto p = parse("[1, 2, 3, 4, 5, 6]\n", 5);
    REQUIRE(p.problem);
    CHECK(p.problem->kind == Problem::Kind::TooManyNodes);
    CHECK(p.problem->mark.column == 13);  // the 6th node: "5"
    CHECK_FALSE(parse("[1, 2, 3, 4]\n", 5).problem);
    const auto two = parse("[1, 2]\n---\n[3, 4]\n", 5);
    REQUIRE(two.problem);
    CHECK(two.problem->kind == Problem::Kind::TooManyNodes);
  }
  SECTION("the node limit wins over an alias, an alias over a second document") {
    const auto p = parse("[*a, 1, 2, 3, 4, 5]\n", 5);
    REQUIRE(p.problem);
    CHECK(p.problem->kind == Problem::Kind::TooManyNodes);
    const auto q = parse("a: *x\n---\nb: 1\n");
    REQUIRE(q.problem);
    CHECK(q.problem->kind == Problem::Kind::Alias);
  }
  SECTION("deep nesting: refused at yaml-cpp's depth, no recursion") {
    const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    const auto p = parse(deep);
    REQUIRE(p.problem);
    CHECK(p.problem->kind == Problem::Kind::TooDeep);
    // 498 nested lists under the root map are fine (the innermost list is level 499), one more
    // is not.
    CHECK_FALSE(parse("a: " + std::string(498, '[') + std::string(498, ']') + "\n").problem);
    const auto q = parse("a: " + std::string(499, '[') + std::string(499, ']') + "\n");
    REQUIRE(q.problem);
    CHECK(q.problem->kind == Problem::Kind::TooDeep);
    std::string block = "a:\n";
    for (int i = 0; i < 600; ++i) block += std::string(2 * i, ' ') + "-\n";
    const auto b = parse(block);
    REQUIRE(b.problem);
    CHECK(b.problem->kind == Problem::Kind::TooDeep);
  }
  SECTION("second document") {
    const auto p = parse("a: 1\n---\nb: 2\n");
    REQUIRE(p.problem);
    CHECK(p.problem->kind == Problem::Kind::SecondDocument);
    CHECK(p.tree.root()["a"].scalar() == "1");  // the first document is built
    CHECK_FALSE(parse("---\na: 1\n...\n").problem);
    CHECK_FALSE(parse("# only a comment\n").problem);
    CHECK_FALSE(parse("# only a comment\n").tree.root().defined());
  }
}

TEST_CASE("yaml tree: malformed files, one per error, with Chinese messages", "[yaml]") {
  struct Case {
    const char* text;
    Problem::Kind kind;
    int line, column;
    const char* zh;  // a part of the translated message
  };
  const Case cases[] = {
      {"a: b: c\n", Problem::Kind::Syntax, 0, 4, "此处不能出现“键: 值”"},
      {"a:\n  b: 1\n c: 2\n", Problem::Kind::Syntax, 2, 1, "找不到应有的键"},
      {"a: [1, 2\nb: 3\n", Problem::Kind::Syntax, 1, 1, "方括号"},
      {"a: {x: 1\n", Problem::Kind::Syntax, 1, 0, "花括号"},
      {"a: \"open\nb: 1\n", Problem::Kind::Syntax, 2, 0, "文件意外结束"},
      {"a: \"x\\qy\"\n", Problem::Kind::Syntax, 0, 5, "未知的转义字符"},
      {"a:\n\tb: 1\n", Problem::Kind::Syntax, 1, 0, "不能开始一个值"},
      {"a: @x\n", Problem::Kind::Syntax, 0, 3, "不能开始一个值"},
      {"- a\nb: 1\n", Problem::Kind::Syntax, 1, 0, "找不到应有的“- ”"},
      {"a: \"\\uD800\"\n", Problem::Kind::BadEscape, 0, 10, ""},  // after the escape
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto p = parse(c.text);
    REQUIRE(p.problem);
    CHECK(p.problem->kind == c.kind);
    CHECK(p.problem->mark.line == c.line);
    CHECK(p.problem->mark.column == c.column);
    const std::string zh = yaml::problem_in_chinese(p.problem->what);
    CHECK(zh.find(c.zh) != std::string::npos);
    if (c.kind == Problem::Kind::Syntax) CHECK(zh.find("found") == std::string::npos);
  }
  CHECK(
      yaml::problem_in_chinese("while parsing a flow mapping: did not find expected ',' or '}'") ==
      "解析花括号映射时，找不到应有的“,”或“}”（花括号未闭合）");
  CHECK(yaml::problem_in_chinese("something new") == "something new");  // never lost
}

TEST_CASE("load: syntax errors are E003 with position, Chinese message and the tab hint",
          "[yaml]") {
  Diagnostics d("t.yaml");
  CHECK_FALSE(
      load_budget_text(replaced(minimal(), "  name: 测试局", "\tname: 测试局"), "t.yaml", d));
  const Diagnostic* e = find(d, "E003");
  REQUIRE(e);
  CHECK(e->pos.line == 5);
  CHECK(e->message.rfind("YAML 语法错误：", 0) == 0);
  CHECK(e->hint.find("制表符") != std::string::npos);
  Diagnostics deep("t.yaml");
  CHECK_FALSE(load_budget_text("a: " + std::string(5000, '{'), "t.yaml", deep));
  REQUIRE(find(deep, "E003"));
  CHECK(find(deep, "E003")->message == "YAML 嵌套层次过深");
}

TEST_CASE("load: characters libyaml refuses are E016 where they stand, the rest still checked",
          "[yaml]") {
  SECTION("a control character in a comment") {
    Diagnostics d("t.yaml");
    load_budget_text(
        "# a\x01"
        "b\n" +
            minimal(),
        "t.yaml", d);
    const Diagnostic* e = find(d, "E016");
    REQUIRE(e);
    CHECK(e->pos.line == 1);
    CHECK(e->pos.col == 4);
    CHECK(d.all().size() == 1);
  }
  SECTION("line separators and NEL in scalars, with another problem after them") {
    Diagnostics d("t.yaml");
    std::string t = replaced(minimal(), "name: 测试局", "name: 测试\xE2\x80\xA8局");
    t = replaced(t, "gpb: 100.00", "gpb: 100.001");
    load_budget_text(t, "t.yaml", d);
    const Diagnostic* e = find(d, "E016");
    REQUIRE(e);
    CHECK(e->pos.line == 5);
    CHECK(e->pos.col == 11);
    CHECK(e->message.find("U+2028") != std::string::npos);
    REQUIRE(find(d, "E010"));  // parsing went on
    CHECK(find(d, "E010")->pos.line == 9);
    Diagnostics n("t.yaml");
    load_budget_text(replaced(minimal(), "name: 测试局", "name: \"测试\xC2\x85局\""), "t.yaml", n);
    REQUIRE(find(n, "E016"));
    CHECK(find(n, "E016")->message.find("U+0085") != std::string::npos);
  }
}

TEST_CASE("load: an empty department name points where yaml-cpp pointed", "[yaml]") {
  Diagnostics d("t.yaml");
  load_budget_text(replaced(minimal(), "name: 测试局", "name:"), "t.yaml", d);
  const Diagnostic* e = find(d, "E007");
  REQUIRE(e);
  CHECK(e->pos.line == 6);  // the next key, "year"
  CHECK(e->pos.col == 3);
}
