// Issue 14: the named blocks are defined once (registry ↔ default templates ↔ use in templates), and the
// narrative of crafted departments says what their data says (units, 三公 groups, zero income, 元).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "../support/context.hpp"
#include "../support/fixtures.hpp"
#include "app/context.hpp"
#include "app/document_for.hpp"
#include "app/pipeline.hpp"
#include "document/plain_text.hpp"
#include "model/blocks.hpp"

using namespace bp;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string minimal_with(const std::string& extra) {
  return read(test::source_dir() / "tests/data/minimal.yaml") + extra;
}

std::string text_of(const std::string& yaml) {
  auto c = check_budget_text(yaml, "t.yaml", test::context());
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  return document_to_text(document_for(c, test::context()));
}

std::string squeeze(std::string s) {
  std::erase_if(s, [](char ch) { return ch == ' ' || ch == '\n'; });
  return s;
}

}  // namespace

TEST_CASE("every block has a default template and is used by a template", "[blocks]") {
  const auto dir = test::source_dir() / "templates";
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir / "blocks"))
    files.insert(e.path().stem().string());
  std::string all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".mustache") all += read(e.path());
  std::set<std::string> names;
  for (const auto& d : block_defs()) {
    INFO(d.name);
    CHECK(names.insert(d.name).second);
    CHECK(files.count(d.name));
    CHECK(all.find(std::string("b_") + d.name) != std::string::npos);
    CHECK(find_block(d.name) == &d);
  }
  CHECK(files == names);
  CHECK(find_block("openning") == nullptr);
}

TEST_CASE("a block replaced with figures, and one switched off", "[blocks]") {
  auto t = squeeze(text_of(minimal_with(
      "blocks:\n  opening: 现将{{dept}}{{Y}}年收入{{income_total}}说明如下：\n  no_other_matters: false\n")));
  CHECK(t.find("现将测试局2023年收入100.00万元说明如下：") != std::string::npos);
  CHECK(t.find("依据《中华人民共和国预算法》") == std::string::npos);
  CHECK(t.find("本部门无其他需要说明的事项") == std::string::npos);
}

TEST_CASE("zero income sources listed on request", "[narrative]") {
  auto plain = squeeze(text_of(minimal_with("")));
  CHECK(plain.find("国有资本经营预算拨款收入0.00万元") == std::string::npos);
  auto listed = minimal_with("");
  listed.replace(listed.find("  form: \"2023\"\n"), 15, "  form: \"2023\"\n  list_zero_income: true\n");
  auto t = squeeze(text_of(listed));
  CHECK(t.find("国有资本经营预算拨款收入0.00万元") != std::string::npos);
  CHECK(t.find("一般公共预算拨款收入100.00万元") != std::string::npos);
}

TEST_CASE("三公 last year known only for a group is compared at that level", "[narrative]") {
  auto t = squeeze(text_of(minimal_with(
      "three_public:\n  this_year: {vehicle_purchase: 1.00, vehicle_operation: 2.00, reception: 0.50}\n"
      "  last_year: {vehicle: 4.00, reception: 0.50}\n")));
  CHECK(t.find("公务用车购置及运维费减少1.00万元") != std::string::npos);
  CHECK(t.find("公务用车购置费增加") == std::string::npos);
  CHECK(t.find("与2022年的4.50万元相比减少1.00万元") != std::string::npos);
}

TEST_CASE("分项绩效目标 numbering style and paragraphs", "[narrative]") {
  auto t = text_of(minimal_with(
      "performance:\n  numbering: \"1.\"\n  items:\n    - title: 甲目标\n      goal: |\n        第一段。\n"
      "        第二段。\n    - title: 乙目标\n"));
  CHECK(t.find("1.甲目标") != std::string::npos);
  CHECK(t.find("2.乙目标") != std::string::npos);
  // Two paragraphs: the first line ends its own paragraph.
  CHECK(t.find("第一段。\n") != std::string::npos);
}
