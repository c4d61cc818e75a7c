// Line-break opportunities for Chinese text: UAX #14 (libunibreak, language "zh") refined by the
// clreq 禁则 rules of TYPOGRAPHY.md. Pure function of the text; widths are the typesetter's job.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace bp::text {

enum class Break : uint8_t {
  Mandatory,   // hard break (newline, end of text)
  Allowed,     // a line may end after this character
  Prohibited,  // never end a line here
};

// clreq levels. Basic: closing marks never start, opening marks never end a line; ——/…… unsplit.
// Gb adds: no ／ at a line end. Strict adds: no —— or …… at a line start.
enum class Kinsoku { Basic, Gb, Strict };

// breaks[i] is the opportunity after text[i]; breaks.back() is always Mandatory.
// Never inside a number (2,075.36  12.5%  2010301) or a Latin word.
std::vector<Break> line_breaks(std::u32string_view text, Kinsoku level = Kinsoku::Basic);

}  // namespace bp::text
