// splitmix64's finaliser: spreads the bits of a 64-bit key over the whole word, for the
// open-address tables of the layout's memos (layout/table_grid.cpp, layout/fit_classes.hpp), which
// take the low bits as the slot.
#pragma once

#include <cstdint>

namespace bp {

inline uint64_t mix64(uint64_t key) {
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  key ^= key >> 31;
  return key;
}

}  // namespace bp
