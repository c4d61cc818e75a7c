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

}  // namespace bp
