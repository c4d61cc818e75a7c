#include "layout/table_grid.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "util/mix64.hpp"

namespace bp::layout {

Grid build_grid(const std::vector<doc::Row>& rows, int cols, const std::string& what) {
  Grid g;
  g.rows = static_cast<int>(rows.size());
  std::vector<std::vector<char>> used(rows.size());
  auto mark = [&](int r, int c) {
    auto& u = used[static_cast<size_t>(r)];
    if (static_cast<int>(u.size()) <= c) u.resize(static_cast<size_t>(c) + 1, 0);
    u[static_cast<size_t>(c)] = 1;
  };
  auto is_used = [&](int r, int c) {
    const auto& u = used[static_cast<size_t>(r)];
    return c < static_cast<int>(u.size()) && u[static_cast<size_t>(c)];
  };
  for (int r = 0; r < g.rows; ++r) {
    int c = 0;
    for (const doc::Cell& cell : rows[static_cast<size_t>(r)].cells) {
      while (is_used(r, c)) ++c;
      int cs = std::max(1, cell.colspan), rs = std::max(1, cell.rowspan);
      rs = std::min(rs, g.rows - r);
      if (cols > 0 && c + cs > cols)
        throw LayoutError(what + ": row " + std::to_string(r + 1) + " has more cells than the " +
                          std::to_string(cols) + " columns of the table");
      for (int dr = 0; dr < rs; ++dr)
        for (int dc = 0; dc < cs; ++dc) mark(r + dr, c + dc);
      g.cells.push_back({r, c, rs, cs, &cell, rows[static_cast<size_t>(r)].role});
      c += cs;
    }
  }
  g.cols = cols;
  if (cols == 0)
    for (const auto& u : used) g.cols = std::max(g.cols, static_cast<int>(u.size()));
  // A row with fewer cells than columns still gets its grid: blank cells fill the free slots.
  static const doc::Cell kBlank;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c)
      if (!is_used(r, c))
        g.cells.push_back({r, c, 1, 1, &kBlank, rows[static_cast<size_t>(r)].role});
  return g;
}

int column_count(const doc::Table& t) {
  if (!t.column_widths.empty()) return static_cast<int>(t.column_widths.size());
  return std::max(build_grid(t.head, 0, t.id).cols, build_grid(t.body, 0, t.id).cols);
}

namespace {

// Raises columns below their minimum, taking the difference from columns above theirs.
void respect_mins(std::vector<double>& w, const std::vector<double>& mins, double total) {
  const double sum_min = std::accumulate(mins.begin(), mins.end(), 0.0);
  if (sum_min >= total) {  // cannot fit: proportional to the minimums
    for (size_t c = 0; c < w.size(); ++c)
      w[c] = sum_min > 0 ? mins[c] * total / sum_min : total / w.size();
    return;
  }
  for (int round = 0; round < 8; ++round) {
    double deficit = 0, slack = 0;
    for (size_t c = 0; c < w.size(); ++c) {
      if (w[c] < mins[c])
        deficit += mins[c] - w[c];
      else
        slack += w[c] - mins[c];
    }
    if (deficit <= 1e-6 || slack <= 1e-6) return;
    const double take = std::min(1.0, deficit / slack);
    for (size_t c = 0; c < w.size(); ++c) {
      if (w[c] < mins[c])
        w[c] = mins[c];
      else
        w[c] -= (w[c] - mins[c]) * take;
    }
  }
}

// Columns whose content would wrap borrow from columns wider than their content (each keeps a
// quarter of its spare width), so that given proportions do not wrap a label needlessly.
void relieve_wrapping(std::vector<double>& w, const std::vector<double>& maxs) {
  double need = 0, spare = 0;
  for (size_t c = 0; c < w.size(); ++c) {
    if (maxs[c] > w[c])
      need += maxs[c] - w[c];
    else
      spare += (w[c] - maxs[c]) * 0.75;
  }
  const double give = std::min(need, spare);
  if (give <= 1e-6) return;
  for (size_t c = 0; c < w.size(); ++c) {
    if (maxs[c] > w[c])
      w[c] += (maxs[c] - w[c]) / need * give;
    else
      w[c] -= (w[c] - maxs[c]) * 0.75 / spare * give;
  }
}

}  // namespace

