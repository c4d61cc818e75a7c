#include "util/fnv1a.hpp"

namespace bp {

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
