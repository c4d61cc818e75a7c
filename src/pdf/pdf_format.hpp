// Locale-independent number and string formatting for PDF syntax (deterministic bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bp::pdf {

// Fixed-point with at most `decimals` decimals, trailing zeros trimmed ("12.5", "-3", "0").
std::string num(double v, int decimals = 2);
// The same appended to `out` (content streams: no temporary string per number).
void append_num(std::string& out, double v, int decimals = 2);
// <XXXX> hex of a 16-bit code.
void append_hex16(std::string& out, uint32_t code);
// PDF date "D:YYYYMMDDHHmmSSZ" (UTC) from seconds since the epoch.
std::string pdf_date(int64_t epoch);
// Subset tag "ABCDEF" derived from `seed` (stable for the same glyph set).
std::string subset_tag(std::string_view seed);

}  // namespace bp::pdf
