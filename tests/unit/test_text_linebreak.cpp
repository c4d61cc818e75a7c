// Break opportunities: UAX #14 (libunibreak, "zh") refined by the clreq 禁则 rules of
// TYPOGRAPHY.md.
#include <catch2/catch.hpp>

#include "text/linebreak.hpp"
#include "text/unicode.hpp"

using namespace bp::text;

namespace {

// Can a line end between `before` and `after` inside "中文" + before + after + "中文"?
bool can_break_between(const std::u32string& before, const std::u32string& after,
                       Kinsoku level = Kinsoku::Basic) {
  std::u32string s = U"中文" + before + after + U"中文";
  auto b = line_breaks(s, level);
  return b[2 + before.size() - 1] == Break::Allowed;
}

// Positions (after character i) where a line may end.
std::vector<size_t> allowed(const std::u32string& s, Kinsoku level = Kinsoku::Basic) {
  auto b = line_breaks(s, level);
  std::vector<size_t> out;
  for (size_t i = 0; i + 1 < b.size(); ++i)
    if (b[i] == Break::Allowed) out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("Han text may break between any two characters", "[text][linebreak]") {
  CHECK(allowed(U"部门预算") == std::vector<size_t>{0, 1, 2});
  auto b = line_breaks(U"部门");
  CHECK(b.back() == Break::Mandatory);
}

TEST_CASE("禁则: closing marks never start a line", "[text][linebreak]") {
  for (char32_t c : std::u32string(U"、，。．；：！？”’）》」』】〕〗〉·々")) {
    INFO("mark U+" << std::hex << static_cast<unsigned>(c));
    CHECK_FALSE(can_break_between(U"字", std::u32string(1, c)));
  }
}

TEST_CASE("禁则: opening marks never end a line", "[text][linebreak]") {
  for (char32_t c : std::u32string(U"“‘（《「『【〔〖〈")) {
    INFO("mark U+" << std::hex << static_cast<unsigned>(c));
    CHECK_FALSE(can_break_between(std::u32string(1, c), U"字"));
  }
  // …but a line may end before an opening mark and after a closing one.
  CHECK(can_break_between(U"字", U"（"));
  CHECK(can_break_between(U"）", U"字"));
  CHECK(can_break_between(U"”", U"字"));
}

TEST_CASE("—— and …… are never split; strict level keeps them off a line start",
          "[text][linebreak]") {
  CHECK_FALSE(can_break_between(U"—", U"—"));
  CHECK_FALSE(can_break_between(U"…", U"…"));
  CHECK_FALSE(can_break_between(U"\u2E3A", U"\u2E3A"));
  CHECK(can_break_between(U"字", U"——", Kinsoku::Basic));
  CHECK_FALSE(can_break_between(U"字", U"——", Kinsoku::Strict));
  CHECK_FALSE(can_break_between(U"字", U"……", Kinsoku::Strict));
}

TEST_CASE("GB level: no ／ at a line end", "[text][linebreak]") {
  CHECK(can_break_between(U"／", U"字", Kinsoku::Basic));
  CHECK_FALSE(can_break_between(U"／", U"字", Kinsoku::Gb));
}

TEST_CASE("numbers, codes and Latin words are never broken inside", "[text][linebreak]") {
  // 支出2,075.36万元: breaks only at the Han boundaries around the number.
  std::u32string s = U"支出2,075.36万元";
  auto a = allowed(s);
  for (size_t i = 2; i + 1 < 10; ++i) {  // inside "2,075.36" (indices 2..9)
    INFO("after index " << i);
    CHECK(std::find(a.begin(), a.end(), i) == a.end());
  }
  CHECK(std::find(a.begin(), a.end(), 1) != a.end());  // before the number
  CHECK(std::find(a.begin(), a.end(), 9) != a.end());  // after it, before 万

  CHECK(allowed(U"增长12.5%") == std::vector<size_t>{0, 1});  // never inside 12.5%
  CHECK(allowed(U"编码2010301") == std::vector<size_t>{0, 1});
  CHECK(allowed(U"全市GDP核算") == std::vector<size_t>{0, 1, 4, 5});
  // 2023年 may break before 年 but not inside 2023.
  CHECK(allowed(U"2023年") == std::vector<size_t>{3});
  CHECK(allowed(U"2023-12-31") == std::vector<size_t>{});
}

TEST_CASE("a comparison or sign before a number stays with it", "[text][linebreak]") {
  // ≤12333.33元/月: no break after ≤ nor inside the number; 元 may start a line.
  auto a = allowed(U"≤12333.33元/月");
  CHECK(std::find(a.begin(), a.end(), 0) == a.end());
  for (size_t i = 1; i < 8; ++i) CHECK(std::find(a.begin(), a.end(), i) == a.end());
  CHECK(std::find(a.begin(), a.end(), 8) != a.end());
  CHECK(allowed(U"≥95%") == std::vector<size_t>{});
  CHECK(allowed(U"误差±5") == std::vector<size_t>{0, 1});
}

TEST_CASE("newline is a mandatory break", "[text][linebreak]") {
  auto b = line_breaks(U"一\n二");
  CHECK(b[1] == Break::Mandatory);
}

TEST_CASE("the memo of libunibreak's answers gives line_breaks' answer for every canonical letter",
          "[text][linebreak]") {
  // LineBreaker asks libunibreak about 一 for every Han character of U+4E00–U+9FA5, 0 for every
  // digit and a for every ASCII letter: sound only while each of them has its representative's
  // line-break class. Each character is tried between neighbours of many classes (opening and
  // closing marks, quotes, numeric prefixes and postfixes, spaces, hyphens, kana, other scripts).
  const std::u32string neighbours =
      U" \n一a0（）“”‘’《》、，。：；！？—…·%$￥+-/.,:(){}[]\"'#&*〇々ーあア가αЖ〃①";
  LineBreaker memo;
  size_t tried = 0, differ = 0;
  auto check = [&](char32_t c) {
    for (char32_t n : neighbours) {  // the 禁则 level plays no part in libunibreak's answer
      const std::u32string s{n, c, n, c, c};
      ++tried;
      if (memo.breaks(s) != line_breaks(s)) {
        ++differ;
        FAIL_CHECK("U+" << std::hex << static_cast<uint32_t>(c) << " next to U+"
                        << static_cast<uint32_t>(n));
      }
    }
  };
  for (char32_t c = 0x4E00; c <= 0x9FA5; ++c) check(c);
  for (char32_t c = U'0'; c <= U'9'; ++c) check(c);
  for (char32_t c = U'a'; c <= U'z'; ++c) check(c);
  for (char32_t c = U'A'; c <= U'Z'; ++c) check(c);
  CHECK(differ == 0);
  CHECK(tried > 900000);
  CHECK(memo.hits() > memo.misses());  // the memo answered most of them
}

TEST_CASE("the line-break memo keeps the 禁则 of the real text", "[text][linebreak]") {
  LineBreaker memo;
  for (std::u32string s :
       {U"财政拨款收入", U"一般公共预算", U"2,075.36", U"12.5%", U"（一）基本支出", U"项目支出——其他",
        U"≤12333.33", U"a/b／c", U"第1章 总则\n第2章", U"Ⅰ类……Ⅱ类", U"", U"x"}) {
    for (Kinsoku level : {Kinsoku::Basic, Kinsoku::Gb, Kinsoku::Strict}) {
      CHECK(memo.breaks(s, level) == line_breaks(s, level));
      CHECK(memo.breaks(s, level) == line_breaks(s, level));  // from the memo now
    }
  }
  CHECK(memo.hits() > 0);
}
