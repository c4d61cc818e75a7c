// Fingerprint of layout::column_widths over 600 seeded random tables (spans, rowspans, rows not
// counted, profile weights; each without and with an exact cost), for refactors of the width
// descent that must keep every result bit for bit (issue 20i). Not a test: build it against two
// source trees and compare the printed hashes, e.g. from the repository root
//
//   INC=$(for d in build/layers/*; do printf -- '-I%s ' "$d"; done)
//   FP=bench/layout/column_widths_fingerprint.cpp
//   g++ -O2 -std=c++20 $INC $FP OLD/src/layout/table_grid.cpp -o /tmp/fp-old
//   g++ -O2 -std=c++20 $INC $FP src/layout/table_grid.cpp -o /tmp/fp-new
//   /tmp/fp-old; /tmp/fp-new   # the same 16 hex digits, or some width changed
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include "layout/table_grid.hpp"
using namespace bp::layout;
int main() {
  std::mt19937 rng(15);
  auto real = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto whole = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](double v) {
    uint64_t b;
    std::memcpy(&b, &v, 8);
    h = (h ^ b) * 1099511628211ULL;
  };
  for (int round = 0; round < 600; ++round) {
    const int cols = whole(2, 9), rows = whole(2, 40);
    std::vector<CellExtent> e;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const bool head = r == 0;
        if (!head && c % 3 == 2 && round % 2 == 0) continue;
        const double min = real(10, 40), max = min + (whole(0, 2) ? real(0, 250) : 0);
        int span = (c + 1 < cols && whole(0, 9) == 0) ? 2 : 1;
        CellExtent x{c, span, min, max};
        x.hard_min = head ? real(min, max) : 0;
        x.term_min = head ? max : 0;
        x.lines = {max - 7};
        x.pad = 7;
        x.row = (round % 5 == 0 && whole(0, 7) == 0) ? -1 : r;
        x.rowspan = (x.row >= 0 && r + 1 < rows && whole(0, 12) == 0) ? 2 : 1;
        x.kind = head ? CellExtent::Kind::Head
                      : (whole(0, 5) == 0 ? CellExtent::Kind::Filler : CellExtent::Kind::Body);
        e.push_back(x);
        if (span == 2) ++c;
      }
    std::vector<int> weights;
    if (round % 3 == 0)
      for (int c = 0; c < cols; ++c) weights.push_back(whole(1, 20));
    const double total = real(150, 700);
    CellCost cost = [&](size_t k, double w) {
      const double a = std::max(1.0, w - e[k].pad);
      const double n = std::ceil((e[k].max - e[k].pad) / a);
      const double rest = (e[k].max - e[k].pad) - (n - 1) * a;
      return CellFit{
          n + (n > 1 ? 1.0 / 3 : 0) + (e[k].max > w ? 0.25 * (e[k].max - w) / e[k].max : 0),
          rest < 12 && n > 1 ? 2.0 : 0.0};
    };
    for (double v : column_widths(cols, weights, e, total)) mix(v);
    for (double v : column_widths(cols, weights, e, total, cost)) mix(v);
  }
  std::printf("%016llx\n", static_cast<unsigned long long>(h));
}