double ColumnNeeds::min_total() const {
  return std::accumulate(min.begin(), min.end(), 0.0);
}

double ColumnNeeds::hard_total() const {
  return std::accumulate(hard.begin(), hard.end(), 0.0);
}

ColumnNeeds column_needs(int cols, const std::vector<CellExtent>& extents) {
  const size_t n = static_cast<size_t>(std::max(cols, 1));
  ColumnNeeds cn;
  for (auto* v : {&cn.min, &cn.max, &cn.term, &cn.hard, &cn.body_term, &cn.body}) v->assign(n, 0);
  cn.empty.assign(n, 1);
  auto hard_of = [](const CellExtent& e) { return std::max(e.min, e.hard_min); };
  auto term_of = [&](const CellExtent& e) { return std::max(hard_of(e), e.term_min); };
  auto in_body = [](const CellExtent& e) { return e.kind != CellExtent::Kind::Head; };
  auto spread = [](std::vector<double>& v, const CellExtent& e, double need) {
    auto first = v.begin() + e.col, last = first + e.colspan;
    const double have = std::accumulate(first, last, 0.0);
    if (need > have)
      for (auto it = first; it != last; ++it) *it += (need - have) / e.colspan;
  };
  for (const auto& e : extents) {
    if (e.kind == CellExtent::Kind::Body)
      for (int c = e.col; c < e.col + e.colspan && c < static_cast<int>(n); ++c)
        cn.empty[static_cast<size_t>(c)] = 0;
    if (e.colspan != 1) continue;
    const auto c = static_cast<size_t>(e.col);
    cn.min[c] = std::max(cn.min[c], e.min);
    cn.max[c] = std::max(cn.max[c], e.max);
    cn.term[c] = std::max(cn.term[c], term_of(e));
    cn.hard[c] = std::max(cn.hard[c], hard_of(e));
    if (in_body(e)) {
      cn.body_term[c] = std::max(cn.body_term[c], term_of(e));
      cn.body[c] = std::max(cn.body[c], e.max);
    }
  }
  for (const auto& e : extents) {
    if (e.colspan == 1) continue;
    spread(cn.min, e, e.min);
    spread(cn.max, e, e.max);
    spread(cn.term, e, term_of(e));
    spread(cn.hard, e, hard_of(e));
    if (in_body(e)) {
      spread(cn.body_term, e, term_of(e));
      spread(cn.body, e, e.max);
    }
  }
  // A table without a body (or with nothing in it) has no empty columns: every column is alike.
  if (std::all_of(cn.empty.begin(), cn.empty.end(), [](char e) { return e != 0; }))
    cn.empty.assign(n, 0);
  for (size_t c = 0; c < n; ++c) {
    cn.hard[c] = std::max(cn.hard[c], cn.min[c]);
    cn.term[c] = std::max(cn.term[c], cn.hard[c]);
    cn.max[c] = std::max(cn.max[c], cn.term[c]);
    if (cn.empty[c]) cn.body_term[c] = cn.body[c] = 0;  // zeros and dashes fit in the floor
  }
  return cn;
}

double estimated_lines(const CellExtent& e, double width) {
  // Greedy filling at word boundaries loses part of a word per line: count on 92 % of the measure.
  constexpr double kFill = 0.92;
  const double a = width - e.pad;
  if (e.lines.empty()) return 1;
  if (a <= 1e-6) return 1e6;
  double n = 0;
  for (double h : e.lines) {
    if (h <= a + 1e-6) {
      n += 1;
      continue;
    }
    const double k = std::ceil(h / (a * kFill));
    n += k;
    if (h - (k - 1) * a * kFill < 1.5 * e.em) n += 0.4;  // likely one character left over
  }
  if (width + 1e-6 < e.term_min) n += 0.3;  // a budget term would break
  return n;
}

