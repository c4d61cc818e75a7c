#include "style/sizes.hpp"

#include <charconv>
#include <string>
#include <utility>

namespace bp::style {

std::optional<double> hao_size(std::string_view name) {
  static constexpr std::pair<std::string_view, double> kSizes[] = {
      {"初号", 42},  {"小初", 36},  {"一号", 26},  {"小一", 24}, {"二号", 22},   {"小二", 18},
      {"三号", 16},  {"小三", 15},  {"四号", 14},  {"小四", 12}, {"五号", 10.5}, {"小五", 9},
      {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5}};
  for (auto [n, v] : kSizes)
    if (n == name) return v;
  return std::nullopt;
}

std::optional<double> parse_size(std::string_view text) {
  if (auto h = hao_size(text)) return h;
  if (text.size() > 2 && text.substr(text.size() - 2) == "pt") text.remove_suffix(2);
  // std::from_chars for double is available in libstdc++ 11+.
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace bp::style
