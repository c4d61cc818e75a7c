// The 禁则 sets of each level as character lists, for formats that carry them as such (the DOCX's
// settings.xml w:noLineBreaksAfter / w:noLineBreaksBefore). Our own line breaker tests characters
// with text/unicode.hpp (is_no_line_start, is_no_line_end) and text/linebreak.cpp; these lists
// are the part of those sets Word and WPS know, plus the ASCII marks UAX #14 already keeps there
// (a unit test checks that every CJK character listed here is in our breaker's set).
#pragma once

#include <string>

#include "text/linebreak.hpp"

namespace bp::text {

struct KinsokuLists {
  std::string no_line_end;    // UTF-8: characters a line may not end with (opening marks)
  std::string no_line_start;  // UTF-8: characters a line may not start with (closing marks)
};

// clreq "basic" (TYPOGRAPHY.md); "gb" adds ／ at no line end, "strict" adds — and … at no line
// start.
KinsokuLists kinsoku_lists(Kinsoku level);

}  // namespace bp::text