namespace {

// What cells cost at the widths tried, by (cell, width in ⅛ pt): the descent asks for each many
// times. Open addressing in two flat arrays — a fraction of the cost of std::unordered_map's
// node per entry to add, find and free; what is stored is the same.
class FitMemo {
 public:
  // On an empty memo: room for about `entries` values before the first growth (a table's descent
  // looks up two to three widths per cell on average: rehashing from a small table cost more than
  // the lookups).
  void reserve(size_t entries) {
    size_t n = 256;
    while (n < 2 * entries) n *= 2;
    if (n <= keys_.size()) return;
    keys_.assign(n, kEmpty);
    values_.assign(n, CellFit{});
    mask_ = n - 1;
    size_ = 0;
  }
  // Stores the value of a key not stored yet.
  const CellFit& add(uint64_t key, const CellFit& value) {
    if (2 * (size_ + 1) > keys_.size()) grow();
    size_t i = slot(key);
    while (keys_[i] != kEmpty) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] = value;
    ++size_;
    return values_[i];
  }
  // find(key), or else add(key, make()): one hash and one probe for both (issue 20z: most
  // lookups of a descent are of new keys, which find() and add() probed twice).
  template <class Make>
  CellFit find_or_add(uint64_t key, Make&& make) {
    if (keys_.empty()) return add(key, make());
    size_t i = slot(key);
    for (; keys_[i] != kEmpty; i = (i + 1) & mask_)
      if (keys_[i] == key) return values_[i];
    const CellFit value = make();
    if (2 * (size_ + 1) > keys_.size()) return add(key, value);  // grows, then probes again
    keys_[i] = key;
    values_[i] = value;
    ++size_;
    return value;
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  size_t slot(uint64_t key) const { return static_cast<size_t>(mix64(key)) & mask_; }
  void grow() {  // keeps what is stored
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<CellFit> values = std::move(values_);
    const size_t n = keys.empty() ? 256 : 2 * keys.size();
    keys_.assign(n, kEmpty);
    values_.assign(n, CellFit{});
    mask_ = n - 1;
    size_ = 0;
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] != kEmpty) add(keys[i], values[i]);
  }
  std::vector<uint64_t> keys_;
  std::vector<CellFit> values_;
  size_t size_ = 0, mask_ = 0;
};

