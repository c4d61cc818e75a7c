#include "util/fnv1a.hpp"

namespace bp {

Fnv1a64& Fnv1a64::number(uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return bytes(std::string_view(b, 8));
}

Fnv1a64& Fnv1a64::field(std::string_view data) {
  number(data.size());
  return bytes(data);
}

std::string hex64(uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = digits[v & 0xf];
  return s;
}

std::string Fnv1a64::hex() const {
  return hex64(h_);
}

}  // namespace bp
