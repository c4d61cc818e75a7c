#include <catch2/catch.hpp>

#include "xlsx/sheet_names.hpp"

using namespace bp::xlsx;

namespace {
std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("sheet names count UTF-16 units as Excel does", "[xlsx]") {
  CHECK(utf16_units("收支总表") == 4);
  CHECK(utf16_units("Sheet1") == 6);
  CHECK(utf16_units("\xF0\xA0\x80\x80") == 2);  // U+20000 (CJK Ext. B) is a surrogate pair
  CHECK(utf16_units("\xFF") == 1);              // invalid byte
}

TEST_CASE("forbidden characters become underscores", "[xlsx]") {
  CHECK(sanitize_sheet_name("收入[2023]:总表") == "收入_2023__总表");
  CHECK(sanitize_sheet_name("a*b?c/d\\e") == "a_b_c_d_e");
  CHECK(sanitize_sheet_name("tab\there") == "tab_here");
  // Full-width look-alikes are allowed by Excel and kept.
  CHECK(sanitize_sheet_name("收入：总表？") == "收入：总表？");
}

TEST_CASE("names are cut to 31 units on a character boundary", "[xlsx]") {
  const std::string cjk31 = repeat("表", 31), cjk40 = repeat("表", 40);
  CHECK(sanitize_sheet_name(cjk31) == cjk31);
  CHECK(sanitize_sheet_name(cjk40) == cjk31);
  CHECK(utf16_units(sanitize_sheet_name(cjk40)) == 31);
  // 16 astral characters are 32 units: only 15 fit, never half a surrogate pair.
  const std::string astral = repeat("\xF0\xA0\x80\x80", 16);
  CHECK(sanitize_sheet_name(astral) == repeat("\xF0\xA0\x80\x80", 15));
  CHECK(sanitize_sheet_name(repeat("x", 30) + "\xF0\xA0\x80\x80") == repeat("x", 30));
}

TEST_CASE("apostrophes and spaces at the ends are dropped, also when the cut exposes them",
          "[xlsx]") {
  CHECK(sanitize_sheet_name("'三公'") == "三公");
  CHECK(sanitize_sheet_name("  ''收支'' ") == "收支");
  CHECK(sanitize_sheet_name("O'Brien") == "O'Brien");
  CHECK(sanitize_sheet_name(repeat("a", 30) + "'b") == repeat("a", 30));
}

TEST_CASE("empty, reserved and invalid names fall back", "[xlsx]") {
  CHECK(sanitize_sheet_name("") == "Sheet");
  CHECK(sanitize_sheet_name("'''") == "Sheet");
  CHECK(sanitize_sheet_name("History") == "Sheet");
  CHECK(sanitize_sheet_name("HISTORY", 31, "表") == "表");
  CHECK(sanitize_sheet_name("History2") == "History2");
  CHECK(sanitize_sheet_name("a\xC3(b") == "a_(b");  // truncated UTF-8 sequence
  CHECK(sanitize_sheet_name("\xC0\xAF") == "__");   // overlong '/'
}

TEST_CASE("unique names ignore case and get a numbered suffix within 31 units", "[xlsx]") {
  SheetNamer n;
  n.reserve("目录");
  CHECK(n.unique("目录") == "目录(2)");
  CHECK(n.unique("Summary") == "Summary");
  CHECK(n.unique("SUMMARY") == "SUMMARY(2)");
  CHECK(n.unique("summary") == "summary(3)");
  CHECK(n.unique("ΣΥΝΟΨΗ") == "ΣΥΝΟΨΗ");
  CHECK(n.unique("σύνοψη") == "σύνοψη");  // accented: a different name
  CHECK(n.unique("συνοψη") == "συνοψη(2)");
  const std::string long31 = repeat("项", 31);
  CHECK(n.unique(long31) == long31);
  const std::string second = n.unique(long31 + "（续）");
  CHECK(second == repeat("项", 28) + "(2)");
  CHECK(utf16_units(second) == 31);
  CHECK(n.taken("(2)") == false);
  CHECK(n.taken(repeat("项", 28) + "(2)"));
  // Several empty titles: distinct fallbacks.
  CHECK(n.unique("") == "Sheet");
  CHECK(n.unique("[]") == "__");
  CHECK(n.unique("") == "Sheet(2)");
}

TEST_CASE("case folding covers full-width Latin and Cyrillic", "[xlsx]") {
  CHECK(fold_sheet_name("ＡＢＣ") == fold_sheet_name("ａｂｃ"));
  CHECK(fold_sheet_name("ДОХОД") == fold_sheet_name("доход"));
  CHECK(fold_sheet_name("收支") == "收支");
}
