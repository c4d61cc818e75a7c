// FNV-1a 64 (the manifest and shard hash) against the published test vectors, a file's hash, and
// --shard k/N: parsing and that shards cover every department exactly once.
#include <catch2/catch.hpp>

#include <set>

#include "../support/files.hpp"
#include "app/batch.hpp"
#include "util/content_hash.hpp"
#include "util/fnv1a.hpp"
#include "util/hash_files.hpp"

using namespace bp;

TEST_CASE("FNV-1a 64 matches the reference test vectors") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
  CHECK(Fnv1a64().bytes("foo").bytes("bar").value() == fnv1a64("foobar"));
  CHECK(hex64(0xaf63dc4c8601ec8cULL) == "af63dc4c8601ec8c");
  CHECK(hex64(1) == "0000000000000001");
}

TEST_CASE("fields are framed: moving a byte between fields changes the hash") {
  CHECK(Fnv1a64().field("ab").field("c").value() != Fnv1a64().field("a").field("bc").value());
  CHECK(Fnv1a64().field("").field("x").value() != Fnv1a64().field("x").field("").value());
}

TEST_CASE("--shard k/N parses 1-based shards and rejects the rest") {
  auto s = parse_shard("2/8");
  CHECK(s.index == 2);
  CHECK(s.count == 8);
  CHECK(parse_shard("1/1").count == 1);
  for (const char* bad :
       {"0/4", "5/4", "1/0", "2", "/4", "2/", "a/b", "-1/4", "1/4/2", "1.5/4", ""})
    CHECK_THROWS_AS(parse_shard(bad), std::invalid_argument);
}

TEST_CASE("shards partition the departments: each path in exactly one shard") {
  std::vector<std::string> paths;
  for (int i = 0; i < 500; ++i)
    paths.push_back("2024/bureau-" + std::to_string(i % 7) + "/" + std::to_string(100 + i) +
                    ".yaml");
  for (unsigned n : {1u, 2u, 3u, 8u, 13u}) {
    std::vector<size_t> per(n, 0);
    for (const auto& p : paths) {
      int hits = 0;
      for (unsigned k = 1; k <= n; ++k)
        if (in_shard(p, Shard{k, n})) {
          ++hits;
          ++per[k - 1];
        }
      CHECK(hits == 1);
    }
    // Roughly even (a hash, not a round robin): no shard gets less than half its share.
    for (size_t c : per) CHECK(c * n * 2 >= paths.size());
  }
  // Stable: the same path always lands in the same shard (documented: FNV-1a of the bytes).
  CHECK(in_shard("434.yaml", Shard{static_cast<unsigned>(fnv1a64("434.yaml") % 4) + 1, 4}));
}

TEMPLATE_TEST_CASE("a file hashes as its size then its bytes, across the 64 KiB read blocks", "",
                   Fnv1a64, ContentHash) {
  test::TempDir dir("bp-fnv");
  // Sizes around the block boundary, an empty file, and bytes of every value (a zero byte too).
  for (size_t size :
       {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{200000}}) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
    const auto file = dir.path / ("f" + std::to_string(size));
    test::spit(file, bytes);
    TestType from_file;
    hash_file_into(from_file, file);
    TestType expected;
    expected.number(size).bytes(bytes);
    CHECK(from_file.value() == expected.value());
  }
  TestType h;
  CHECK_THROWS_AS(hash_file_into(h, dir.path / "missing"), std::runtime_error);
}
