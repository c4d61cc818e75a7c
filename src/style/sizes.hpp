// Type sizes of a style: points, or the Chinese 号 names a clerk knows from Word and WPS.
#pragma once

#include <optional>
#include <string_view>

namespace bp::style {

// Chinese type sizes: 初号 42, 小初 36, 一号 26, 小一 24, 二号 22, 小二 18, 三号 16, 小三 15,
// 四号 14, 小四 12, 五号 10.5, 小五 9, 六号 7.5, 小六 6.5, 七号 5.5, 八号 5 (pt).
std::optional<double> hao_size(std::string_view name);

// "10.5", "10.5pt" or a 号 name → points; nullopt when unreadable.
std::optional<double> parse_size(std::string_view text);

}  // namespace bp::style
