#include "model/department.hpp"

namespace bp {

namespace {
constexpr const char* kSourceKeys[kSourceCount] = {"gpb",      "fund",      "soc",        "special",
                                                   "business", "operating", "upper",      "affiliated",
                                                   "other",    "carryover_gpb", "carryover_fund", "carryover_soc", "carryover"};
constexpr const char* kKindKeys[kKindCount] = {"basic", "project", "operating", "upper", "subsidiary"};
constexpr const char* kTpKeys[kTpItemCount] = {"outbound_research",  "outbound_other",
                                               "vehicle_purchase",   "vehicle_operation",
                                               "reception",          "meeting_university",
                                               "meeting_other",      "training"};
constexpr const char* kProcKeys[kProcSourceCount] = {"gpb",  "fund",             "soc",
                                                     "special", "unit", "carryover_fiscal",
                                                     "carryover_other", "carryover"};
}  // namespace

const char* source_key(Source s) { return kSourceKeys[static_cast<int>(s)]; }
std::optional<Source> source_from_key(std::string_view k) {
  for (int i = 0; i < kSourceCount; ++i)
    if (k == kSourceKeys[i]) return static_cast<Source>(i);
  return std::nullopt;
}
const char* kind_key(Kind k) { return kKindKeys[static_cast<int>(k)]; }
const char* tp_item_key(TpItem i) { return kTpKeys[static_cast<int>(i)]; }
const char* proc_source_key(ProcSource s) { return kProcKeys[static_cast<int>(s)]; }

Money ExpenditureLine::total() const {
  Money t;
  for (const auto& a : amounts) t += a.value;
  return t;
}

Money TpAmounts::item(TpItem i) const {
  Money t;
  for (const auto& a : v[static_cast<int>(i)]) t += a.value;
  return t;
}

Money ProcurementRow::total() const {
  Money t;
  for (const auto& a : amounts) t += a.value;
  return t;
}

bool ProcurementRow::is_fixed_asset() const {
  if (fixed_asset) return *fixed_asset;
  return catalog_code.value.rfind("A02", 0) == 0;
}

// The department's asset rows are the sums of its units' (a list given per budget unit).
void sum_unit_assets(Assets& a) {
  auto add_row = [](AssetRow& to, const AssetRow& from) {
    if (!from.present) return;
    to.present = true;
    to.quantity += from.quantity;
    to.value.value += from.value.value;
    if (!to.pos.line) to.pos = from.pos;
  };
  // A statement figure is the department's only when every unit states it: a sum over some of the
  // units would be printed as the department's 原值/净资产 and be wrong.
  auto add_opt = [&a](std::optional<Amount>& to, const std::optional<Amount>& from,
                      std::optional<Amount> AssetStatement::*field) {
    for (const auto& u : a.units)
      if (!(u.statement.*field)) return;
    if (!to) to = Amount{Money(), from->pos};
    to->value += from->value;
  };
  for (const auto& u : a.units) {
    add_row(a.buildings, u.buildings);
    add_row(a.office, u.office);
    add_row(a.vehicles, u.vehicles);
    add_row(a.equipment, u.equipment);
    add_row(a.other, u.other);
    add_opt(a.statement.original, u.statement.original, &AssetStatement::original);
    add_opt(a.statement.depreciation, u.statement.depreciation, &AssetStatement::depreciation);
    add_opt(a.statement.intangible_original, u.statement.intangible_original,
            &AssetStatement::intangible_original);
    add_opt(a.statement.intangible_amortization, u.statement.intangible_amortization,
            &AssetStatement::intangible_amortization);
    add_opt(a.statement.net_assets, u.statement.net_assets, &AssetStatement::net_assets);
  }
}

std::optional<std::string> title_date_text(std::string_view date) {
  auto digits = [&](size_t at, size_t n) -> std::optional<int> {
    if (at + n > date.size()) return std::nullopt;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      v = v * 10 + (date[i] - '0');
    }
    return v;
  };
  if (date.size() != 7 && date.size() != 10) return std::nullopt;
  auto y = digits(0, 4), m = digits(5, 2);
  if (!y || !m || date[4] != '-' || *y < 2000 || *y > 2100 || *m < 1 || *m > 12)
    return std::nullopt;
  std::string out = std::to_string(*y) + "年" + std::to_string(*m) + "月";
  if (date.size() == 7) return out;
  auto d = digits(8, 2);
  const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[*m - 1] + (*m == 2 && leap ? 1 : 0);
  if (date[7] != '-' || !d || *d < 1 || *d > days) return std::nullopt;
  return out + std::to_string(*d) + "日";
}

}  // namespace bp
