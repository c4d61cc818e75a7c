// Table-cell text (ParagraphFormat::word_aware): lines end between words of the dictionary and the
// budget term list, never leave one character alone on the last line, and amounts get tabular
// figures from the font. With the real Noto CJK fonts and the project's term list.
#include <catch2/catch.hpp>

#include "../tools/engine_support.hpp"

using namespace bp;
using namespace bp::text;
using Catch::Detail::Approx;

namespace {

constexpr double kSize = 10;  // pt: 1 em = 10 pt

struct Cells {
  testing::Engine e;
  FontChain chain{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};

  std::vector<std::string> set(std::string_view s, double width, bool words = true,
                               Align align = Align::Left, bool balance = false,
                               bool keep_terms = false) {
    ParagraphFormat f;
    f.width = width;
    f.align = align;
    f.balance = balance;
    f.word_aware = words;
    f.keep_terms = keep_terms;
    StyledText run{s, {&chain, kSize, false}};
    std::vector<std::string> out;
    for (const auto& l : e.ctx.typesetter().set({&run, 1}, f)) out.push_back(testing::line_text(l));
    return out;
  }
  Extent measure(std::string_view s) {
    ParagraphFormat f;
    f.width = 1e9;
    f.word_aware = true;
    StyledText run{s, {&chain, kSize, false}};
    return e.ctx.typesetter().measure({&run, 1}, f);
  }
};

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += (s.empty() ? "" : "/") + l;
  return s;
}

}  // namespace

TEST_CASE("cells break between words, not inside them", "[text][cells]") {
  Cells c;
  // 4 em wide: character breaking gives 财政拨款/收入 only by luck; 一般公共预/算 by default.
  CHECK(joined(c.set("一般公共预算财政拨款", 50, false)) == "一般公共预/算财政拨款");
  const auto words = joined(c.set("一般公共预算财政拨款", 50));
  CHECK(words.find("预/算") == std::string::npos);
  CHECK(words.find("拨/款") == std::string::npos);
  CHECK(joined(c.set("满意度指标", 30)) == "满意度/指标");
  CHECK(joined(c.set("国有资本经营预算拨款", 40)) == "国有资本/经营预算/拨款");
}

TEST_CASE("a term wider than the cell breaks at its inner word boundaries", "[text][cells]") {
  Cells c;
  // 财政拨款收入 (a term) in 4 em: 财政拨款/收入, never 财政拨/款收入.
  CHECK(joined(c.set("财政拨款收入", 40)) == "财政拨款/收入");
}

TEST_CASE("no single character on a cell's last line", "[text][cells]") {
  Cells c;
  // Greedy character filling leaves 数 alone: 参加培训的人/数.
  CHECK(joined(c.set("参加培训的人数", 60, false)).find("/数") == std::string::npos);  // body rule
  const auto lines = c.set("参加培训的人数", 60);
  REQUIRE(lines.size() == 2);
  CHECK(lines.back().size() > 3);  // more than one UTF-8 character
  for (std::string_view s :
       {"及年度工作计划", "网络运维成本", "A4黑白打印机", "根据工资委文件要求及年度工作计划"})
    for (double w : {30.0, 40.0, 50.0, 60.0, 70.0}) {
      const auto l = c.set(s, w);
      if (l.size() > 1) CHECK(l.back().size() > 3);
    }
}

TEST_CASE("cell widths: min is the widest word, term_min the widest term, lines listed",
          "[text][cells]") {
  Cells c;
  auto e = c.measure("一般公共预算财政拨款\n其他");
  CHECK(e.min == Approx(2 * kSize));        // 一般 / 公共 / … words of two
  CHECK(e.term_min == Approx(10 * kSize));  // the whole term
  CHECK(e.max == Approx(10 * kSize));
  REQUIRE(e.hard_lines.size() == 2);
  CHECK(e.hard_lines[1] == Approx(2 * kSize));
}

TEST_CASE("centred header cells wrap between words", "[text][cells]") {
  Cells c;
  CHECK(joined(c.set("政府性基金预算拨款", 50, true, Align::Center, true)) ==
        "政府性基金/预算拨款");
  CHECK(joined(c.set("小微企业份额", 40, true, Align::Center, true)) == "小微企业/份额");
}

TEST_CASE("amounts: tabular figures give every digit one width", "[text][cells]") {
  Cells c;
  auto width = [&](std::string_view s, bool tab) {
    ParagraphFormat f;
    f.width = 1e9;
    StyledText run{s, {&c.chain, kSize, tab}};
    auto l = c.e.ctx.typesetter().set({&run, 1}, f);
    return l.at(0).natural;
  };
  // Noto Serif CJK's proportional 1 is narrower than its 8; tabular digits are equal.
  CHECK(width("1111.11", false) < width("8888.88", false) - 0.5);
  CHECK(width("1111.11", true) == Approx(width("8888.88", true)));
  // The text stays one number for search and copy.
  ParagraphFormat f;
  f.width = 1e9;
  StyledText run{"11288.55", {&c.chain, kSize, true}};
  CHECK(testing::line_text(c.e.ctx.typesetter().set({&run, 1}, f).at(0)) == "11288.55");
}

TEST_CASE("an opening bracket starting an unindented paragraph is set flush", "[text][cells]") {
  Cells c;
  ParagraphFormat f;
  f.width = 300;
  StyledText run{"（一）部门职责", {&c.chain, kSize, false}};
  auto l = c.e.ctx.typesetter().set({&run, 1}, f);
  REQUIRE(!l.empty());
  CHECK(l[0].glyphs[0].x == Approx(-kSize / 2));  // the blank half is outside the margin
  f.first_indent = 2 * kSize;                     // an indented paragraph keeps it
  auto m = c.e.ctx.typesetter().set({&run, 1}, f);
  CHECK(m[0].glyphs[0].x == Approx(2 * kSize));
}

TEST_CASE("a compound term breaks at its seams first", "[text][cells]") {
  Cells c;
  CHECK(joined(c.set("满意度指标", 32)) == "满意度/指标");
  CHECK(joined(c.set("一般公共预算财政拨款", 62)) == "一般公共预算/财政拨款");
}

TEST_CASE("header labels keep their terms: a short line rather than a break inside a term",
          "[text][cells]") {
  Cells c;
  // 非财政拨款结转结余 in 4 em: a body cell prefers the fuller line 非财政/拨款… (inside the term
  // 财政拨款); a header label (keep_terms) never breaks inside a term while a word boundary fits.
  const auto label = c.set("非财政拨款结转结余", 40, true, Align::Center, true, true);
  const auto all = joined(label);
  CHECK(all.find("财政/拨款") == std::string::npos);
  CHECK(all.find("非财政/") == std::string::npos);
  // A compound splits between its terms only: 一般公共预算/财政拨款 in 6 em.
  CHECK(joined(c.set("一般公共预算财政拨款", 60, true, Align::Center, true, true)) ==
        "一般公共预算/财政拨款");
  // Widths: min (widest dictionary word) <= seam_min (widest whole term of a compound) <=
  // term_min (every term whole).
  const Extent e = c.measure("一般公共预算财政拨款");
  CHECK(e.min < e.seam_min);
  CHECK(e.seam_min == Approx(60).margin(0.5));
  CHECK(e.term_min == Approx(100).margin(0.5));
  CHECK(c.measure("事业收入").seam_min == Approx(40).margin(0.5));
}
