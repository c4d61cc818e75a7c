// XXH3 (xxHash 0.8, Debian libxxhash-dev, its header compiled in): the hash of what the program
// reads and writes in bulk — the batch manifest's inputs (app/batch_manifest.hpp) and the PDF's
// /ID (pdf/file_writer.cpp). FNV-1a (util/fnv1a.hpp) goes through a byte at a time, each step
// waiting for the multiplication before it (≈ 4 cycles a byte: 0.4–0.5 ms for a 340 KB PDF at the
// end of every build); XXH3 reads 32–64 bytes a step. Its output is fixed by its specification
// since xxHash 0.8.0 (the same on every machine and version), which the manifest needs across
// runs and the PDF across machines. Not cryptographic: it detects accidental change.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/framed_hash.hpp"

namespace bp {

// A streaming XXH3-64 with the manifest's framing (FramedHash: number(), field()).
class ContentHash : public FramedHash<ContentHash> {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(ContentHash&&) noexcept;
  ContentHash& operator=(ContentHash&&) noexcept;

  ContentHash& bytes(std::string_view data);

  uint64_t value() const;
  // 16 lowercase hex digits.
  std::string hex() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// XXH3-128 of `data` as 32 lowercase hex digits (high half first).
std::string content_hash128_hex(std::string_view data);

}  // namespace bp
