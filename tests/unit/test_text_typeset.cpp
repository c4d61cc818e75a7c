// The paragraph typesetter on crafted strings, with the real Noto CJK fonts: punctuation width,
// Han–Latin spacing, 禁则 in real line filling, justification widths, single-character last lines,
// font coverage.
#include <catch2/catch.hpp>

#include "../tools/engine_support.hpp"
#include "text/unicode.hpp"
#include "util/utf8.hpp"

using namespace bp;
using namespace bp::text;
using Catch::Detail::Approx;

namespace {

constexpr double kSize = 10;  // pt: 1 em = 10 pt

struct Setter {
  testing::Engine e;
  FontChain chain{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};

  std::vector<Line> set(std::string_view s, double width, Align align = Align::Justify,
                        double first_indent = 0, bool balance = false) {
    ParagraphFormat f;
    f.width = width;
    f.align = align;
    f.first_indent = first_indent;
    f.balance = balance;
    StyledText run{s, {&chain, kSize, false}};
    return e.ctx.typesetter().set({&run, 1}, f);
  }
  Extent measure(std::string_view s) {
    ParagraphFormat f;
    f.width = 1e9;
    StyledText run{s, {&chain, kSize, false}};
    return e.ctx.typesetter().measure({&run, 1}, f);
  }
};

// x of the glyph standing for character `c` (first occurrence) in a line.
double x_of(const Line& l, char32_t c) {
  for (const auto& g : l.glyphs)
    if (g.text[0] == c) return g.x;
  FAIL("character not in line");
  return 0;
}

}  // namespace

TEST_CASE("Han text sets on the em grid; 2-em first-line indent", "[text][typeset]") {
  Setter s;
  auto lines = s.set("部门预算信息公开", 200, Align::Justify, 2 * kSize);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  REQUIRE(g.size() == 8);
  CHECK(g[0].x == Approx(20));
  for (size_t i = 1; i < g.size(); ++i) CHECK(g[i].x - g[i - 1].x == Approx(kSize));
  CHECK(testing::line_text(lines[0]) == "部门预算信息公开");
}

TEST_CASE("quarter-em space between Han and Latin letters or digits", "[text][typeset]") {
  Setter s;
  auto lines = s.set("收入合计2075.36万元", 500, Align::Left);
  REQUIRE(lines.size() == 1);
  const Line& l = lines[0];
  const double digit_start = x_of(l, U'2');
  CHECK(digit_start - x_of(l, U'计') == Approx(kSize + 0.25 * kSize));
  // Inside the number: natural advances only (no space, no stretch).
  const double before_wan = x_of(l, U'万');
  const double number_width = before_wan - digit_start - 0.25 * kSize;
  CHECK(number_width == Approx(s.measure("2075.36").max));
  // Also after a percentage and before Latin words.
  auto l2 = s.set("增长12.5%的GDP数据", 500, Align::Left)[0];
  CHECK(x_of(l2, U'1') - x_of(l2, U'长') == Approx(1.25 * kSize));
  CHECK(x_of(l2, U'的') - x_of(l2, U'%') == Approx(s.measure("%").max + 0.25 * kSize));
  CHECK(x_of(l2, U'G') - x_of(l2, U'的') == Approx(1.25 * kSize));
}

TEST_CASE("no Han–Latin space at a line start or end", "[text][typeset]") {
  Setter s;
  // 10 Han characters fill a 100 pt line exactly; the number starts line 2 at x = 0.
  auto lines = s.set("一二三四五六七八九十2075.36万元", 100);
  REQUIRE(lines.size() == 2);
  CHECK(testing::line_text(lines[0]) == "一二三四五六七八九十");
  CHECK(lines[0].right == Approx(100));
  CHECK(lines[1].glyphs.front().x == Approx(0));
}

TEST_CASE("two adjacent full-width marks take 1.5 em", "[text][typeset]") {
  Setter s;
  auto l = s.set("（一）、“三公”。", 500, Align::Left)[0];
  // ）、 : the closing bracket loses its blank right half.
  CHECK(x_of(l, U'、') - x_of(l, U'）') == Approx(0.5 * kSize));
  // ”。 : likewise.
  CHECK(x_of(l, U'。') - x_of(l, U'”') == Approx(0.5 * kSize));
  // Han next to a mark: full em.
  CHECK(x_of(l, U'）') - x_of(l, U'一') == Approx(kSize));
  // 、“ : the comma's blank half goes; the opening quote keeps its own (1.5 em for the pair).
  CHECK(x_of(l, U'“') - x_of(l, U'、') == Approx(0.5 * kSize));
  // （（ : the second opening bracket moves left into its own blank half.
  auto l2 = s.set("字（（字", 500, Align::Left)[0];
  const auto& g = l2.glyphs;
  REQUIRE(g.size() == 4);
  CHECK(g[2].x - g[1].x == Approx(0.5 * kSize));  // the second （ moved left by its blank half
  CHECK(g[3].x - g[2].x == Approx(1.0 * kSize));
}

