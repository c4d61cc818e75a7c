#include "util/content_hash.hpp"

#include <new>

#include "util/fnv1a.hpp"  // hex64

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace bp {

struct ContentHash::State {
  XXH3_state_t xxh;
};

ContentHash::ContentHash() : state_(std::make_unique<State>()) {
  if (XXH3_64bits_reset(&state_->xxh) != XXH_OK) throw std::bad_alloc();
}
ContentHash::~ContentHash() = default;
ContentHash::ContentHash(ContentHash&&) noexcept = default;
ContentHash& ContentHash::operator=(ContentHash&&) noexcept = default;

ContentHash& ContentHash::bytes(std::string_view data) {
  // XXH3_64bits_update fails only on a null state with a non-empty input.
  (void)XXH3_64bits_update(&state_->xxh, data.data(), data.size());
  return *this;
}

uint64_t ContentHash::value() const {
  return XXH3_64bits_digest(&state_->xxh);
}

std::string ContentHash::hex() const {
  return hex64(value());
}

std::string content_hash128_hex(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  return hex64(h.high64) + hex64(h.low64);
}

}  // namespace bp
