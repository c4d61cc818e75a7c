// Table cells that cost the same at every width (issue 20K): the height descent of the column
// widths asks each cell what it costs at the widths it tries (HeightModel's memo, per cell and
// ⅛ pt), and a miss runs the typesetter's fit. Cells with the same prepared text (one Units from
// the prepared memo), the same paragraph format, padding and natural width — 合计, 0.00, －,
// 数量指标 down a column of a document's project tables — are asked at the same widths, and the
// fit is a pure function of the text, the format and the width: one fit per class and exact width
// serves every cell of the class. Keyed by the width's bits, so a hit returns what the cell's own
// fit would have: the descent sees the same values.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "layout/table_grid.hpp"
#include "util/mix64.hpp"

namespace bp::layout {

class FitClasses {
 public:
  FitClasses() = default;
  // `ids[k]`: the class of cell k; cells with equal ids ≥ 0 cost the same at every width. A class
  // of one cell, or -1, is never memoised (nothing could hit it).
  explicit FitClasses(std::vector<int> ids);

  // The cost of cell k at `width`: make() for a class of one, else the class's value at exactly
  // this width (make() on the first ask).
  template <class Make>
  CellFit get(size_t k, double width, Make&& make) {
    const int id = k < ids_.size() ? ids_[k] : -1;
    if (id < 0) return make();
    uint64_t bits;
    std::memcpy(&bits, &width, sizeof bits);
    if (slots_.empty()) grow();
    size_t i = slot(id, bits);
    for (; slots_[i].used; i = (i + 1) & mask_)
      if (slots_[i].bits == bits && slots_[i].id == id) {
        ++hits_;
        return slots_[i].value;
      }
    ++misses_;
    const CellFit value = make();
    if (2 * (size_ + 1) > slots_.size()) {
      grow();
      for (i = slot(id, bits); slots_[i].used; i = (i + 1) & mask_) {
      }
    }
    slots_[i] = {bits, id, true, value};
    ++size_;
    return value;
  }

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Slot {
    uint64_t bits = 0;
    int id = 0;
    bool used = false;
    CellFit value;
  };
  size_t slot(int id, uint64_t bits) const {  // splitmix64's finaliser over both
    return static_cast<size_t>(mix64(bits ^ (static_cast<uint64_t>(id) * 0x9e3779b97f4a7c15ULL))) &
           mask_;
  }
  void grow();

  std::vector<int> ids_;  // per cell; -1: not memoised
  std::vector<Slot> slots_;
  size_t size_ = 0, mask_ = 0;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace bp::layout
