#include <catch2/catch.hpp>

#include "model/money.hpp"

using namespace bp;

namespace {
Money wan(const char* s) { return *parse_money(s, Unit::Wan).value; }
std::string err(const char* s, Unit u = Unit::Wan) { return parse_money(s, u).error; }
}  // namespace

TEST_CASE("plain decimals in 万元 parse exactly") {
  CHECK(wan("2075.36").in_fen() == 2075'360'000);
  CHECK(wan("58").in_fen() == 58'000'000);
  CHECK(wan("0.5").in_fen() == 500'000);
  CHECK(wan("0.01").in_fen() == 10'000);
  CHECK(wan("-3.20").in_fen() == -3'200'000);
  CHECK(format_wan(wan("2075.36")) == "2075.36");
  CHECK(format_wan(wan("58")) == "58.00");
  CHECK(format_wan(wan("-0.05")) == "-0.05");
}

TEST_CASE("元 amounts keep 分") {
  auto m = parse_money("12345.67", Unit::Yuan).value;
  REQUIRE(m);
  CHECK(m->in_fen() == 1234567);
  CHECK(format_wan(*m) == "1.23");  // 1.234567 万元 → 1.23
}

TEST_CASE("bad money text is rejected with a reason") {
  CHECK(err("2075.361").find("两位小数") != std::string::npos);
  CHECK(err("1e3").find("科学计数法") != std::string::npos);
  CHECK(err("2,075.36").find("千位分隔符") != std::string::npos);
  CHECK_FALSE(err("NaN").empty());
  CHECK_FALSE(err("inf").empty());
  CHECK_FALSE(err("+5").empty());
  CHECK_FALSE(err("").empty());
  CHECK_FALSE(err("12.").empty());
  CHECK_FALSE(err(".5").empty());
  CHECK_FALSE(err("１２").empty());  // full-width digits
  CHECK_FALSE(err("12 万").empty());
  CHECK_FALSE(err("99999999999999999999").empty());
}

TEST_CASE("display rounding is half-up from 分") {
  // 0.005 万元 = 50 元 rounds up to 0.01; 49.99 元 rounds down.
  CHECK(wan_hundredths(Money::fen(5000)) == 1);
  CHECK(wan_hundredths(Money::fen(4999)) == 0);
  CHECK(wan_hundredths(Money::fen(-5000)) == -1);
  CHECK(wan_hundredths(Money::fen(15000)) == 2);
  CHECK(format_wan_blank(Money()) == "");
  CHECK(format_wan_blank(Money::fen(4999)) == "0.00");  // non-zero but rounds to 0.00: still shown
}

TEST_CASE("percentages are exact and half-up") {
  // 2075.36 vs 1720.78: +354.58 → 20.6058…% → 20.61
  CHECK(*change_rate_hundredths(wan("2075.36"), wan("1720.78")) == 2061);
  CHECK(*change_rate_hundredths(wan("182.87"), wan("188.07")) == -276);  // −2.7649…% → −2.76
  CHECK_FALSE(change_rate_hundredths(wan("1"), Money()).has_value());
  CHECK(*share_hundredths(wan("1892.49"), wan("2075.36")) == 9119);  // 91.188…% → 91.19
  CHECK(format_hundredths(-276) == "-2.76");
}

TEST_CASE("overflow is an error, not a wrap-around") {
  Money big = Money::fen(INT64_MAX);
  CHECK_THROWS(big + Money::fen(1));
  CHECK_THROWS(big * 2);
}
