// Excel worksheet names: what Excel accepts (≤ 31 UTF-16 code units, none of []:*?/\, not starting
// or ending with an apostrophe, not the reserved "History", unique ignoring case) and how a table's
// short title is turned into one.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace bp::xlsx {

inline constexpr size_t kMaxSheetNameUnits = 31;

// Length of UTF-8 text in UTF-16 code units, as Excel counts a sheet name (a character outside the
// BMP counts 2). Invalid bytes count 1 each.
size_t utf16_units(std::string_view utf8);

// A valid sheet name from `want`: invalid UTF-8 bytes, control characters and []:*?/\ become '_',
// leading/trailing apostrophes and spaces are dropped, the result is cut to `max_units` UTF-16
// units on a character boundary. Returns `fallback` if nothing is left or the name is the reserved
// "History".
std::string sanitize_sheet_name(std::string_view want, size_t max_units = kMaxSheetNameUnits,
                                std::string_view fallback = "Sheet");

// Hands out unique sheet names (Excel compares them case-insensitively; ASCII and the Latin-1,
// Greek and Cyrillic letters are folded here). A taken name gets a suffix "(2)", "(3)", …, the base
// shortened so the whole stays within 31 units.
class SheetNamer {
 public:
  std::string unique(std::string_view want);
  // Marks a name as used (e.g. the 目录 sheet).
  void reserve(const std::string& name);
  bool taken(std::string_view name) const;

 private:
  std::set<std::string> folded_;
};

// Case-folded key used to compare sheet names.
std::string fold_sheet_name(std::string_view name);

}  // namespace bp::xlsx
