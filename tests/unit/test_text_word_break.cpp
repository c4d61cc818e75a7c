// Word-aware breaking of table text: ICU's dictionary words for "zh" and the budget term list
// (config/terms.txt) grade every gap, so that labels break between words (财政拨款|收入), not
// inside them (财政拨/款收入).
#include <catch2/catch.hpp>

#include <filesystem>

#include "text/word_break.hpp"

using namespace bp::text;

namespace {

TermList project_terms() {
  return TermList::load(std::filesystem::path(BP_SOURCE_DIR) / "config/terms.txt");
}

std::string cut(WordBreaker& wb, std::string_view s) {
  std::string out;
  for (const auto& w : wb.words(s)) out += (out.empty() ? "" : "|") + w;
  return out;
}

}  // namespace

TEST_CASE("term list: one term a line, comments and blanks ignored, sorted and unique") {
  auto t = TermList::parse("# 注释\n财政拨款收入  # 行尾注释\n\n  满意度\n满意度\n度\n");
  REQUIRE(t.terms().size() == 2);  // the one-character entry does nothing
  CHECK(t.terms()[0] == U"满意度");
  CHECK(t.terms()[1] == U"财政拨款收入");
  CHECK(t.longest_at(U"的满意度指标", 1) == 3);
  CHECK(t.longest_at(U"的满意度指标", 0) == 0);
  CHECK_THROWS_AS(TermList::load("/nonexistent/terms.txt"), std::runtime_error);
}

TEST_CASE("the project's term list loads and holds the issue's labels") {
  auto t = project_terms();
  CHECK(t.terms().size() > 30);
  for (std::u32string_view term : {U"财政拨款收入", U"一般公共预算", U"政府性基金预算",
                                   U"国有资本经营预算", U"满意度指标", U"小微企业"})
    CHECK(t.longest_at(term, 0) >= term.size());
}

TEST_CASE("dictionary words: gaps inside a word are InWord, between words Free") {
  WordBreaker wb;
  auto j = wb.joins(U"财政拨款收入");
  REQUIRE(j.size() == 6);
  CHECK(j[0] == WordJoin::InWord);  // 财|政
  CHECK(j[1] == WordJoin::Free);    // 财政|拨款
  CHECK(j[2] == WordJoin::InWord);  // 拨|款
  CHECK(j[3] == WordJoin::Free);
  CHECK(j[5] == WordJoin::Free);  // the end
  CHECK(cut(wb, "参加培训的人数") == "参加|培训|的|人数");
}

TEST_CASE("terms join dictionary words; seams of compound terms are InTerm") {
  WordBreaker wb(project_terms());
  auto j = wb.joins(U"财政拨款收入");
  CHECK(j[1] == WordJoin::InTermWord);  // 财政|拨款 inside the term
  CHECK(j[2] == WordJoin::InWord);      // never weaker than the dictionary
  CHECK(j[3] == WordJoin::InTerm);      // 财政拨款|收入: the term 财政拨款 ends here
  auto m = wb.joins(U"满意度指标");
  CHECK(m[2] == WordJoin::InTerm);      // 满意度|指标
  CHECK(m[1] == WordJoin::InTermWord);  // 满意|度
  CHECK(cut(wb, "一般公共预算财政拨款") == "一般公共预算财政拨款");
  CHECK(cut(wb, "政府性基金预算拨款") == "政府性基金预算拨款");
  CHECK(cut(wb, "服务对象满意度指标值") == "服务对象满意度指标|值");
  CHECK(cut(wb, "小微企业份额") == "小微企业|份额");
  CHECK(cut(wb, "网络运维成本") == "网络|运维|成本");
}

TEST_CASE("numbers, Latin words and punctuation are left to the line breaker") {
  WordBreaker wb(project_terms());
  CHECK(cut(wb, "截止时间：2022-12-31") == "截止|时间：|2022-12-31");
  CHECK(cut(wb, "A4黑白打印机") == "A4|黑白|打印机");
  CHECK(cut(wb, "（一）部门职责") == "（一）|部门|职责");
  CHECK(wb.joins(U"").empty());
  CHECK(wb.joins(U"中").size() == 1);
  // Supplementary-plane Han (UTF-16 surrogate pairs) keep the indices aligned.
  auto j = wb.joins(U"\U00020000\U00020001财政");
  CHECK(j.size() == 4);
  CHECK(j[3] == WordJoin::Free);
}