// Height of all rows, in lines (plus penalties): per row its costliest cell (a cell spanning rows
// counts its share in its first row), plus every cell's own penalty (a single-character last
// line), which counts whether or not the cell is the row's tallest. Moves of width between two
// columns are evaluated incrementally: only the cells over those columns change, and only their
// rows are recomputed.
//
// Cheaper, same result (issue 15d): the descent tries every pair of columns per round, but a
// cell over one column only takes the same width in every move that shrinks (or grows) that
// column by the step, until a move of that column is made: its value is looked up once per
// direction and width of its column (`shrunk_`, `grown_`, stamped with the column's `version_`,
// renewed when the column's width or the step changes), not once per pair of columns; a row's
// new maximum is its changed cells' maximum against the best unchanged cell, kept as each row's
// three costliest cells (a row holds at most two cells over the two columns of a move). The sums
// are formed in the same order as before, so every comparison of the descent sees the same values.
class HeightModel {
 public:
  // `pruned`: a move looks only at the cells that it changes (below); false: at every cell over
  // its two columns, as before issue 20m (to test that the two agree).
  HeightModel(const std::vector<CellExtent>& extents, size_t cols, const CellCost& cost,
              bool pruned = true)
      : pruned_(pruned),
        e_(extents),
        cost_(cost),
        over_(cols),
        v_(extents.size()),
        trial_(extents.size()),
        fresh_(extents.size(), 0),
        shrunk_(extents.size()),
        grown_(extents.size()),
        shrunk_at_(extents.size(), 0),
        grown_at_(extents.size(), 0),
        version_(cols, 0),
        alone_(cols, 1),
        moving_(cols),
        moving_at_(cols, {0, 0}) {
    // About seven values per cell are looked up in a document's tables (27 610 for 4 000 cells
    // in 434): room for eight per cell up front, instead of growing (and rehashing) twice.
    if (cost_) memo_.reserve(8 * extents.size());
    int rows = 0;
    for (const auto& x : e_) rows = std::max(rows, x.row + 1);
    row_cells_.resize(static_cast<size_t>(rows));
    row_max_.assign(static_cast<size_t>(rows), 0);
    row_trial_.assign(static_cast<size_t>(rows), kNone);
    top_.resize(static_cast<size_t>(rows));
    for (size_t k = 0; k < e_.size(); ++k) {
      if (e_[k].row < 0) continue;
      row_cells_[static_cast<size_t>(e_[k].row)].push_back(k);
      for (int c = e_[k].col; c < e_[k].col + e_[k].colspan && c < static_cast<int>(cols); ++c) {
        over_[static_cast<size_t>(c)].push_back(k);
        if (e_[k].colspan != 1) alone_[static_cast<size_t>(c)] = 0;
      }
    }
    // The rows of a column's cells come in order (rows are numbered down the table), which lets a
    // move merge the rows of its two columns instead of sorting them.
    distinct_.assign(cols, 1);
    for (size_t c = 0; c < cols; ++c)
      for (size_t a = 1; a < over_[c].size(); ++a) {
        const int before = e_[over_[c][a - 1]].row, now = e_[over_[c][a]].row;
        if (now < before) rows_in_order_ = false;
        if (now <= before) distinct_[c] = 0;
      }
  }
  bool empty() const { return row_cells_.empty(); }

  double reset(const std::vector<double>& w) {
    for (size_t k = 0; k < e_.size(); ++k)
      if (e_[k].row >= 0) v_[k] = value(k, w);
    double total = 0;
    for (size_t r = 0; r < row_cells_.size(); ++r) {
      total += (row_max_[r] = row_max(r, false));
      rank(r);
    }
    for (size_t k = 0; k < e_.size(); ++k) total += v_[k].penalty;
    next_step();
    return total;
  }
  // Moves of another step from now on: no value looked up for a moved column holds.
  void next_step() {
    for (auto& v : version_) v = ++versions_;
  }
  // Change of the total when w[from] and w[to] become what `w` holds now (w[from] smaller).
  double delta(const std::vector<double>& w, size_t from, size_t to) {
    from_ = from;
    to_ = to;
    // The cells and rows of the move go into buffers sized for the most a move can touch: no
    // push_back (its capacity check per cell cost as much as the rest of the loop).
    const size_t most = over_[from].size() + over_[to].size();
    if (changed_.size() < most) {
      changed_.resize(most);
      touched_rows_.resize(most);
      merged_.resize(most);
    }
    size_t changed = 0, rows = 0, split = 0;
    for (size_t c : {from, to}) {
      for (size_t k : moving(w, c, c == from)) {
        if (fresh_[k]) continue;
        fresh_[k] = 1;
        trial_[k] = e_[k].colspan == 1 ? moved(k, w, c, c == from) : value(k, w);
        changed_[changed++] = k;
        const auto r = static_cast<size_t>(e_[k].row);
        touched_rows_[rows++] = r;
        row_trial_[r] = std::max(row_trial_[r], trial_[k].lines);
      }
      if (c == from) split = rows;
    }
    // The rows in order, each once: what std::merge of the two columns' rows and std::unique
    // made, in one pass (issue 20z), and nothing to do when one column touches no row and the
    // other's rows are distinct (every column of a grid: one cell per row and column).
    if (!rows_in_order_) {
      const auto begin = touched_rows_.begin();
      std::sort(begin, begin + static_cast<std::ptrdiff_t>(rows));
      touched_ = static_cast<size_t>(std::unique(begin, begin + static_cast<std::ptrdiff_t>(rows)) -
                                     begin);
    } else if (split > 0 && rows > split) {
      const size_t* t = touched_rows_.data();
      size_t* out = merged_.data();
      size_t a = 0, b = split, m = 0;
      auto put = [&](size_t r) {
        if (m == 0 || out[m - 1] != r) out[m++] = r;
      };
      while (a < split && b < rows) put(t[b] < t[a] ? t[b++] : t[a++]);
      while (a < split) put(t[a++]);
      while (b < rows) put(t[b++]);
      touched_rows_.swap(merged_);
      touched_ = m;
    } else if (distinct_[split > 0 ? from : to]) {
      touched_ = rows;
    } else {
      const auto begin = touched_rows_.begin();
      touched_ = static_cast<size_t>(std::unique(begin, begin + static_cast<std::ptrdiff_t>(rows)) -
                                     begin);
    }
    changed_n_ = changed;
    double d = 0;
    for (size_t i = 0; i < touched_; ++i) {
      const size_t r = touched_rows_[i];
      d += std::max({0.0, row_trial_[r], unchanged_max(r)}) - row_max_[r];
      row_trial_[r] = kNone;
    }
    for (size_t i = 0; i < changed_n_; ++i) {
      const size_t k = changed_[i];
      d += trial_[k].penalty - v_[k].penalty;
      fresh_[k] = 0;  // the rows are summed: nothing reads it until the next move
    }
    return d;
  }
  // Makes the last evaluated move the current state, or forgets it.
  void commit() {
    version_[from_] = ++versions_;  // their widths change: new values for their moves
    version_[to_] = ++versions_;
    for (size_t i = 0; i < changed_n_; ++i) v_[changed_[i]] = trial_[changed_[i]];
    discard();
    for (size_t i = 0; i < touched_; ++i) {
      const size_t r = touched_rows_[i];
      row_max_[r] = row_max(r, false);
      rank(r);
    }
  }
  void discard() { changed_n_ = 0; }

