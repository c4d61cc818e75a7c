// Issue 20 (speed, 20r): the department's front (load, text checks, document blocks) skips work for
// the common case — characters no check can refuse, bytes libyaml cannot refuse, valid UTF-8, keys
// of small maps compared without copies, template text read as views. These tests compare each fast
// path with the full rule it stands in for, over every code point class, so that a skip that is too
// wide fails here.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <variant>

#include "document/template_blocks.hpp"
#include "model/diagnostics.hpp"
#include "model/load.hpp"
#include "model/money.hpp"
#include "model/text_check.hpp"
#include "model/yaml_reader.hpp"
#include "util/char_classes.hpp"
#include "util/utf8.hpp"
#include "util/yaml_tree.hpp"

using namespace bp;

namespace {

std::string hex8(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08X", static_cast<unsigned>(c));
  return buf;
}

// The full rule of model/text_check.hpp: what E016 / E017 refuse in a scalar.
bool refused(char32_t c, bool identifying) {
  return chars::is_noncharacter(c) || chars::is_control(c) || c == 0x2028 || c == 0x2029 ||
         chars::is_bidi_control(c) || (identifying && chars::is_invisible(c));
}

// Lines (1-based) with an E016/E017 report after checking `text`.
std::set<int> reported_lines(const std::string& text) {
  const yaml::Parsed p = yaml::parse(text, {});
  REQUIRE_FALSE(p.problem);
  Diagnostics d("t.yaml");
  check_yaml_texts(p.tree.root(), text, d);
  std::set<int> lines;
  for (const auto& x : d.all()) {
    CHECK((x.code == "E016" || x.code == "E017"));
    lines.insert(x.pos.line);
  }
  return lines;
}

}  // namespace

TEST_CASE("the text check refuses exactly the refused code points, between CJK characters") {
  // Every code point of the BMP and the first supplementary plane's edges, written as a "\U"
  // escape between two Han characters (the escape reaches the check as the character itself),
  // one scalar per line; under `name:` (identifying) and under `notes:` (not).
  std::vector<char32_t> cps;
  for (char32_t c = 1; c < 0x10000; ++c)
    if (!chars::is_surrogate(c)) cps.push_back(c);
  for (char32_t c :
       {0x10000u, 0x1FFFDu, 0x1FFFEu, 0x1FFFFu, 0x20000u, 0x10FFFDu, 0x10FFFEu, 0x10FFFFu})
    cps.push_back(c);
  for (bool identifying : {false, true}) {
    std::string text = identifying ? "name:\n" : "notes:\n";
    for (char32_t c : cps) text += "  - \"中\\U" + hex8(c) + "文\"\n";
    const std::set<int> lines = reported_lines(text);
    size_t expected = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
      const bool want = refused(cps[i], identifying);
      expected += want;
      const bool got = lines.count(static_cast<int>(i) + 2) != 0;
      if (want != got) FAIL("U+" << hex8(cps[i]) << " identifying=" << identifying);
    }
    CHECK(lines.size() == expected);
    CHECK(expected > 60);  // the classes are there at all
  }
}

TEST_CASE("libyaml's refused bytes are found and replaced among multi-byte text") {
  struct Case {
    std::string bytes;
    bool refused;
  } cases[] = {{"\x01", true},         {"\x1F", true},          {"\x7F", true},
               {"\t", false},          {"\r", false},           {"\xC2\x85", true},
               {"\xC2\x9F", true},     {"\xC2\xA0", false},     {"\xE2\x80\xA8", true},
               {"\xE2\x80\xA9", true}, {"\xE2\x80\x9C", false}, {"\xEF\xBF\xBE", true},
               {"\xEF\xBF\xBF", true}, {"\xEF\xBF\xBD", false}, {"\xEF\xBC\x8C", false},
               {"\xE4\xB8\xAD", false}};
  for (const auto& c : cases) {
    const std::string text = "name: 中文" + c.bytes + "部门\nyear: 2024\n";
    Diagnostics d("t.yaml");
    const auto out = replace_refused_chars(text, d);
    INFO(c.bytes.size() << " bytes starting " << int(static_cast<unsigned char>(c.bytes[0])));
    CHECK(out.has_value() == c.refused);
    CHECK(d.all().size() == (c.refused ? 1u : 0u));
    if (c.refused) {
      CHECK(*out == "name: 中文" + std::string(c.bytes.size(), '_') + "部门\nyear: 2024\n");
      CHECK(d.all()[0].pos.line == 1);
      CHECK(d.all()[0].pos.col == 9);  // characters, not bytes: "name: 中文" is 8
    }
  }
}

