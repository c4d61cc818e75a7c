#include "import/tail_gap.hpp"

#include <algorithm>
#include <map>

namespace bp::import {

namespace {

constexpr int64_t kHalf = kFenPerWan / 200;  // half of 0.01 万元, in 分

struct Var {
  Money* value;
  int64_t lo, hi;  // bounds in 分: the value still rounds to its printed 0.01 万元
};

struct Constraint {
  std::vector<std::pair<int, int>> terms;  // (var, ±1)
  int64_t lo, hi, sum;
};

}  // namespace

TailGapResult settle_tail_gaps(Budget& b, const std::vector<CellLink>& links,
                               const std::function<Derived(const Budget&)>& derive_fn) {
  TailGapResult res;
  // Only 万元 tables can have rounding gaps.
  for (const auto& l : links)
    if (l.unit != Unit::Wan) return res;
  std::vector<Var> vars;
  std::vector<int> gpb_basic_vars, econ_vars, line_project_vars;
  auto add = [&](Money& m) {
    if (m.zero()) return -1;
    vars.push_back({&m, m.in_fen() - kHalf, m.in_fen() + kHalf - 1});
    return static_cast<int>(vars.size()) - 1;
  };
  for (auto& l : b.expenditure)
    for (int k = 0; k < kKindCount; ++k) {
      int v = add(l.amounts[k].value);
      if (v >= 0 && k == static_cast<int>(Kind::Basic) &&
          (l.source == Source::Gpb || l.source == Source::CarryGpb))
        gpb_basic_vars.push_back(v);
      if (v >= 0 && k == static_cast<int>(Kind::Project)) line_project_vars.push_back(v);
    }
  for (auto& e : b.economic)
    if (int v = add(e.amount.value); v >= 0) econ_vars.push_back(v);
  for (auto& item : b.three_public.this_year.v)
    for (auto& a : item) add(a.value);
  // Project amounts are printed parts too; with an amount on every project their sum is the
  // 项目支出 (check: E060), exactly.
  std::vector<int> project_vars;
  bool all_projects = !b.projects.empty();
  for (const auto& p : b.projects) all_projects = all_projects && p.has_amount();
  for (auto& p : b.projects)
    for (auto* a : {p.fiscal ? &*p.fiscal : nullptr, p.other ? &*p.other : nullptr})
      if (a)
        if (int v = add(a->value); v >= 0) project_vars.push_back(v);

  // Income follows the lines (E031): recomputed from them before every derive.
  auto sync_income = [&] {
    for (auto& a : b.income) a.value = Money();
    for (const auto& l : b.expenditure) b.income[static_cast<int>(l.source)].value += l.total();
  };
  sync_income();
  const Derived base = derive_fn(b);
  std::vector<Constraint> cons;
  for (const auto& l : links) {
    if (l.table.empty()) continue;
    const int64_t p = l.printed.in_fen();
    cons.push_back({{}, p - kHalf, p + kHalf - 1, derived_value(l, base).in_fen()});
    if (!agrees(l, base)) res.cells.push_back(l.where);
  }
  if (res.cells.empty()) return res;  // nothing to settle
  // Sensitivity of every cell to every leaf, measured with derive.
  for (size_t i = 0; i < vars.size(); ++i) {
    *vars[i].value = *vars[i].value + Money::fen(1);
    sync_income();
    const Derived d = derive_fn(b);
    *vars[i].value = *vars[i].value - Money::fen(1);
    size_t k = 0;
    for (const auto& l : links) {
      if (l.table.empty()) continue;
      const int64_t delta = derived_value(l, d).in_fen() - cons[k].sum;
      if (delta == 1 || delta == -1)
        cons[k].terms.push_back({static_cast<int>(i), static_cast<int>(delta)});
      ++k;
    }
  }
  sync_income();
  std::vector<std::vector<int>> cons_of(vars.size());
  auto index = [&] {
    for (auto& v : cons_of) v.clear();
    for (size_t c = 0; c < cons.size(); ++c)
      for (auto [v, a] : cons[c].terms) cons_of[v].push_back(static_cast<int>(c));
  };
  auto move = [&](int v, int64_t by) {
    *vars[v].value = *vars[v].value + Money::fen(by);
    for (int c : cons_of[v])
      for (auto [w, a] : cons[c].terms)
        if (w == v) cons[c].sum += a * by;
  };
  // How far var v can move in direction dir (±1) without leaving its bounds or breaking a cell
  // other than `except` that holds now.
  auto room = [&](int v, int dir, int except) {
    int64_t r =
        dir > 0 ? vars[v].hi - vars[v].value->in_fen() : vars[v].value->in_fen() - vars[v].lo;
    for (int c : cons_of[v]) {
      if (c == except) continue;
      const auto& k = cons[c];
      if (k.sum < k.lo || k.sum > k.hi) continue;  // already broken: repaired in its own turn
      int a = 0;
      for (auto [w, x] : k.terms)
        if (w == v) a = x;
      r = std::min(r, a * dir > 0 ? k.hi - k.sum : k.sum - k.lo);
    }
    return std::max<int64_t>(r, 0);
  };
  // Repairs broken cells one at a time; false when one cannot be reached.
  auto repair = [&] {
    for (int round = 0; round < 2000; ++round) {
      int broken = -1;
      for (size_t c = 0; c < cons.size() && broken < 0; ++c)
        if (cons[c].sum < cons[c].lo || cons[c].sum > cons[c].hi) broken = static_cast<int>(c);
      if (broken < 0) return true;
      Constraint& k = cons[broken];
      int64_t need = k.sum < k.lo ? k.lo - k.sum : k.hi - k.sum;  // change of the sum
      for (auto [v, a] : k.terms) {
        if (need == 0) break;
        const int dir = (need > 0 ? 1 : -1) * a;
        const int64_t step = std::min<int64_t>(room(v, dir, broken), need > 0 ? need : -need);
        if (step > 0) {
          move(v, dir * step);
          need -= a * dir * step;
        }
      }
      if (need != 0) return false;  // this cell cannot be reached within rounding
    }
    return false;
  };
  // When the greedy repair gets stuck (a leaf's room is taken by a cell that holds only just), a
  // local search: move the leaf of a broken cell that lowers the total distance of all cells
  // from their intervals the most — even if it breaks another cell for a while — never undoing
  // the last few moves. Deterministic; bounded.
  auto dist = [](const Constraint& k, int64_t sum) {
    return sum < k.lo ? k.lo - sum : (sum > k.hi ? sum - k.hi : 0);
  };
  auto coef = [&](int c, int v) {
    for (auto [w, a] : cons[c].terms)
      if (w == v) return a;
    return 0;
  };
  auto search = [&] {
    std::vector<std::pair<int, int>> tabu;  // recent (var, direction)
    for (int it = 0; it < 20000; ++it) {
      int broken = -1;
      const size_t n = cons.size();
      for (size_t i = 0; i < n && broken < 0; ++i) {
        const size_t c = (static_cast<size_t>(it) + i) % n;
        if (dist(cons[c], cons[c].sum) > 0) broken = static_cast<int>(c);
      }
      if (broken < 0) return true;
      const Constraint& k = cons[broken];
      const int64_t need = k.sum < k.lo ? k.lo - k.sum : k.hi - k.sum;
      int best_v = -1, best_dir = 0;
      int64_t best_amount = 0, best_delta = 0;
      for (auto [v, a] : k.terms) {
        const int dir = (need > 0 ? 1 : -1) * a;
        if (std::find(tabu.begin(), tabu.end(), std::pair{v, -dir}) != tabu.end()) continue;
        const int64_t own =
            dir > 0 ? vars[v].hi - vars[v].value->in_fen() : vars[v].value->in_fen() - vars[v].lo;
        for (int64_t amount : {std::min<int64_t>(own, need > 0 ? need : -need),
                               room(v, dir, broken), std::min<int64_t>(own, 1)}) {
          if (amount <= 0) continue;
          int64_t delta = 0;
          for (int c : cons_of[v]) {
            const int64_t after = cons[c].sum + coef(c, v) * dir * amount;
            delta += dist(cons[c], after) - dist(cons[c], cons[c].sum);
          }
          if (best_v < 0 || delta < best_delta || (delta == best_delta && amount > best_amount)) {
            best_v = v, best_dir = dir, best_amount = amount, best_delta = delta;
          }
        }
      }
      if (best_v < 0) return false;
      move(best_v, best_dir * best_amount);
      tabu.push_back({best_v, best_dir});
      if (tabu.size() > 8) tabu.erase(tabu.begin());
    }
    return false;
  };
  // First the printed cells; then E041 (Σ economic lines = Σ 基本支出 of the gpb lines, exactly),
  // settled by the economic lines within the room the 基本支出表's own cells leave.
  index();
  bool ok = repair() || search();
  auto equal_sums = [&](const std::vector<int>& plus, const std::vector<int>& minus) {
    Constraint c{{}, 0, 0, 0};
    for (int v : plus) c.terms.push_back({v, 1}), c.sum += vars[v].value->in_fen();
    for (int v : minus) c.terms.push_back({v, -1}), c.sum -= vars[v].value->in_fen();
    cons.push_back(c);
  };
  if (ok && (!econ_vars.empty() || all_projects)) {
    if (!econ_vars.empty()) equal_sums(econ_vars, gpb_basic_vars);
    if (all_projects) equal_sums(project_vars, line_project_vars);
    index();
    ok = repair() || search();
  }
  if (ok) {
    sync_income();
    res.settled = true;
    return res;
  }
  // Not settled: the leaves go back to their printed values.
  for (size_t i = 0; i < vars.size(); ++i) *vars[i].value = Money::fen(vars[i].lo + kHalf);
  sync_income();
  return res;
}

}  // namespace bp::import