  // Whether column c holds only cells of its own (none spans it with another column).
  bool alone(size_t c) const { return alone_[c] != 0; }
  // Whether shrinking (or growing) column c by the step, as `w` holds it now, leaves the value of
  // every cell over it exactly as it is (a column wider than all its content, say). A move whose
  // columns are both such changes no row: its change of height is exactly zero. Looks the cells
  // up as delta() would at this move (and keeps them for it): call it before skipping a move.
  bool unchanged(const std::vector<double>& w, size_t c, bool shrinks) {
    return alone_[c] && moving(w, c, shrinks).empty();
  }

 private:
  static constexpr double kNone = -1;  // no changed cell in the row (values are ≥ 0)
  // A row's three costliest cells at the current widths, costliest first.
  struct Top {
    double lines[3] = {0, 0, 0};
    size_t cell[3] = {0, 0, 0};
    int n = 0;
  };

  // std::llround(max(0, width) * 8) without the library call (a tenth of the cost): for x ≥ 0
  // below 2^53 its fraction x − ⌊x⌋ is exact, and a half rounds up, away from zero, as llround.
  static uint64_t eighths(double width) {
    const double x = std::max(0.0, width) * 8;
    if (!(x < 0x1p52)) return static_cast<uint64_t>(std::llround(x));
    const auto whole = static_cast<uint64_t>(x);
    return whole + (x - static_cast<double>(whole) >= 0.5 ? 1 : 0);
  }
  CellFit value(size_t k, const std::vector<double>& w) {
    const CellExtent& e = e_[k];
    double width = 0;
    for (int c = e.col; c < e.col + e.colspan; ++c) width += w[static_cast<size_t>(c)];
    CellFit lines;
    if (cost_) {
      const uint64_t key = (static_cast<uint64_t>(k) << 24) | (eighths(width) & 0xFFFFFF);
      lines = memo_.find_or_add(key, [&] { return cost_(k, width); });
    } else {
      lines.lines = estimated_lines(e, width);
    }
    lines.lines /= std::max(1, e.rowspan);
    return lines;
  }
  // The cells over column c that a move shrinking (or growing) it by the step may change, in
  // their order in over_: every cell spanning c with another column (looked up at its full width
  // per move), and the cells of c alone whose value at the moved width differs from their value
  // now. The others add exact zeros to a move's sum (a row's maximum over the same values, a
  // penalty minus itself), and x + 0 is x: leaving them out changes no bit of a delta, only the
  // sign of a zero. All of c's values are looked up at the first move of c in this direction
  // since its width last changed, as delta() did for every move before: the same widths, in
  // the same state of `w`, so the same memo entries.
  const std::vector<size_t>& moving(const std::vector<double>& w, size_t c, bool shrinks) {
    if (!pruned_) return over_[c];
    unsigned& at = moving_at_[c][shrinks ? 0 : 1];
    std::vector<size_t>& list = moving_[c][shrinks ? 0 : 1];
    if (at != version_[c]) {
      at = version_[c];
      list.clear();
      for (size_t k : over_[c]) {
        if (e_[k].colspan != 1) {
          list.push_back(k);
          continue;
        }
        const CellFit t = moved(k, w, c, shrinks);
        if (t.lines != v_[k].lines || t.penalty != v_[k].penalty) list.push_back(k);
      }
    }
    return list;
  }
  // The value of a cell over column c alone when c shrinks (or grows) by the step.
  CellFit moved(size_t k, const std::vector<double>& w, size_t c, bool shrinks) {
    auto& at = shrinks ? shrunk_at_ : grown_at_;
    auto& v = shrinks ? shrunk_ : grown_;
    if (at[k] != version_[c]) {
      v[k] = value(k, w);
      at[k] = version_[c];
    }
    return v[k];
  }
  double row_max(size_t r, bool trial) {
    double m = 0;
    for (size_t k : row_cells_[r])
      m = std::max(m, trial && fresh_[k] ? trial_[k].lines : v_[k].lines);
    return m;
  }
  void rank(size_t r) {
    Top t;
    for (size_t k : row_cells_[r]) {
      const double x = v_[k].lines;
      int at = t.n < 3 ? t.n : 3;
      while (at > 0 && t.lines[at - 1] < x) --at;
      if (at >= 3) continue;
      for (int i = std::min(t.n, 2); i > at; --i) {
        t.lines[i] = t.lines[i - 1];
        t.cell[i] = t.cell[i - 1];
      }
      t.lines[at] = x;
      t.cell[at] = k;
      t.n = std::min(t.n + 1, 3);
    }
    top_[r] = t;
  }
  // The costliest cell of row r that the move leaves as it is (0 if none).
  double unchanged_max(size_t r) const {
    const Top& t = top_[r];
    for (int i = 0; i < t.n; ++i)
      if (!fresh_[t.cell[i]]) return t.lines[i];
    if (static_cast<size_t>(t.n) == row_cells_[r].size()) return 0;
    double m = 0;  // more changed cells than the three kept: look at them all
    for (size_t k : row_cells_[r])
      if (!fresh_[k]) m = std::max(m, v_[k].lines);
    return m;
  }