TEST_CASE("invalid UTF-8 is located by line and character column after valid text") {
  CHECK_FALSE(find_invalid_utf8("abc\n中文\n𠀀\n"));
  CHECK_FALSE(find_invalid_utf8(""));
  auto at = find_invalid_utf8("ab\n中文x\xC0\xAF\n");  // overlong '/' after 3 characters of line 2
  REQUIRE(at);
  CHECK(at->line == 2);
  CHECK(at->col == 4);
  at = find_invalid_utf8("\xED\xA0\x80");  // an encoded surrogate at the very start
  REQUIRE(at);
  CHECK(at->line == 1);
  CHECK(at->col == 1);
  at = find_invalid_utf8("一\n二\n三\xE4\xB8");  // cut off at the end
  REQUIRE(at);
  CHECK(at->line == 3);
  CHECK(at->col == 2);
}

TEST_CASE("duplicate keys are found in small maps and in maps past the linear look-up") {
  for (int keys : {3, 31, 32, 33, 80}) {
    for (int dup_of : {0, keys / 2, keys - 1}) {
      std::string text;
      for (int i = 0; i < keys; ++i) text += "k" + std::to_string(i) + ": 1\n";
      text += "k" + std::to_string(dup_of) + ": 2\n";  // line keys + 1
      text += "other: 3\n";
      const yaml::Parsed p = yaml::parse(text, {});
      REQUIRE_FALSE(p.problem);
      Diagnostics d("t.yaml");
      YamlReader r(d, Unit::Wan);
      std::vector<std::string> names;
      for (int i = 0; i < keys; ++i) names.push_back("k" + std::to_string(i));
      names.push_back("other");
      // check_keys takes an initializer list: every key is allowed through a catch-all below.
      r.check_keys(p.tree.root(), {}, "测试");
      int e005 = 0, e004 = 0;
      for (const auto& x : d.all()) {
        if (x.code == "E005") {
          ++e005;
          CHECK(x.pos.line == keys + 1);
        }
        if (x.code == "E004") ++e004;
      }
      INFO("keys " << keys << " duplicate of " << dup_of);
      CHECK(e005 == 1);
      CHECK(e004 == keys + 1);  // every distinct key is unknown (nothing allowed), once each
    }
  }
}

TEST_CASE("template text becomes blocks: directives, paragraphs, bold spans, punctuation") {
  const std::string text =
      "## 小标题 \r\n"
      "第一行**加粗**，\n"
      "接着一行。。\n"
      "\n"
      "@label 部门职责：\n"
      "@plain 1.条目；。\n"
      "@title 表一\n"
      "@table t\n"
      "@note 注：说明。。\n"
      "普通段\n"
      "@note 单独的注\n"
      "末段";
  int asked = 0;
  auto blocks = text_to_blocks(text, [&](const std::string& name) {
    ++asked;
    CHECK(name == "t");
    doc::Table t;
    t.id = "t";
    return std::vector<doc::Block>{t};
  });
  CHECK(asked == 1);
  REQUIRE(blocks.size() == 9);
  const auto* h = std::get_if<doc::Heading>(&blocks[0]);
  REQUIRE(h);
  CHECK(h->text == "小标题");
  CHECK(h->level == 4);
  const auto* p = std::get_if<doc::Paragraph>(&blocks[1]);
  REQUIRE(p);
  REQUIRE(p->spans.size() == 3);
  CHECK(p->spans[0].text == "第一行");
  CHECK(p->spans[1].text == "加粗");
  CHECK(p->spans[1].bold);
  CHECK(p->spans[2].text == "，接着一行。");  // lines of a paragraph joined, 。。 → 。
  const auto* label = std::get_if<doc::Paragraph>(&blocks[2]);
  REQUIRE(label);
  CHECK(label->style == doc::ParaStyle::Label);
  CHECK(label->spans.at(0).text == "部门职责：");
  const auto* plain = std::get_if<doc::Paragraph>(&blocks[3]);
  REQUIRE(plain);
  CHECK(plain->style == doc::ParaStyle::Plain);
  CHECK(plain->spans.at(0).text == "1.条目。");  // ；。 → 。
  CHECK(std::get<doc::Paragraph>(blocks[4]).style == doc::ParaStyle::TableTitle);
  const auto* t = std::get_if<doc::Table>(&blocks[5]);
  REQUIRE(t);
  REQUIRE(t->notes.size() == 1);  // the note right after the table is the table's
  CHECK(t->notes[0] == "注：说明。");
  CHECK(std::get<doc::Paragraph>(blocks[6]).spans.at(0).text == "普通段");
  const auto* note = std::get_if<doc::Paragraph>(&blocks[7]);
  REQUIRE(note);
  CHECK(note->style == doc::ParaStyle::Note);  // after a paragraph: a note paragraph of its own
  CHECK(std::get<doc::Paragraph>(blocks[8]).spans.at(0).text == "末段");
}
