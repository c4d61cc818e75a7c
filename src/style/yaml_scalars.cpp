#include "style/yaml_scalars.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <sstream>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

namespace bp::style {

namespace {

// A plain decimal — "-"?, digits, and for a double "." and digits — read by std::from_chars: the
// value the stream gives (both round a decimal correctly), without a stream per number (its
// construction and locale look-ups were ≈ 1 M of the 2.3 M instructions of reading the theme, on
// the path every run takes before its threads start). An integer with a leading zero is octal to
// the stream, so it is left to the stream, as is every other spelling and every value from_chars
// refuses (out of range: the stream decides).
template <typename T>
std::optional<T> plain_decimal(std::string_view text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const size_t first_digit = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  const size_t int_digits = i - first_digit;
  if (int_digits == 0) return std::nullopt;
  if constexpr (std::is_integral_v<T>) {
    if (i != text.size() || (int_digits > 1 && text[first_digit] == '0')) return std::nullopt;
  } else {
    if (i < text.size() && text[i] == '.') {
      const size_t frac = ++i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      if (i == frac) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
  }
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

template <typename T>
std::optional<T> yaml_cpp_number_by_stream(std::string_view text) {
  std::stringstream stream{std::string(text)};
  stream.unsetf(std::ios::dec);
  T v;
  if ((stream >> std::noskipws >> v) && (stream >> std::ws).eof()) return v;
  if constexpr (std::numeric_limits<T>::has_infinity) {
    if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf" || text == "+.Inf" ||
        text == "+.INF")
      return std::numeric_limits<T>::infinity();
    if (text == "-.inf" || text == "-.Inf" || text == "-.INF")
      return -std::numeric_limits<T>::infinity();
  }
  if constexpr (std::numeric_limits<T>::has_quiet_NaN)
    if (text == ".nan" || text == ".NaN" || text == ".NAN")
      return std::numeric_limits<T>::quiet_NaN();
  return std::nullopt;
}

template <typename T>
std::optional<T> yaml_cpp_number(std::string_view text) {
  if (auto v = plain_decimal<T>(text)) return v;
  return yaml_cpp_number_by_stream<T>(text);
}

template std::optional<int> yaml_cpp_number<int>(std::string_view);
template std::optional<double> yaml_cpp_number<double>(std::string_view);
template std::optional<int> yaml_cpp_number_by_stream<int>(std::string_view);
template std::optional<double> yaml_cpp_number_by_stream<double>(std::string_view);

std::optional<bool> yaml_cpp_bool(std::string_view text) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto all = [](std::string_view s, auto pred) { return std::all_of(s.begin(), s.end(), pred); };
  const bool flexible =
      all(text, lower) || (!text.empty() && upper(text[0]) &&
                           (all(text.substr(1), lower) || all(text.substr(1), upper)));
  if (!flexible) return std::nullopt;
  std::string t(text);
  for (char& c : t)
    if (upper(c)) c = static_cast<char>(c + 'a' - 'A');
  for (auto [yes, no] : {std::pair{"y", "n"}, {"yes", "no"}, {"true", "false"}, {"on", "off"}}) {
    if (t == yes) return true;
    if (t == no) return false;
  }
  return std::nullopt;
}

}  // namespace bp::style