  bool pruned_;
  const std::vector<CellExtent>& e_;
  const CellCost& cost_;
  std::vector<std::vector<size_t>> over_, row_cells_;
  std::vector<CellFit> v_, trial_;
  std::vector<double> row_max_, row_trial_;
  std::vector<Top> top_;
  std::vector<char> fresh_;  // within delta(): trial_[k] holds the value of the move evaluated
  std::vector<CellFit> shrunk_, grown_;
  std::vector<unsigned> shrunk_at_, grown_at_;  // version_ of the column when looked up
  std::vector<unsigned> version_;               // per column: renewed when its width changes
  // Per column: no cell spans it with another (alone_); the cells a move shrinking [0] or growing
  // [1] it may change (moving_), as of its version_ in moving_at_.
  std::vector<char> alone_;
  std::vector<std::array<std::vector<size_t>, 2>> moving_;
  std::vector<std::array<unsigned, 2>> moving_at_;
  unsigned versions_ = 0;
  size_t from_ = 0, to_ = 0;  // the columns of the move delta() evaluated last
  bool rows_in_order_ = true;
  std::vector<char> distinct_;  // per column: the rows of its cells strictly increase
  // The move delta() evaluated last: its cells (changed_n_ of changed_) and its rows in order
  // (touched_ of touched_rows_); merged_ is room for merging the rows of its two columns.
  std::vector<size_t> changed_, touched_rows_, merged_;
  size_t changed_n_ = 0, touched_ = 0;
  FitMemo memo_;
};

