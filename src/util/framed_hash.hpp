// The framing of the program's two hashes (Fnv1a64, util/fnv1a.hpp; ContentHash,
// util/content_hash.hpp): a number as its 8 bytes, little endian; a field as its length, then its
// bytes, so that ("ab","c") and ("a","bc") hash differently. `Hash` gives bytes(std::string_view).
#pragma once

#include <cstdint>
#include <string_view>

namespace bp {

template <class Hash>
class FramedHash {
 public:
  Hash& number(uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    return self().bytes(std::string_view(b, 8));
  }
  Hash& field(std::string_view data) {
    number(data.size());
    return self().bytes(data);
  }

 private:
  Hash& self() { return static_cast<Hash&>(*this); }
};

}  // namespace bp
