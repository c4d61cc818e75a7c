// Header labels and header-block parts of the sheets are broken by us (xlsx/label_lines), at the
// typesetter's line-break opportunities, so that LibreOffice and Excel do not wrap them inside a
// date or before a full-width colon.
#include <catch2/catch.hpp>

#include "xlsx/column_widths.hpp"
#include "xlsx/label_lines.hpp"

using bp::xlsx::break_label;
using bp::xlsx::text_units;

TEST_CASE("a label that fits its cell is left alone", "[xlsx]") {
  CHECK(break_label("单位：万元", 14) == "单位：万元");
  CHECK(break_label("项 目", 8) == "项 目");
  CHECK(break_label("一行\n两行", 6) == "一行\n两行");
}

TEST_CASE("a date is never broken, a colon never starts a line", "[xlsx]") {
  // 截止时间： is 10 units, the date 10.5: a cell of 14 units holds either, not both.
  const std::string d = break_label("截止时间：2022-12-31", 14);
  CHECK(d == "截止时间：\n2022-12-31");
  // 价值（金额单位：万元）in a cell of 14 units (12 usable): six characters a line at most.
  const std::string v = break_label("价值（金额单位：万元）", 14);
  CHECK(v.find("\n：") == std::string::npos);
  CHECK(v.find("（\n") == std::string::npos);
  size_t start = 0;
  while (start <= v.size()) {  // every line fits
    const size_t nl = v.find('\n', start);
    CHECK(text_units(v.substr(start, nl == std::string::npos ? nl : nl - start)) <= 12);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

TEST_CASE("no single character on a label's last line when the line before can give one",
          "[xlsx]") {
  // 指标值确定依据 (14 units) in 12 usable units: not 指标值确定依/据.
  const std::string s = break_label("指标值确定依据", 14);
  CHECK(s.find('\n') != std::string::npos);
  CHECK(s.substr(s.rfind('\n') + 1).size() > 3);  // more than one CJK character (3 bytes)
}

TEST_CASE("with the word breaker, labels break between words", "[xlsx]") {
  bp::text::WordBreaker words(
      bp::text::TermList::parse("财政拨款\n财政拨款收入\n万元\n金额单位\n"));
  // 财政拨款收入 (12 units) in 10 usable units: not 财政拨/款收入 or 财政拨款收/入.
  CHECK(break_label("财政拨款收入", 12, 2, &words) == "财政拨款\n收入");
  // The unit stays whole, the colon stays on its line.
  const std::string v = break_label("价值（金额单位：万元）", 11, 2, &words);
  CHECK(v.find("万\n元") == std::string::npos);
  CHECK(v.find("金\n额") == std::string::npos);
  CHECK(v.find("\n：") == std::string::npos);
}

TEST_CASE("a workbook's label breaker remembers each label at each width", "[xlsx]") {
  bp::text::WordBreaker words(bp::text::TermList::parse("财政拨款\n财政拨款收入\n"));
  bp::xlsx::LabelBreaker labels(&words);
  // The same answers as break_label, whatever the order of the questions.
  for (int round = 0; round < 2; ++round)
    for (const char* text : {"财政拨款收入", "截止时间：2022-12-31", "合计", "一行\n两行"})
      for (double width : {6.0, 11.0, 12.0, 30.0}) {
        INFO(text << " at " << width << ", round " << round);
        CHECK(labels(text, width) == break_label(text, width, 2, &words));
        CHECK(labels(text, width, 4) == break_label(text, width, 4, &words));
      }
  // A repeated question is answered from the memo: the same string, not a new one.
  const std::string& first = labels("财政拨款收入", 12);
  CHECK(&labels("财政拨款收入", 12) == &first);
  CHECK(&labels("财政拨款收入", 13) != &first);
}
