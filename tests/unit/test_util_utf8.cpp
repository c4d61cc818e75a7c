// util/utf8: strict decoding (RFC 3629) and encoding, shared by the loader, the typesetter, the
// xlsx and docx backends and the importer.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "util/utf8.hpp"

using namespace bp;

namespace {

// Decodes all of `s` into (code point, length) pairs, invalid bytes as kInvalid.
std::vector<std::pair<char32_t, size_t>> decode_all(std::string_view s) {
  std::vector<std::pair<char32_t, size_t>> out;
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    out.emplace_back(d.cp, d.len);
    i += d.len;
  }
  return out;
}

using Seq = std::vector<std::pair<char32_t, size_t>>;
constexpr char32_t X = utf8::kInvalid;

}  // namespace

TEST_CASE("utf8: valid sequences of every length, including the limits", "[util][utf8]") {
  CHECK(decode_all("a") == Seq{{U'a', 1}});
  CHECK(decode_all("\x7F") == Seq{{0x7F, 1}});
  CHECK(decode_all("\xC2\x80") == Seq{{0x80, 2}});
  CHECK(decode_all("\xDF\xBF") == Seq{{0x7FF, 2}});
  CHECK(decode_all("\xE0\xA0\x80") == Seq{{0x800, 3}});
  CHECK(decode_all("合") == Seq{{U'合', 3}});
  CHECK(decode_all("\xED\x9F\xBF") == Seq{{0xD7FF, 3}});  // just below the surrogates
  CHECK(decode_all("\xEE\x80\x80") == Seq{{0xE000, 3}});  // just above them
  CHECK(decode_all("\xEF\xBF\xBF") == Seq{{0xFFFF, 3}});
  CHECK(decode_all("\xF0\x90\x80\x80") == Seq{{0x10000, 4}});
  CHECK(decode_all("𠀀") == Seq{{0x20000, 4}});
  CHECK(decode_all("\xF4\x8F\xBF\xBF") == Seq{{0x10FFFF, 4}});
  std::string nul(1, '\0');
  CHECK(decode_all(nul) == Seq{{0, 1}});
}

TEST_CASE("utf8: invalid bytes decode as kInvalid of length 1 and resynchronize", "[util][utf8]") {
  CHECK(decode_all("a\xFF"
                   "b") == Seq{{U'a', 1}, {X, 1}, {U'b', 1}});
  CHECK(decode_all("\x80") == Seq{{X, 1}});                     // stray continuation
  CHECK(decode_all("\xF8\x88\x80\x80\x80") == Seq(5, {X, 1}));  // 5-byte form
  CHECK(decode_all("\xC3("
                   "x") == Seq{{X, 1}, {U'(', 1}, {U'x', 1}});  // continuation missing
  CHECK_FALSE(utf8::decode("\xFE", 0).valid());
  CHECK(utf8::decode("合", 0).valid());
}

TEST_CASE("utf8: overlong forms are invalid", "[util][utf8]") {
  CHECK(decode_all("\xC0\xAF") == Seq{{X, 1}, {X, 1}});  // '/' in two bytes
  CHECK(decode_all("\xC1\xBF") == Seq{{X, 1}, {X, 1}});
  CHECK(decode_all("\xE0\x80\xAF") == Seq(3, {X, 1}));  // '/' in three bytes
  CHECK(decode_all("\xE0\x9F\xBF") == Seq(3, {X, 1}));  // U+07FF in three bytes
  CHECK(decode_all("\xF0\x80\x80\xAF") == Seq(4, {X, 1}));
  CHECK(decode_all("\xF0\x8F\xBF\xBF") == Seq(4, {X, 1}));  // U+FFFF in four bytes
}

TEST_CASE("utf8: surrogates and code points past U+10FFFF are invalid", "[util][utf8]") {
  CHECK(decode_all("\xED\xA0\x80") == Seq(3, {X, 1}));      // U+D800
  CHECK(decode_all("\xED\xBF\xBF") == Seq(3, {X, 1}));      // U+DFFF
  CHECK(decode_all("\xF4\x90\x80\x80") == Seq(4, {X, 1}));  // U+110000
  CHECK(decode_all("\xF7\xBF\xBF\xBF") == Seq(4, {X, 1}));  // U+1FFFFF
}

TEST_CASE("utf8: truncated sequences are invalid, never read past the end", "[util][utf8]") {
  const std::string full = "𠀀";  // F0 A0 80 80
  for (size_t n = 1; n < full.size(); ++n) {
    const std::string cut = full.substr(0, n);
    CHECK(decode_all(cut) == Seq(n, {X, 1}));
  }
  // A cut sequence followed by more text: the text after it still decodes.
  CHECK(decode_all("\xE5\x90"
                   "a") == Seq{{X, 1}, {X, 1}, {U'a', 1}});
  // Decoding from the middle of a string_view looks only inside the view.
  const std::string_view view = std::string_view("合计").substr(0, 4);
  CHECK(decode_all(view) == Seq{{U'合', 3}, {X, 1}});
}

TEST_CASE("utf8: encoding round-trips every length", "[util][utf8]") {
  for (char32_t cp : {U'\0', U'a', char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                      U'合', char32_t{0xFFFF}, char32_t{0x10000}, U'𠀀', char32_t{0x10FFFF}}) {
    std::string s;
    utf8::append(s, cp);
    const utf8::Decoded d = utf8::decode(s, 0);
    CHECK(d.cp == cp);
    CHECK(d.len == s.size());
  }
  CHECK(utf8::from_u32(U"“三公”𠀀") == "“三公”𠀀");
}

TEST_CASE("utf8: whole strings: invalid bytes become U+FFFD, length counts code points",
          "[util][utf8]") {
  CHECK(utf8::to_u32("合计2075.36") == U"合计2075.36");
  CHECK(utf8::to_u32("a\xFF"
                     "b") == U"a\uFFFDb");
  CHECK(utf8::to_u32("\xC0\xAF") == U"\uFFFD\uFFFD");
  CHECK(utf8::to_u32("") == U"");
  CHECK(utf8::length("") == 0);
  CHECK(utf8::length("abc") == 3);
  CHECK(utf8::length("合计𠀀") == 3);
  CHECK(utf8::length("a\xFF\xFE") == 3);
}

TEST_CASE("utf8: cutting on a character boundary", "[util][utf8]") {
  const std::string s = "a合b";  // a E5 90 88 b
  CHECK(utf8::floor_boundary(s, 0) == 0);
  CHECK(utf8::floor_boundary(s, 1) == 1);
  CHECK(utf8::floor_boundary(s, 2) == 1);
  CHECK(utf8::floor_boundary(s, 3) == 1);
  CHECK(utf8::floor_boundary(s, 4) == 4);
  CHECK(utf8::floor_boundary(s, s.size()) == s.size());
  CHECK(utf8::is_continuation('\x88'));
  CHECK_FALSE(utf8::is_continuation('\xE5'));
  CHECK_FALSE(utf8::is_continuation('a'));
}
