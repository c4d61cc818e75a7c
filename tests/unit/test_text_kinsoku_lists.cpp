// The 禁则 lists the DOCX hands to Word (text/kinsoku_lists) against the sets our own line
// breaker uses (text/unicode): one definition of the rules, so a CJK mark Word is told to keep
// off a line start or end must be one our PDF keeps there too.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/kinsoku_lists.hpp"
#include "text/unicode.hpp"
#include "util/utf8.hpp"

using namespace bp;

namespace {
std::vector<char32_t> non_ascii(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    REQUIRE(d.valid());
    if (d.cp > 0x7F) out.push_back(d.cp);
    i += d.len;
  }
  return out;
}
}  // namespace

TEST_CASE("kinsoku lists: every CJK mark of the basic level is in the line breaker's set") {
  const text::KinsokuLists basic = text::kinsoku_lists(text::Kinsoku::Basic);
  const auto ends = non_ascii(basic.no_line_end);
  const auto starts = non_ascii(basic.no_line_start);
  REQUIRE(ends.size() >= 10);
  REQUIRE(starts.size() >= 20);
  for (char32_t cp : ends) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(text::is_no_line_end(cp));
  }
  for (char32_t cp : starts) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(text::is_no_line_start(cp));
  }
}

TEST_CASE(
    "kinsoku lists: gb adds ／ at no line end, strict adds the dash and ellipsis at no line "
    "start") {
  const auto basic = text::kinsoku_lists(text::Kinsoku::Basic);
  const auto gb = text::kinsoku_lists(text::Kinsoku::Gb);
  const auto strict = text::kinsoku_lists(text::Kinsoku::Strict);
  CHECK(basic.no_line_end.find("／") == std::string::npos);
  CHECK(gb.no_line_end == basic.no_line_end + "／");
  CHECK(gb.no_line_start == basic.no_line_start);
  CHECK(strict.no_line_end == gb.no_line_end);
  CHECK(strict.no_line_start == basic.no_line_start + "—…");
  for (char32_t cp : non_ascii("—…")) CHECK(text::is_dash_or_ellipsis(cp));
}