TEST_CASE("a full-width mark at a line end is set half width; the line stays flush",
          "[text][typeset]") {
  Setter s;
  // 9 Han + ， = 10 em but the comma's blank half is dropped at the line end: fits 95 pt.
  auto lines = s.set("一二三四五六七八九，十一二三", 95);
  REQUIRE(lines.size() == 2);
  CHECK(testing::line_text(lines[0]) == "一二三四五六七八九，");
  CHECK(lines[0].right == Approx(95));
  // The comma's ink (left half) ends at the measure: its origin is half an em before it.
  CHECK(lines[0].glyphs.back().x == Approx(95 - 0.5 * kSize).margin(0.01));
}

TEST_CASE("禁则 in line filling: a closing mark is never pushed to a line start",
          "[text][typeset]") {
  Setter s;
  // 10 Han fill the line; the following 。 may not start line 2 → 十 moves down with it.
  auto lines = s.set("一二三四五六七八九十。十一", 100);
  REQUIRE(lines.size() >= 2);
  CHECK(testing::line_text(lines[1]).rfind("十。", 0) == 0);
  CHECK(lines[0].right == Approx(100));  // the shorter first line is justified to the measure
  // An opening mark never ends a line: （ goes down with the character after it.
  auto l2 = s.set("一二三四五六七八九（十）一二", 100);
  REQUIRE(l2.size() >= 2);
  CHECK(testing::line_text(l2[0]) == "一二三四五六七八九");
  CHECK(testing::line_text(l2[1]).rfind("（十）", 0) == 0);
}

TEST_CASE("numbers are never broken across lines", "[text][typeset]") {
  Setter s;
  auto lines = s.set("一二三四五六七2,075.36万元", 100);
  REQUIRE(lines.size() == 2);
  CHECK(testing::line_text(lines[0]) == "一二三四五六七");
  CHECK(testing::line_text(lines[1]) == "2,075.36万元");
}

TEST_CASE("balanced centred lines never narrow below the widest number", "[text][typeset]") {
  // A narrow 指标值 cell: the balancing of three or more lines once narrowed the measure until
  // the emergency break split the number ("12333.3" / "3元/月") at the same line count.
  Setter s;
  const double number = s.measure("≤12333.33").min;
  for (double extra : {0.5, 3.0, 8.0, 15.0}) {
    auto lines = s.set("≤12333.33元/月，按季度结算", number + extra, Align::Center, 0, true);
    CHECK(lines.size() >= 3);
    std::string joined;
    for (const auto& l : lines) joined += testing::line_text(l) + "|";
    INFO(joined);
    CHECK(joined.find("12333.33") != std::string::npos);
    CHECK(joined.find("≤|") == std::string::npos);
  }
}

TEST_CASE("justification: every line but the last fills the measure exactly", "[text][typeset]") {
  Setter s;
  const std::string text =
      "2023年收入预算合计2075.36万元，其中：一般公共预算拨款收入2075.36万元，占100%；"
      "政府性基金预算拨款收入0万元。与上年相比增加354.58万元，增长20.6%。";
  for (double width : {123.0, 157.5, 200.0, 333.3}) {
    INFO("width " << width);
    auto lines = s.set(text, width, Align::Justify, 2 * kSize);
    REQUIRE(lines.size() >= 2);
    for (size_t i = 0; i + 1 < lines.size(); ++i)
      CHECK(lines[i].right == Approx(width).margin(0.01));
    CHECK(lines.back().right < width);
    CHECK(lines.back().right == Approx(lines.back().left + lines.back().natural).margin(0.01));
    std::string all;
    for (const auto& l : lines) all += testing::line_text(l);
    CHECK(all == text);  // nothing lost, nothing added
  }
}

TEST_CASE("centre and right alignment", "[text][typeset]") {
  Setter s;
  auto c = s.set("单位：万元", 100, Align::Center)[0];
  CHECK(c.left == Approx((100 - c.natural) / 2));
  auto r = s.set("单位：万元", 100, Align::Right)[0];
  CHECK(r.right == Approx(100));
}

