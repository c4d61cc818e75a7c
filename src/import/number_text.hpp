// Amounts and codes as workbooks store them, read exactly — never through a double.
//
// The rule for an amount cell (numeric <v> text, a formula's cached <v>, or a text cell):
//  1. Blanks, "-", "—", "－", "/" are zero (an empty cell in a budget table).
//  2. Surrounding spaces (also U+00A0, U+3000) go; full-width digits and ．，－ become ASCII;
//     thousands separators are accepted only where they belong ("2,075.36", "12,345", not "20,75");
//     a leading "-" or "−", or parentheses "(3.20)", make a negative amount; an exponent ("2.5E-3",
//     as Excel writes very small or large numbers) shifts the decimal point.
//  3. A number with more than 15 significant digits is a binary double printed in full (Excel and
//     libxlsxwriter write up to 17: "2075.3600000000001", "2.6749999999999998"); it is first
//     rounded half-up to 15 significant digits, which gives back the decimal that was typed
//     ("2075.36", "2.675"), because every decimal of at most 15 digits survives the trip through a
//     double.
//  4. The result is rounded half away from zero to 2 decimals of the sheet's unit. When that drops
//  a
//     non-zero digit ("2.675" → 2.68), `rounded` is set and the importer warns with the cell.
// Steps 3 and 4 work on the digit string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bp::import {

struct NumberText {
  enum class Status { Blank, Ok, Invalid };
  Status status = Status::Blank;
  int64_t hundredths = 0;  // value × 100 in the sheet's unit (2075.36 → 207536)
  bool rounded = false;    // step 4 dropped a non-zero digit
  std::string error;       // Invalid: why, in Chinese
  bool ok() const { return status != Status::Invalid; }
};

// Values of at most 10^13 units (hundredths below 10^15) are accepted; larger ones are Invalid.
NumberText parse_number_text(std::string_view text);

// Surrounding spaces trimmed (ASCII, U+00A0, U+3000); nothing else changes.
std::string trim_cell_text(std::string_view text);

// A classification code as cells hold it: "2010301", " 201 ", "[2010301]", a numeric cell "201".
// nullopt when the text is not just digits (after trimming and the brackets).
std::optional<std::string> parse_code(std::string_view text);

// "2010301 行政运行", "[2010301]行政运行", "2010301-行政运行" → {"2010301", "行政运行"}; nullopt
// when the text does not start with a code of 3 or more digits followed by a name.
struct CodeAndName {
  std::string code, name;
};
std::optional<CodeAndName> split_code_name(std::string_view text);

// 207536 → "2075.36", -5 → "-0.05".
std::string format_hundredths_text(int64_t hundredths);

}  // namespace bp::import
