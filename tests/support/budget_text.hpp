// Test helpers for budget texts: the smallest valid department file and one-place edits of it.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "files.hpp"
#include "fixtures.hpp"

namespace bp::test {

// tests/data/minimal.yaml: a department that checks clean.
inline std::string minimal() {
  return slurp(source_dir() / "tests/data/minimal.yaml");
}

// `text` with the first `a` replaced by `b`; fails the test when `a` is not there, so an edit that
// no longer applies cannot pass silently.
inline std::string replaced(std::string text, const std::string& a, const std::string& b) {
  auto p = text.find(a);
  REQUIRE(p != std::string::npos);
  text.replace(p, a.size(), b);
  return text;
}

}  // namespace bp::test