TEST_CASE("a paragraph's last line does not hold a single character", "[text][typeset]") {
  Setter s;
  // 11 Han in a 10-em measure would leave one character alone on line 2.
  auto lines = s.set("一二三四五六七八九十甲", 100);
  REQUIRE(lines.size() == 2);
  CHECK(testing::line_text(lines[1]) == "十甲");
  CHECK(lines[0].right == Approx(100));  // the first line is spread to the measure
  // A last line of one character plus its closing mark is also avoided.
  auto l2 = s.set("一二三四五六七八九十甲。", 100);
  REQUIRE(l2.size() == 2);
  CHECK(testing::line_text(l2[1]) == "十甲。");
}

TEST_CASE("min/max content widths", "[text][typeset]") {
  Setter s;
  auto e = s.measure("合计2075.36");
  CHECK(e.max == Approx(2 * kSize + 0.25 * kSize + s.measure("2075.36").max));
  CHECK(e.min == Approx(s.measure("2075.36").max));  // the number is the widest unbreakable piece
}

TEST_CASE("characters no font covers are recorded with their place, never drawn",
          "[text][typeset]") {
  Setter s;
  s.e.coverage.set_context("table t1 row 3");
  auto lines = s.set("合计\U0010FFFD元", 200);
  REQUIRE_FALSE(s.e.coverage.ok());
  CHECK(s.e.coverage.report().find("U+10FFFD") != std::string::npos);
  CHECK(s.e.coverage.report().find("table t1 row 3") != std::string::npos);
  CHECK_THROWS_AS(s.e.coverage.throw_if_missing(), MissingGlyphsError);
}

TEST_CASE("a character missing from the first font falls back to the next", "[text][typeset]") {
  testing::Engine e;
  auto& fonts = testing::shared_fonts();
  const Font& serif = fonts.get("Noto Serif CJK SC", false);
  const Font& sans = fonts.get("Noto Sans CJK SC", false);
  // U+2F00 (Kangxi radical one) — find a character one font lacks and the other has, if any;
  // otherwise check that the chain order is respected for a common character.
  FontChain chain{{&serif, &sans}};
  char32_t probe = 0;
  for (char32_t c = 0x2000; c < 0x3000 && !probe; ++c)
    if (!serif.covers(c) && sans.covers(c)) probe = c;
  ParagraphFormat f;
  f.width = 200;
  std::string text = "字";
  if (probe) utf8::append(text, probe);
  StyledText run{text, {&chain, kSize, false}};
  auto lines = e.ctx.typesetter().set({&run, 1}, f);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].glyphs[0].font == &serif);
  if (probe) CHECK(lines[0].glyphs[1].font == &sans);
  CHECK(e.coverage.ok());
}

TEST_CASE("fonts are found by family through fontconfig and loaded once", "[text][fonts]") {
  auto& fonts = testing::shared_fonts();
  const Font& a = fonts.get("Noto Serif CJK SC", false);
  const Font& b = fonts.get("Noto Serif CJK SC", false);
  CHECK(&a == &b);
  CHECK(a.postscript_name() == "NotoSerifCJKsc-Regular");  // the SC face of the TTC, not JP
  CHECK(a.is_cff());
  const Font& bold = fonts.get("Noto Serif CJK SC", true);
  CHECK(bold.postscript_name() == "NotoSerifCJKsc-Bold");
  CHECK_THROWS_AS(fonts.get("No Such Family 12345", false), FontError);
}

TEST_CASE("centred two-line titles break where the script changes, else evenly",
          "[text][typeset]") {
  Setter s;
  auto set_centred = [&](std::string_view text, double width) {
    ParagraphFormat f;
    f.width = width;
    f.align = Align::Center;
    f.balance = true;
    StyledText run{text, {&s.chain, kSize, false}};
    return s.e.ctx.typesetter().set({&run, 1}, f);
  };
  // 18 Han + a year + 14 Han in a 28-em measure: the break goes before the year, not after 办公.
  auto t = set_centred("秦皇岛经济技术开发区管理委员会办公室2023年部门预算信息公开情况说明", 280);
  REQUIRE(t.size() == 2);
  CHECK(testing::line_text(t[0]) == "秦皇岛经济技术开发区管理委员会办公室");
  CHECK(testing::line_text(t[1]) == "2023年部门预算信息公开情况说明");
  // Pure Han: two halves (人员/经费, not 人员经/费).
  auto h = set_centred("人员经费", 35);
  REQUIRE(h.size() == 2);
  CHECK(testing::line_text(h[0]) == "人员");
  CHECK(testing::line_text(h[1]) == "经费");
  CHECK(h[0].left == Approx((35 - 20) / 2.0));
}