// Steepest descent on the height: moves `step` pt from one column to another while that lowers
// it, halving the step down to half a point. No column goes below its minimum nor above its cap.
// `pruned`: skip the moves whose delta is known (the same widths; false only to test that).
void reduce_height(std::vector<double>& w, const std::vector<double>& mins,
                   const std::vector<double>& caps, const std::vector<CellExtent>& extents,
                   double total, const CellCost& cost, bool pruned) {
  HeightModel model(extents, w.size(), cost, pruned);
  if (model.empty() || w.size() < 2) return;
  model.reset(w);
  std::vector<char> seen_from;  // per column j: a move to it from an unchanged column was seen
  for (double step = total / 32; step >= 0.5; step /= 2) {
    model.next_step();
    for (int iter = 0; iter < 64; ++iter) {
      double best = -1e-9;
      size_t from = 0, to = 0;
      // Moves whose delta is known without evaluating it (issue 20m). A column that keeps every
      // cell's value when it grows (or shrinks) contributes exactly nothing to a move: all moves
      // from one column i to such columns have the same delta, bit for bit (the other column's
      // rows add exact zeros), so only the first of them can be the best (the descent takes the
      // first of equal moves); so for all moves from such columns to one column j. A move
      // between two such columns changes nothing (delta ±0, never below `best`). Only between
      // columns that no cell spans with another: a spanning cell is looked up at its full width.
      // The widths are still changed and restored for every move, as the full scan does (that
      // is not always exact in floating point, and later moves see the result).
      if (pruned) seen_from.assign(w.size(), 0);
      for (size_t i = 0; i < w.size(); ++i) {
        if (w[i] - step < mins[i] - 1e-9) continue;
        bool seen_to = false;
        for (size_t j = 0; j < w.size(); ++j) {
          if (j == i || w[j] + step > caps[j] + 1e-9) continue;
          w[i] -= step;
          w[j] += step;
          bool skip = false;
          if (pruned) {
            const bool shrinks_same = model.unchanged(w, i, true);
            const bool grows_same = model.unchanged(w, j, false);
            if (grows_same && model.alone(i)) {
              skip = seen_to;
              seen_to = true;
            }
            if (shrinks_same && model.alone(j)) {
              skip = skip || seen_from[j];
              seen_from[j] = 1;
            }
            skip = skip || (shrinks_same && grows_same);
          }
          double d = 0;
          if (!skip) {
            d = model.delta(w, i, j);
            model.discard();
          }
          w[i] += step;
          w[j] -= step;
          if (!skip && d < best) {
            best = d;
            from = i;
            to = j;
          }
        }
      }
      if (from == to) break;
      w[from] -= step;
      w[to] += step;
      model.delta(w, from, to);
      model.commit();
    }
  }
}

}  // namespace

