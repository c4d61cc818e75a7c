#include "layout/fit_classes.hpp"

#include <utility>

namespace bp::layout {

FitClasses::FitClasses(std::vector<int> ids) : ids_(std::move(ids)) {
  std::vector<int> members;
  for (int id : ids_)
    if (id >= 0) {
      if (static_cast<size_t>(id) >= members.size()) members.resize(static_cast<size_t>(id) + 1, 0);
      ++members[static_cast<size_t>(id)];
    }
  // A class of one cell: its own memo entry in the descent already answers a repeated width.
  size_t classed = 0;
  for (int& id : ids_) {
    if (id >= 0 && members[static_cast<size_t>(id)] < 2) id = -1;
    classed += id >= 0;
  }
  // A few widths per classed cell are asked: room for two each before the first growth.
  if (classed > 0) {
    size_t n = 64;
    while (n < 4 * classed) n *= 2;
    slots_.assign(n, Slot{});
    mask_ = n - 1;
  }
}

void FitClasses::grow() {  // keeps what is stored
  std::vector<Slot> old = std::move(slots_);
  const size_t n = old.empty() ? 64 : 2 * old.size();
  slots_.assign(n, Slot{});
  mask_ = n - 1;
  for (const Slot& s : old) {
    if (!s.used) continue;
    size_t i = slot(s.id, s.bits);
    while (slots_[i].used) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

}  // namespace bp::layout