TEST_CASE("a font in the project's font directory wins over the system's", "[text][fonts]") {
  const Font& system = testing::shared_fonts().get("Noto Sans CJK SC", true);
  auto dir = std::filesystem::temp_directory_path() / "bp_project_fonts";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::create_symlink(system.file(), dir / "ProjectSans-Bold.ttc");
  FontSet fonts({dir});
  const Font& f = fonts.get("Noto Sans CJK SC", true);
  CHECK(f.file().parent_path() == std::filesystem::canonical(dir));
  CHECK(f.postscript_name() == "NotoSansCJKsc-Bold");  // the SC face of the TTC, by FC_INDEX
  std::filesystem::remove_all(dir);
}

TEST_CASE("a text fits on one line exactly from its natural width, for fit() and set() alike",
          "[text][typeset]") {
  // fit() and set() answer one-line texts from the width the line filler would reach (issue 20):
  // at the natural width (a closing mark's blank half at the end trimmed, Han–Latin glue and an
  // opening mark's trim counted) one line, a hundredth of a point less never; fit() counts what
  // set() makes at every width in between.
  Setter s;
  const Prepared none;
  for (std::string_view text : {"一般公共预算财政拨款收入", "合计2075.36万元（含结转）。",
                                "（一）机关运行经费", "项目支出1200.50", "甲乙"}) {
    for (bool word_aware : {false, true})
      for (double indent : {0.0, 5.0}) {
        ParagraphFormat f;
        f.width = 1e9;
        f.indent = indent;
        f.word_aware = word_aware;
        f.keep_terms = word_aware;
        StyledText run{text, {&s.chain, kSize, false}};
        const Prepared p = s.e.ctx.typesetter().prepare({&run, 1}, f);
        const Extent ext = s.e.ctx.typesetter().measure(p, f);
        const double natural = ext.max;  // indent included
        for (double w : {natural, natural + 3, natural - 0.01, natural - 4, natural - 25}) {
          if (w < ext.min) continue;  // narrower than a character: the emergency break
          f.width = w;
          const auto lines = s.e.ctx.typesetter().set(p, f);
          const Fit fit = s.e.ctx.typesetter().fit(p, f);
          INFO(text << " width " << w << " natural " << natural);
          CHECK(fit.lines == static_cast<int>(lines.size()));
          CHECK((w >= natural) == (lines.size() == 1));
          for (const Line& l : lines) CHECK(l.natural <= w - indent + 1e-6);
        }
      }
  }
  CHECK(s.e.ctx.typesetter().fit(none, ParagraphFormat{}).lines == 0);
}

TEST_CASE("fit() counts the lines set() makes at every width, with and without the last-line rules",
          "[text][typeset]") {
  // fit() counts the greedy lines without keeping them and asks the full line filling only when
  // the last of two or more lines holds one character (issue 20z): its count and its single-last
  // flag must be set()'s, whatever the width and the rules.
  Setter s;
  auto counts = [](char32_t c) {
    return c != 0 && c != U' ' &&
           (is_han(c) || is_western_alnum(c) || (c >= 0x3040 && c <= 0x30FF));
  };
  int multi = 0;
  for (std::string_view text :
       {"一般公共预算财政拨款收入", "合计2075.36万元（含结转）。", "（一）机关运行经费",
        "项目支出1200.50", "甲乙", "2023年度部门预算收支总表及说明（单位：万元）",
        "政府性基金预算财政拨款支出 国有资本经营预算财政拨款支出",
        "某某市教育局机关服务中心，某某市第一中学。", "12345678901234567890.12"}) {
    for (int rules = 0; rules < 4; ++rules) {
      ParagraphFormat f;
      f.word_aware = rules & 1;
      f.keep_terms = rules & 1;
      f.avoid_single_char_last_line = rules & 2;
      f.align = Align::Left;
      StyledText run{text, {&s.chain, kSize, false}};
      const Prepared p = s.e.ctx.typesetter().prepare({&run, 1}, f);
      for (double w = 8; w < 260; w += 1.37) {
        f.width = w;
        const auto lines = s.e.ctx.typesetter().set(p, f);
        const Fit fit = s.e.ctx.typesetter().fit(p, f);
        INFO(text << " width " << w << " rules " << rules);
        REQUIRE(fit.lines == static_cast<int>(lines.size()));
        int last = 0;
        for (const PlacedGlyph& g : lines.back().glyphs)
          last += (counts(g.text[0]) ? 1 : 0) + (counts(g.text[1]) ? 1 : 0);
        CHECK(fit.single_last == (lines.size() > 1 && last == 1));
        multi += lines.size() > 1 ? 1 : 0;
      }
    }
  }
  CHECK(multi > 500);  // the widths do wrap the texts
}
