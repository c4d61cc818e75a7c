// The figure extractor of the publication review (src/review/figures): what counts as an amount,
// a quantity, a percentage or a year, and what is deliberately left out.
#include <catch2/catch.hpp>

#include "review/figures.hpp"

using namespace bp::review;

namespace {
std::vector<Figure> of_kind(const char* text, FigureKind k) {
  std::vector<Figure> out;
  for (auto& f : extract_figures(text))
    if (f.kind == k) out.push_back(f);
  return out;
}
}  // namespace

TEST_CASE("amounts with 元, 万元, 亿元 keep their written precision") {
  auto a = of_kind("全年预算38.02万元，其中设备5万元，另有1.2亿元和1,200元", FigureKind::Amount);
  REQUIRE(a.size() == 4);
  CHECK(a[0].number.mantissa == 3802);
  CHECK(a[0].number.decimals == 2);
  CHECK(a[0].fen_per_unit == 1'000'000);
  CHECK(amount_matches(a[0], 38'020'000));
  CHECK_FALSE(amount_matches(a[0], 38'000'000));
  // “5万元” is 4.50–5.49 万元
  CHECK(amount_matches(a[1], 5'490'000));
  CHECK_FALSE(amount_matches(a[1], 5'600'000));
  CHECK(a[2].fen_per_unit == 10'000'000'000);
  CHECK(a[3].number.mantissa == 1200);
  CHECK(a[3].fen_per_unit == 100);
}

TEST_CASE("full-width digits are read") {
  auto a = of_kind("预算１２．５万元", FigureKind::Amount);
  REQUIRE(a.size() == 1);
  CHECK(a[0].number.mantissa == 125);
  CHECK(a[0].number.decimals == 1);
}

TEST_CASE("caps and floors, before and after the number") {
  auto f = extract_figures("≤5万元；不超过6万元；控制在10万元以内；≥95%；不低于3次；50人以上");
  REQUIRE(f.size() == 6);
  CHECK(f[0].rel == Relation::AtMost);
  CHECK(f[1].rel == Relation::AtMost);
  CHECK(f[2].rel == Relation::AtMost);
  CHECK(f[3].rel == Relation::AtLeast);
  CHECK(f[3].kind == FigureKind::Percent);
  CHECK(f[4].rel == Relation::AtLeast);
  CHECK(f[4].kind == FigureKind::Quantity);
  CHECK(f[5].rel == Relation::AtLeast);
}

TEST_CASE("quantities with measure words keep the word") {
  auto q =
      of_kind("购置公务用车2辆、台式计算机3台，培训120人次，面积500平方米", FigureKind::Quantity);
  REQUIRE(q.size() == 4);
  CHECK(q[0].unit == "辆");
  CHECK(q[0].context.find("公务用车") != std::string::npos);
  CHECK(q[1].unit == "台");
  CHECK(q[1].context == "台式计算机");  // the clause starts after 、
  CHECK(q[2].unit == "人次");
  CHECK(q[3].unit == "平方米");
}

TEST_CASE("rates, ranges, titles and formula operands are marked, not totals") {
  auto f = extract_figures("人均值班费≤0.54万元；≤5700元/人；3—5万元；《2021年年鉴》；3×2000元");
  REQUIRE(f.size() == 6);
  CHECK(f[0].per_unit);
  CHECK(f[1].per_unit);
  CHECK(f[2].in_range);
  CHECK(f[3].in_range);
  CHECK(f[4].kind == FigureKind::Year);
  CHECK(f[4].in_title);
  CHECK(f[5].in_formula);
}

TEST_CASE("numbers without a unit, codes and dates are not figures") {
  CHECK(extract_figures("≤28联通每月租金13000、电信10000").empty());
  CHECK(extract_figures("ISO14001第八次换证，A4纸").empty());
  CHECK(extract_figures("3月底完成，12月31日前，4G网络").empty());
}

TEST_CASE("years are four digits followed by 年; durations are quantities") {
  auto f = extract_figures("2023年度预算，2022年完成，设备使用≥6年，2021—2025年规划");
  REQUIRE(f.size() == 5);
  CHECK(f[0].kind == FigureKind::Year);
  CHECK(f[0].number.mantissa == 2023);
  CHECK(f[1].kind == FigureKind::Year);
  CHECK(f[2].kind == FigureKind::Quantity);  // ≥6年
  CHECK(f[3].in_range);
  CHECK(f[4].in_range);
}

TEST_CASE("arithmetic: sums of products, with or without a unit") {
  Arithmetic a;
  REQUIRE(find_arithmetic("会议3次×5万元+培训2次×2万元", a));
  CHECK(a.value == Approx(19));
  CHECK(a.fen_per_unit == 1'000'000);
  Arithmetic b;
  REQUIRE(find_arithmetic("联通每月租金13000×12+电信10000×12", b));
  CHECK(b.value == Approx(276000));
  CHECK(b.fen_per_unit == 0);
  Arithmetic c;
  CHECK_FALSE(find_arithmetic("实际完成数量/计划数量*100%", c));
  CHECK_FALSE(find_arithmetic("保障1+N工作机制", c));  // a sum without a product is not a cost
}
