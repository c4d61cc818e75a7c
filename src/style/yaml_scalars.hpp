// A theme's scalars read as yaml-cpp 0.7's `as<T>()` read them (the theme is parsed by libyaml into
// util/yaml_tree since issue 20p; yaml-cpp's scanner cost ≈ 12 M instructions per run for this one
// file), so that a theme reads and fails as before:
//  * numbers as through a std::stringstream (`>> std::noskipws`, then only blanks), with the
//    basefield unset (an int may be 0x1F or 017), else YAML's .inf / -.inf / .nan spellings;
//  * booleans y/n, yes/no, true/false, on/off in lower case, UPPER case or Capitalised.
#pragma once

#include <optional>
#include <string_view>

namespace bp::style {

// T: int or double.
template <typename T>
std::optional<T> yaml_cpp_number(std::string_view text);

// The stream's reading alone, for every spelling (yaml_cpp_number takes a shortcut for plain
// decimals that must give the same value: tests/unit/test_style_yaml_scalars.cpp).
template <typename T>
std::optional<T> yaml_cpp_number_by_stream(std::string_view text);

std::optional<bool> yaml_cpp_bool(std::string_view text);

}  // namespace bp::style
