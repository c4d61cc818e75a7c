// The height descent of column_widths skips the moves whose change of height it knows without
// evaluating them (issue 20m): moves to (or from) a column whose cells keep their values. That
// must not change a single bit of the widths: compared here with the descent that evaluates every
// move, on seeded random tables like the documents' (amount columns wider than their amounts,
// wrapped text columns, header labels, spans, rowspans, cells outside the counted rows).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "layout/table_grid.hpp"

using namespace bp::layout;

namespace {

struct RandomTable {
  int cols = 0;
  std::vector<CellExtent> extents;
  std::vector<int> weights;
  double total = 0;
};

// `spans`: the chance (in tenths) that a body cell spans two columns; 0 = none, as in most
// budget tables (then every column may be one whose cells all keep their values).
RandomTable random_table(std::mt19937& rng, int spans) {
  auto real = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto whole = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
  RandomTable t;
  t.cols = whole(2, 10);
  const int rows = whole(2, 60);
  // Per column: a text column (long names that wrap) or an amount column (short, one line).
  std::vector<char> text(static_cast<size_t>(t.cols));
  for (auto& x : text) x = whole(0, 3) == 0;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < t.cols; ++c) {
      const bool head = r == 0;
      if (!head && whole(0, 15) == 0) continue;  // a blank cell
      double min = 0, max = 0;
      if (head) {
        min = real(12, 30);
        max = min + real(0, 90);
      } else if (text[static_cast<size_t>(c)]) {
        min = real(15, 40);
        max = min + real(0, 300);
      } else {
        min = max = real(25, 70);
      }
      const int span = (spans > 0 && c + 1 < t.cols && whole(0, 9) < spans) ? 2 : 1;
      CellExtent x{c, span, min, max};
      x.hard_min = head ? real(min, max) : 0;
      x.term_min = head ? max : 0;
      x.lines = {max - 7};
      x.pad = 7;
      x.row = whole(0, 30) == 0 ? -1 : r;
      x.rowspan = (x.row >= 0 && r + 1 < rows && whole(0, 20) == 0) ? 2 : 1;
      x.kind = head ? CellExtent::Kind::Head
                    : (whole(0, 6) == 0 ? CellExtent::Kind::Filler : CellExtent::Kind::Body);
      t.extents.push_back(x);
      if (span == 2) ++c;
    }
  }
  if (whole(0, 2) == 0)
    for (int c = 0; c < t.cols; ++c) t.weights.push_back(whole(1, 20));
  t.total = real(200, 750);
  return t;
}

// An exact cost like the typesetter's (fit_cost): lines, a third of a line per break inside a
// word, a slope below the natural width, two lines for a short last line.
CellCost exact_cost(const std::vector<CellExtent>& e) {
  return [&e](size_t k, double w) {
    const double text = e[k].max - e[k].pad;
    const double a = std::max(1.0, w - e[k].pad);
    const double n = std::ceil(text / a - 1e-9);
    const double rest = text - (n - 1) * a;
    return CellFit{
        n + (n > 1 ? 1.0 / 3 : 0) + (e[k].max > w ? 0.25 * (e[k].max - w) / e[k].max : 0),
        rest < 12 && n > 1 ? 2.0 : 0.0};
  };
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("column widths: the pruned height descent gives the full scan's widths bit for bit",
          "[layout][table]") {
  std::mt19937 rng(2020);
  int tables = 0, differing = 0;
  for (int spans : {0, 0, 1}) {
    for (int round = 0; round < 150; ++round) {
      const RandomTable t = random_table(rng, spans);
      for (bool exact : {false, true}) {
        const CellCost cost = exact ? exact_cost(t.extents) : CellCost{};
        const auto pruned = column_widths(t.cols, t.weights, t.extents, t.total, cost);
        const auto full = column_widths_full_scan(t.cols, t.weights, t.extents, t.total, cost);
        ++tables;
        if (!same_bits(pruned, full)) ++differing;
      }
    }
  }
  CHECK(tables == 900);
  CHECK(differing == 0);
}

TEST_CASE(
    "column widths: an amount column wider than its amounts still gives width to a wrapped one",
    "[layout][table]") {
  // Column 0: names that wrap at any width offered; columns 1–3: amounts far narrower than the
  // columns the profile weights give them. Growing or shrinking an amount column changes none of
  // its cells: the descent skips most moves between them, and must still move width to column 0.
  std::vector<CellExtent> e;
  for (int r = 0; r < 20; ++r) {
    CellExtent name{0, 1, 30, 260};
    name.lines = {253};
    name.pad = 7;
    name.row = r;
    e.push_back(name);
    for (int c = 1; c <= 3; ++c) {
      CellExtent amount{c, 1, 40, 40};
      amount.lines = {33};
      amount.pad = 7;
      amount.row = r;
      e.push_back(amount);
    }
  }
  const std::vector<int> weights{1, 1, 1, 1};
  const CellCost cost = exact_cost(e);
  const auto pruned = column_widths(4, weights, e, 400, cost);
  const auto full = column_widths_full_scan(4, weights, e, 400, cost);
  CHECK(same_bits(pruned, full));
  REQUIRE(pruned.size() == 4);
  CHECK(pruned[0] > 100);  // more than the quarter the weights give it
  for (int c = 1; c <= 3; ++c) CHECK(pruned[static_cast<size_t>(c)] >= 40 - 1e-9);
}
