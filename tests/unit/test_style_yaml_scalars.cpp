// A theme's numbers (style/yaml_scalars.hpp): the shortcut for plain decimals gives exactly what
// the stream gives, for every spelling the shortcut takes and for those it leaves to the stream
// (octal and hex integers, exponents, signs, blanks, out of range, YAML's .inf and .nan).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "style/yaml_scalars.hpp"

using namespace bp::style;

namespace {

template <typename T>
void same_as_stream(const std::string& text) {
  INFO("text: \"" << text << "\"");
  const std::optional<T> fast = yaml_cpp_number<T>(text);
  const std::optional<T> slow = yaml_cpp_number_by_stream<T>(text);
  REQUIRE(fast.has_value() == slow.has_value());
  if (!fast) return;
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(*slow)) {
      CHECK(std::isnan(*fast));
      return;
    }
    // Bit for bit: -0.0 stays negative, no last-place rounding difference.
    CHECK(std::memcmp(&*fast, &*slow, sizeof(T)) == 0);
  } else {
    CHECK(*fast == *slow);
  }
}

}  // namespace

TEST_CASE("theme numbers: the plain-decimal shortcut reads as the stream", "[style][yaml]") {
  const std::vector<std::string> spellings = {
      "0",
      "-0",
      "7",
      "-7",
      "10.5",
      "-10.5",
      "0.1",
      "0.0",
      "-0.0",
      "12",
      "010",
      "-010",
      "0x1F",
      "017",
      "1e3",
      "1E-2",
      "+5",
      "+5.5",
      " 5",
      "5 ",
      "5\t",
      "5.",
      ".5",
      "-",
      "-.5",
      "",
      "abc",
      "5a",
      "1.2.3",
      "--1",
      "2147483647",
      "2147483648",
      "-2147483648",
      "-2147483649",
      "99999999999999999999",
      "179769313486231570814527423731704356798070567525844996598917476803"
      "15726078002853876058955863276687817154045895351438246423432132688946418276846754670353751698"
      "60466331300020823211245938908215346657123658046391513432116339010400520112311488891840474211"
      "74658437052406734622745718784765626566281342087040640001.5",
      "0.30000000000000004",
      "123456789012345678901234567890.123456789",
      ".inf",
      "-.inf",
      ".nan",
      "+.INF",
      "1_000",
      "٣"};
  for (const auto& s : spellings) {
    same_as_stream<int>(s);
    same_as_stream<double>(s);
  }
  // Random decimals of every length the themes use and more: digits, a point, digits.
  std::mt19937_64 rng(20261207);
  for (int k = 0; k < 20000; ++k) {
    std::string s = rng() % 3 == 0 ? "-" : "";
    const int int_digits = 1 + static_cast<int>(rng() % 12);
    for (int d = 0; d < int_digits; ++d) s += static_cast<char>('0' + rng() % 10);
    if (rng() % 2) {
      s += '.';
      const int frac = 1 + static_cast<int>(rng() % 20);
      for (int d = 0; d < frac; ++d) s += static_cast<char>('0' + rng() % 10);
    }
    same_as_stream<int>(s);
    same_as_stream<double>(s);
  }
}

TEST_CASE("theme booleans as yaml-cpp read them", "[style][yaml]") {
  CHECK(yaml_cpp_bool("true") == true);
  CHECK(yaml_cpp_bool("Off") == false);
  CHECK(yaml_cpp_bool("YES") == true);
  CHECK_FALSE(yaml_cpp_bool("tRue"));
  CHECK_FALSE(yaml_cpp_bool("1"));
}
