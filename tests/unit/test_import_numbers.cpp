// import: amounts and codes read exactly from cell text (number_text.hpp documents the rule).
#include <catch2/catch.hpp>

#include "import/number_text.hpp"

using namespace bp::import;

namespace {
int64_t h(const char* s) {
  auto n = parse_number_text(s);
  INFO(s << ": " << n.error);
  REQUIRE(n.status == NumberText::Status::Ok);
  return n.hundredths;
}
bool blank(const char* s) {
  return parse_number_text(s).status == NumberText::Status::Blank;
}
bool invalid(const char* s) {
  return parse_number_text(s).status == NumberText::Status::Invalid;
}
bool rounded(const char* s) {
  return parse_number_text(s).rounded;
}
}  // namespace

TEST_CASE("import: plain numbers as Excel stores them") {
  CHECK(h("2075.36") == 207536);
  CHECK(h("58") == 5800);
  CHECK(h("0.5") == 50);
  CHECK(h("428.4") == 42840);
  CHECK(h("0") == 0);
  CHECK(h("0.00") == 0);
  CHECK(h("-3.2") == -320);
  CHECK(h("10731.75") == 1073175);
}

TEST_CASE("import: a double printed in full is read back as the decimal typed") {
  CHECK(h("2075.3600000000001") == 207536);
  CHECK_FALSE(rounded("2075.3600000000001"));
  CHECK(h("92.930000000000007") == 9293);
  CHECK(h("0.30000000000000004") == 30);
  CHECK(h("860420.18000000005") == 86042018);
  // 2.675 is 2.67499999999999982236431605997495353221893310546875 as a double: 15 significant
  // digits give back 2.675, which then rounds half-up to 2.68 (a real third decimal: flagged).
  CHECK(h("2.6749999999999998") == 268);
  CHECK(rounded("2.6749999999999998"));
  CHECK(h("11288.549999999999") == 1128855);
  CHECK_FALSE(rounded("11288.549999999999"));
}

TEST_CASE("import: more than two decimals round half away from zero, flagged") {
  CHECK(h("2075.365") == 207537);
  CHECK(rounded("2075.365"));
  CHECK(h("2075.364") == 207536);
  CHECK(h("-2075.365") == -207537);
  CHECK(h("0.004") == 0);
  CHECK(rounded("0.004"));
  CHECK(h("0.005") == 1);
  CHECK(h("1.2300") == 123);
  CHECK_FALSE(rounded("1.2300"));
}

TEST_CASE("import: exponents shift the decimal point") {
  CHECK(h("1E3") == 100000);
  CHECK(h("2.07536E3") == 207536);
  CHECK(h("1.5E-2") == 2);  // 0.015 → 0.02
  CHECK(rounded("1.5E-2"));
  CHECK(h("5E-3") == 1);
  CHECK(h("1.2345678901234E+10") == 1234567890123);  // 12345678901.234 → …901.23
  CHECK(invalid("1E"));
  CHECK(invalid("1E+"));
}

TEST_CASE("import: text cells clerks type") {
  CHECK(h("2,075.36") == 207536);
  CHECK(h(" 58.00 ") == 5800);
  CHECK(h("1,234,567.89") == 123456789);
  CHECK(h("\xC2\xA0"
          "12.5\xE3\x80\x80") == 1250);                                  // NBSP, ideographic space
  CHECK(h("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95") == 1250);  // １２．５
  CHECK(h("\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90") == 100000);  // １，０００
  CHECK(h("(3.20)") == -320);
  CHECK(h("\xE2\x88\x92"
          "3.2") == -320);  // − minus sign
  CHECK(h("+7") == 700);
  CHECK(blank(""));
  CHECK(blank("   "));
  CHECK(blank("-"));
  CHECK(blank("\xE2\x80\x94"));  // —
  CHECK(blank("/"));
}

TEST_CASE("import: what is not an amount") {
  CHECK(invalid("2,07.5"));
  CHECK(invalid("20,75"));
  CHECK(invalid(",123"));
  CHECK(invalid("1,2345"));
  CHECK(invalid("1,234,56"));
  CHECK(invalid("abc"));
  CHECK(invalid("12元"));
  CHECK(invalid("50%"));
  CHECK(invalid("1.2.3"));
  CHECK(invalid("."));
  CHECK(invalid("--5"));
  CHECK(invalid("(-5)"));
  CHECK(invalid("#N/A"));
  CHECK(invalid("99999999999999999"));  // 10^17: beyond what an amount can be
  CHECK(parse_number_text("abc").error.find("不是金额") != std::string::npos);
  CHECK(parse_number_text("20,75").error.find("千位分隔符") != std::string::npos);
}

TEST_CASE("import: codes and code-name cells") {
  CHECK(parse_code("2010301") == "2010301");
  CHECK(parse_code(" 201 ") == "201");
  CHECK(parse_code("[2010301]") == "2010301");
  CHECK(parse_code("\xE3\x80\x90"
                   "30101"
                   "\xE3\x80\x91") == "30101");
  CHECK_FALSE(parse_code("201a"));
  CHECK_FALSE(parse_code(""));
  CHECK_FALSE(parse_code("20.1"));
  auto a = split_code_name("2010301 行政运行");
  REQUIRE(a);
  CHECK(a->code == "2010301");
  CHECK(a->name == "行政运行");
  auto b = split_code_name("[2010301]行政运行");
  REQUIRE(b);
  CHECK(b->code == "2010301");
  CHECK(b->name == "行政运行");
  auto c = split_code_name("201-一般公共服务支出");
  REQUIRE(c);
  CHECK(c->name == "一般公共服务支出");
  CHECK_FALSE(split_code_name("行政运行"));
  CHECK_FALSE(split_code_name("20 行政运行"));
  CHECK_FALSE(split_code_name("2010301"));
  CHECK_FALSE(split_code_name("20103a"));
  auto d = split_code_name("2010301行政运行");
  REQUIRE(d);
  CHECK(d->name == "行政运行");
  CHECK(format_hundredths_text(207536) == "2075.36");
  CHECK(format_hundredths_text(-5) == "-0.05");
  CHECK(format_hundredths_text(0) == "0.00");
}
