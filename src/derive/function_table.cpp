#include "derive/function_table.hpp"

#include <map>

namespace bp {

namespace {
bool all_zero(const std::vector<Money>& v) {
  for (auto m : v)
    if (!m.zero()) return false;
  return true;
}
void add_into(std::vector<Money>& into, const std::vector<Money>& v) {
  for (size_t i = 0; i < v.size(); ++i) into[i] += v[i];
}
DRow amount_row(std::string code, std::string name, const std::vector<Money>& v, doc::RowRole role) {
  DRow r;
  r.role = role;
  r.cells.push_back(DCell::label(""));
  r.cells.push_back(DCell::label(std::move(code)));
  r.cells.push_back(DCell::label(std::move(name)));
  for (auto m : v) r.cells.push_back(DCell::money(m));
  return r;
}
std::string name_of(const CodeNames& names, const std::string& code) {
  const std::string* n = names.function(code);
  return n ? *n : std::string();
}
}  // namespace

std::vector<DRow> function_rows(const std::vector<ExpenditureLine>& lines, const CodeNames& names,
                                size_t ncols,
                                const std::function<void(const ExpenditureLine&, std::vector<Money>&)>& columns) {
  // Ordered maps give catalogue (code) order for free.
  std::map<std::string, std::vector<Money>> items;
  for (const auto& l : lines) {
    std::vector<Money> v(ncols);
    columns(l, v);
    if (all_zero(v)) continue;
    auto& acc = items.try_emplace(l.code.value, ncols).first->second;
    add_into(acc, v);
  }
  std::map<std::string, std::vector<Money>> classes, sections;
  std::vector<Money> total(ncols);
  for (const auto& [code, v] : items) {
    add_into(classes.try_emplace(code.substr(0, 3), ncols).first->second, v);
    add_into(sections.try_emplace(code.substr(0, 5), ncols).first->second, v);
    add_into(total, v);
  }
  std::vector<DRow> rows;
  if (items.empty()) return rows;
  rows.push_back(amount_row("", "合计", total, doc::RowRole::Total));
  for (const auto& [cls, cv] : classes) {
    rows[0].sum_of.push_back(static_cast<int>(rows.size()));
    rows.push_back(amount_row(cls, name_of(names, cls), cv, doc::RowRole::Level1));
    const size_t cls_row = rows.size() - 1;
    for (auto it = sections.lower_bound(cls); it != sections.end() && it->first.compare(0, 3, cls) == 0; ++it) {
      rows[cls_row].sum_of.push_back(static_cast<int>(rows.size()));
      rows.push_back(amount_row(it->first, name_of(names, it->first), it->second, doc::RowRole::Level2));
      const size_t sec_row = rows.size() - 1;
      for (auto jt = items.lower_bound(it->first); jt != items.end() && jt->first.compare(0, 5, it->first) == 0; ++jt) {
        rows[sec_row].sum_of.push_back(static_cast<int>(rows.size()));
        rows.push_back(amount_row(jt->first, name_of(names, jt->first), jt->second, doc::RowRole::Item));
      }
    }
  }
  number_rows(rows);
  return rows;
}

void number_rows(std::vector<DRow>& rows) {
  for (size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].cells.empty()) rows[i].cells[0] = DCell::label(std::to_string(i + 1));
}

bool has_rounding_gap(const std::vector<DRow>& rows) {
  for (const auto& r : rows) {
    if (r.sum_of.empty()) continue;
    for (size_t c = 0; c < r.cells.size(); ++c) {
      if (!r.cells[c].amount) continue;
      int64_t parts = 0;
      for (int i : r.sum_of)
        if (rows[i].cells[c].amount) parts += wan_hundredths(*rows[i].cells[c].amount);
      if (parts != wan_hundredths(*r.cells[c].amount)) return true;
    }
  }
  return false;
}

}  // namespace bp