namespace {

std::vector<double> widths_of(int cols, const std::vector<int>& relative,
                              const std::vector<CellExtent>& extents, double total,
                              const CellCost& cost, bool pruned) {
  const auto needs = column_needs(cols, extents);
  const size_t n = needs.min.size();
  // The floor of every column: its hard minimum (header terms whole) when all of them fit, else
  // its widest word (the table is too wide for its page even at the compact size: a header term
  // then breaks at a word inside it).
  const bool hard_fits = needs.hard_total() <= total;
  const std::vector<double>& floors = hard_fits ? needs.hard : needs.min;
  // What each column wishes for, in the order the wishes are granted (each level ≥ the one before
  // in every column): its floor; its hard minimum (differs from the floor only in a table too
  // wide for it); body terms whole; the body unwrapped (an empty column: still its hard minimum);
  // header compounds whole; everything on one line. A header label is kept on one line only after
  // every body cell has its preferred width.
  std::array<std::vector<double>, 6> level;
  level[0] = floors;
  const std::array<const std::vector<double>*, 5> wish{&needs.hard, &needs.body_term, &needs.body,
                                                       &needs.term, &needs.max};
  for (size_t k = 1; k < level.size(); ++k) {
    level[k] = level[k - 1];
    for (size_t c = 0; c < n; ++c) level[k][c] = std::max(level[k][c], (*wish[k - 1])[c]);
  }
  auto sum = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };

  std::vector<double> w(n, total / n);
  const long rel_sum = std::accumulate(relative.begin(), relative.end(), 0L);
  if (relative.size() == n && rel_sum > 0) {
    for (size_t c = 0; c < n; ++c) w[c] = total * relative[c] / static_cast<double>(rel_sum);
    // The profile's weights are for columns with content: an empty one keeps its header minimum
    // (its label's whole terms, even where the floors are words) and its share goes to the others
    // in proportion to their weights.
    double freed = 0, rest = 0;
    for (size_t c = 0; c < n; ++c) {
      if (needs.empty[c] && w[c] > needs.hard[c]) {
        freed += w[c] - needs.hard[c];
        w[c] = needs.hard[c];
      } else if (!needs.empty[c]) {
        rest += w[c];
      }
    }
    for (size_t c = 0; c < n && rest > 0; ++c)
      if (!needs.empty[c]) w[c] += freed * w[c] / rest;
  } else if (sum(needs.max) > 0) {
    const double top = sum(level.back());
    if (top <= total) {  // everything fits on one line: the rest in proportion
      for (size_t c = 0; c < n; ++c) w[c] = level.back()[c] * (1 + (total - top) / top);
    } else {
      // Between the highest level that fits and the next one.
      for (size_t k = level.size() - 1; k-- > 0;) {
        const double lo = sum(level[k]), hi = sum(level[k + 1]);
        if (lo > total) continue;
        const double f = hi > lo ? (total - lo) / (hi - lo) : 0;
        for (size_t c = 0; c < n; ++c) w[c] = level[k][c] + (level[k + 1][c] - level[k][c]) * f;
        break;
      }
    }
  }
  if (hard_fits && sum(level[2]) < total) respect_mins(w, level[2], total);  // body terms whole
  respect_mins(w, floors, total);
  // While not every body cell can have its preferred width, an empty column stays at its hard
  // minimum (its label on 2–3 lines): the width a label on one line takes is the names'.
  const bool body_short = sum(level[3]) > total;
  std::vector<double> labels = needs.max, caps(n, total);
  for (size_t c = 0; c < n && body_short; ++c)
    if (needs.empty[c]) labels[c] = caps[c] = std::max(needs.hard[c], w[c]);
  relieve_wrapping(w, level[3]);  // the body first,
  relieve_wrapping(w, labels);    // then header labels, from columns wider than all their content
  reduce_height(w, floors, caps, extents, total, cost, pruned);
  return w;
}

}  // namespace

std::vector<double> column_widths(int cols, const std::vector<int>& relative,
                                  const std::vector<CellExtent>& extents, double total,
                                  const CellCost& cost) {
  return widths_of(cols, relative, extents, total, cost, true);
}

std::vector<double> column_widths_full_scan(int cols, const std::vector<int>& relative,
                                            const std::vector<CellExtent>& extents, double total,
                                            const CellCost& cost) {
  return widths_of(cols, relative, extents, total, cost, false);
}

}  // namespace bp::layout
