// is_xml_safe (util/xml_text.hpp) passes the three-byte sequences of most Chinese text without
// decoding them: its answer must still be that of decoding every character, for every sequence of
// up to three bytes from a lead byte above 0x7F, alone, cut off, and between other text.
#include <catch2/catch.hpp>

#include <string>

#include "util/char_classes.hpp"
#include "util/utf8.hpp"
#include "util/xml_text.hpp"

using namespace bp;

namespace {

// Every character decoded and checked (is_xml_safe's former loop).
bool decoded_safe(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid() || !chars::is_xml_char(d.cp)) return false;
    i += d.len;
  }
  return true;
}

}  // namespace

TEST_CASE("is_xml_safe agrees with decoding every character", "[util][xml]") {
  size_t checked = 0, wrong = 0, safe = 0;
  auto check = [&](const std::string& s) {
    ++checked;
    const bool expect = decoded_safe(s);
    if (expect) ++safe;
    if (is_xml_safe(s) != expect && wrong++ == 0) {
      std::string hex;
      for (unsigned char c : s) hex += std::to_string(c) + ' ';
      UNSCOPED_INFO("first disagreement: bytes " << hex);
    }
  };
  for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
    const std::string l(1, static_cast<char>(lead));
    check(l);
    check("a" + l);
    for (unsigned b1 = 0; b1 <= 0xFF; ++b1) {
      const std::string two = l + static_cast<char>(b1);
      check(two);
      for (unsigned b2 = 0x70; b2 <= 0xC5; ++b2) {  // continuation bytes and their neighbours
        const std::string three = two + static_cast<char>(b2);
        check(three);
        check("x" + three + "部");
      }
    }
  }
  CHECK(wrong == 0);
  CHECK(safe > 10000);  // the valid sequences were among them
  CHECK(checked > 100000);
  CHECK(is_xml_safe("部门预算收支总表"));
  CHECK_FALSE(is_xml_safe("部门\xEF\xBF\xBF"));  // U+FFFF
  CHECK_FALSE(is_xml_safe("部\xE9\x83"));        // cut off
  CHECK_FALSE(is_xml_safe("\xED\xA0\x80"));      // a surrogate
}
