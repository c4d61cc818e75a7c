// FNV-1a, 64 bit (http://www.isthe.com/chongo/tech/comp/fnv/ — offset basis 0xcbf29ce484222325,
// prime 0x100000001b3): a small, fully specified, dependency-free hash. Assigns departments to
// shards (--shard) and records a catalogue import's source; bulk data (the batch manifest's inputs,
// the PDF's /ID) is hashed with XXH3 (util/content_hash.hpp), which reads 32–64 bytes a step where
// this reads one. Not cryptographic: it guards against accidents, not against an attacker who
// crafts two inputs with the same hash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/framed_hash.hpp"

namespace bp {

class Fnv1a64 : public FramedHash<Fnv1a64> {
 public:
  static constexpr uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
  static constexpr uint64_t kPrime = 0x100000001b3ULL;

  // Raw bytes, exactly as FNV-1a specifies (no framing).
  Fnv1a64& bytes(std::string_view data) {
    for (unsigned char c : data) {
      h_ ^= c;
      h_ *= kPrime;
    }
    return *this;
  }
  // number() and field(): FramedHash.

  uint64_t value() const { return h_; }
  // 16 lowercase hex digits.
  std::string hex() const;

 private:
  uint64_t h_ = kOffsetBasis;
};

inline uint64_t fnv1a64(std::string_view data) {
  return Fnv1a64().bytes(data).value();
}

std::string hex64(uint64_t v);

}  // namespace bp
