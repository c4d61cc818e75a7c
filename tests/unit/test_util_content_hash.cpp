// ContentHash (XXH3-64 with fields) and content_hash128_hex (XXH3-128): the published vectors of
// xxHash 0.8 (its output is fixed since 0.8.0: manifests and PDF IDs must not change with the
// library's version), streaming in pieces equal to one pass, and fields framed by their length.
#include <catch2/catch.hpp>

#include <string>

#include "util/content_hash.hpp"

using namespace bp;

TEST_CASE("ContentHash is XXH3-64: the published vectors") {
  CHECK(ContentHash().value() == 0x2D06800538D394C2ULL);  // ""
  CHECK(ContentHash().bytes("abc").value() == 0x78AF5F94892F3950ULL);
  CHECK(ContentHash().hex() == "2d06800538d394c2");
}

TEST_CASE("content_hash128_hex is XXH3-128, high half first") {
  CHECK(content_hash128_hex("") == "99aa06d3014798d86001c324468d497f");
  CHECK(content_hash128_hex("abc").size() == 32);
  CHECK(content_hash128_hex("abc") != content_hash128_hex("abd"));
}

TEST_CASE("ContentHash in pieces equals one pass, across XXH3's internal blocks") {
  std::string data(5000, '\0');
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
  const uint64_t whole = ContentHash().bytes(data).value();
  for (size_t piece : {size_t{1}, size_t{3}, size_t{64}, size_t{240}, size_t{257}, size_t{1024}}) {
    ContentHash h;
    for (size_t at = 0; at < data.size(); at += piece)
      h.bytes(std::string_view(data).substr(at, piece));
    CHECK(h.value() == whole);
  }
  // A byte changed anywhere changes the hash.
  for (size_t at : {size_t{0}, size_t{239}, size_t{2500}, size_t{4999}}) {
    std::string other = data;
    other[at] = static_cast<char>(other[at] ^ 0x80);
    CHECK(ContentHash().bytes(other).value() != whole);
  }
}

TEST_CASE("ContentHash fields are framed by their length") {
  CHECK(ContentHash().field("ab").field("c").value() !=
        ContentHash().field("a").field("bc").value());
  CHECK(ContentHash().field("").field("x").value() != ContentHash().field("x").field("").value());
  CHECK(ContentHash().field("ab").value() == ContentHash().number(2).bytes("ab").value());
  // A moved-from hash's new owner goes on from the same state.
  ContentHash a;
  a.bytes("ab");
  ContentHash b = std::move(a);
  CHECK(b.bytes("c").value() == ContentHash().bytes("abc").value());
}
