// The primary facts of one department's budget, as loaded from its YAML file. Nothing derivable lives
// here (totals, subtotals, cross-table figures): see derive/. Every value keeps its source position.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/money.hpp"

namespace bp {

struct Amount {
  Money value;
  Pos pos;
};

struct Text {
  std::string value;
  Pos pos;
};

// Funding sources (资金来源). Order = column order of the 收入总表 / 收支总表.
// The four carryover sources are 上年结转结余: fiscal (财政拨款结转, by fund) and non-fiscal (非财政拨款结转结余).
enum class Source {
  Gpb, Fund, Soc, Special, Business, Operating, Upper, Affiliated, Other,
  CarryGpb, CarryFund, CarrySoc, Carryover
};
inline constexpr int kSourceCount = 13;
const char* source_key(Source s);                       // "gpb"
std::optional<Source> source_from_key(std::string_view);
inline bool is_fiscal(Source s) { return s == Source::Gpb || s == Source::Fund || s == Source::Soc; }
inline bool is_unit_funds(Source s) {  // 单位资金 in the 2024 form
  return s >= Source::Business && s <= Source::Other;
}
inline bool is_carryover(Source s) { return s >= Source::CarryGpb; }
// The 财政拨款 fund a source belongs to (for 财政拨款 tables): 0 gpb, 1 fund, 2 soc, -1 none.
inline int fiscal_fund(Source s) {
  switch (s) {
    case Source::Gpb: case Source::CarryGpb: return 0;
    case Source::Fund: case Source::CarryFund: return 1;
    case Source::Soc: case Source::CarrySoc: return 2;
    default: return -1;
  }
}

// Columns of the 支出总表 besides 合计.
enum class Kind { Basic, Project, Operating, Upper, Subsidiary };
inline constexpr int kKindCount = 5;
const char* kind_key(Kind k);

// A budget unit (预算单位): 本级 first, then 下属单位. `nature` 行政 / 事业 / … decides whether its
// 公用经费 counts as 机关运行经费.
struct Institution {
  Text code, name, nature, rank, funding;
  bool administrative() const {
    return nature.value == "行政" || nature.value.rfind("参公", 0) == 0;
  }
};

// The title page's department-specific slots (docs/typography.md, "Title page"); each one
// overrides the theme's and the profile's.
struct TitlePageSlots {
  Text date;  // 公开日期/编制日期 as YYYY-MM-DD or YYYY-MM (printed 2025年1月20日 / 2025年1月)
  Text date_label;  // "公开日期" / "编制日期" …; "" = the theme's, else the profile's
  Text issuer;      // issuing-unit line, e.g. 某某区财政局 ("" = the theme's, else none)
  Text logo;        // PNG file, relative to the department file ("" = the theme's, else none)
};

// The printed form of a title-page date: "2025-01-20" → "2025年1月20日", "2025-01" → "2025年1月";
// nullopt when the text is not such a date (a real calendar date, years 2000–2100).
std::optional<std::string> title_date_text(std::string_view date);

struct Department {
  Text code;
  Text name;
  Text short_name;  // empty → name
  int year = 0;
  Pos year_pos;
  std::string form;  // profile id
  Pos form_pos;
  Unit unit = Unit::Wan;
  std::string header_separator;
  std::string gov_level = "本级";
  std::string three_public_layout = "full";
  Text duties_intro;
  std::string duties_numbering = "1、";
  std::vector<Text> duties;
  std::vector<Institution> institutions;
  bool list_zero_income =
      false;  // 收入说明 also names sources of 0 (国有资本经营预算拨款收入0万元)
  bool purpose_amounts = false;  // 资金用途 starts with the amount sentence generated from the data
  Text theme;                    // PDF/DOCX theme name (config/themes/<name>.yaml); "" = the run's
  TitlePageSlots title_page;
  // The institution a project/asset `unit:` names (by code or name), or nullptr.
  const Institution* find_unit(const std::string& key) const {
    for (const auto& i : institutions)
      if (!key.empty() && (i.name.value == key || i.code.value == key)) return &i;
    return nullptr;
  }

  const std::string& header_name() const {
    return short_name.value.empty() ? name.value : short_name.value;
  }
};

struct ExpenditureLine {
  Text code;  // 7-digit 功能分类 项 code
  Text name;  // 项 name given on the line (`name:`), for a code the catalogue lacks; empty = none
  Source source = Source::Gpb;
  Pos source_pos;
  std::array<Amount, kKindCount> amounts{};  // by Kind
  std::optional<Amount> personnel;           // optional split of basic
  std::optional<Amount> public_;
  Pos pos;  // the line itself
  Money total() const;
};

struct EconomicLine {
  Text code;  // 5-digit 经济分类 款 code
  Amount amount;
  Pos pos;
};

// 三公 items by source (gpb/fund/soc only).
enum class TpItem {
  OutboundResearch,
  OutboundOther,
  VehiclePurchase,
  VehicleOperation,
  Reception,
  MeetingUniversity,
  MeetingOther,
  Training
};
inline constexpr int kTpItemCount = 8;
const char* tp_item_key(TpItem i);

struct TpAmounts {
  // [item][0=gpb,1=fund,2=soc]
  std::array<std::array<Amount, 3>, kTpItemCount> v{};
  bool present = false;
  Pos pos;
  Money item(TpItem i) const;  // all sources
  Money item(TpItem i, int src) const { return v[static_cast<int>(i)][src].value; }
};

struct ThreePublic {
  TpAmounts this_year;
  TpAmounts last_year;
  // Last year known only for a group (因公出国（境）费 / 公务用车购置及运维费 combined): compared
  // at that level.
  std::optional<Amount> last_year_outbound, last_year_vehicle;
  std::optional<Amount> last_year_total;
  std::map<std::string, Text> reasons;  // total, outbound, vehicle_purchase, vehicle_operation, reception…
};

struct PreviousYear {
  std::optional<Amount> basic, project, running_cost;
  std::map<std::string, Text> reasons;
  Pos pos;
};

struct RunningCostItem {
  Text name;
  Amount amount;
};

struct RunningCost {
  std::optional<Amount> total;  // stated 机关运行经费 (行政 units only); default = all 公用经费
  Text purpose;
  std::vector<RunningCostItem> items;
  Pos items_pos;
};

struct PerformanceItem {
  Text title, goal, indicators, standard;
  std::vector<PerformanceItem> children;
};

struct Performance {
  std::string numbering = "（1）";  // 分项绩效目标: "（1）" | "1、" | "1."
  std::vector<Text> overall;
  Text items_intro;
  std::vector<PerformanceItem> items;
  std::vector<Text> measures;
};

struct Indicator {
  Text level1, level2, name, description, value, basis;
  Pos pos;
};

struct Project {
  Text code, name, unit;
  std::optional<Amount> fiscal, other;
  Text purpose;
  std::vector<int64_t>
      spend_plan_hundredths;  // cumulative %, in hundredths (25 → 2500); -1 = left blank
  Pos spend_plan_pos;
  std::vector<Text> goals;
  std::vector<Indicator> indicators;
  Pos pos;
  bool has_amount() const { return fiscal.has_value() || other.has_value(); }
  Money budget() const {
    return (fiscal ? fiscal->value : Money()) + (other ? other->value : Money());
  }
};

// 政府采购 amount columns.
enum class ProcSource { Gpb, Fund, Soc, Special, Unit, CarryoverFiscal, CarryoverOther, Carryover };
inline constexpr int kProcSourceCount = 8;
const char* proc_source_key(ProcSource s);

struct ProcurementRow {
  Text unit, project, project_code, item, catalog_code, uom;
  std::optional<Amount> project_budget;
  int64_t quantity = 0;
  std::optional<Amount> unit_price;
  std::array<Amount, kProcSourceCount> amounts{};
  std::optional<Amount> sme_reserved;
  std::optional<bool> fixed_asset;
  Pos pos;
  Money total() const;
  bool is_fixed_asset() const;
};

struct AssetRow {
  int64_t quantity = 0;
  Amount value;
  Pos pos;
  bool present = false;
};

// 资产情况 as the 2021 form states it (原值, 累计折旧, 无形资产, 净资产).
struct AssetStatement {
  std::optional<Amount> original, depreciation, intangible_original, intangible_amortization,
      net_assets;
  bool any() const {
    return original || depreciation || intangible_original || intangible_amortization || net_assets;
  }
};

struct AssetRows {
  AssetRow buildings, office, vehicles, equipment, other;
  AssetStatement statement;
  Money total() const {
    return buildings.value.value + vehicles.value.value + equipment.value.value + other.value.value;
  }
};

struct UnitAssets : AssetRows {
  Text unit;  // institution code or name
  Pos pos;
};

struct Assets : AssetRows {
  Text as_of;                     // 截止日期 "YYYY-MM-DD" (default: 31 Dec of the year before)
  std::vector<UnitAssets> units;  // per budget unit; the department rows are then their sums
  Text note;
  bool present = false;
  Pos pos;
  std::string as_of_or(int year) const {
    return as_of.value.empty() ? std::to_string(year - 1) + "-12-31" : as_of.value;
  }
};

// Sets the department's asset rows (and statement figures every unit states) to the sums of its
// units'.
void sum_unit_assets(Assets& a);

struct Expect {
  std::map<std::string, Amount> values;  // key → expected
};

struct CatalogOverrides {
  std::map<std::string, Text> function, economic;
  std::map<std::string, Text>
      function_notes;  // 功能分类名词解释 for codes the catalogue does not explain
};

// A named fixed sentence replaced (text) or switched off (off) by the department. Names:
// model/blocks.hpp.
struct BlockOverride {
  std::string text;
  bool off = false;
  Pos pos;
};

// `review:` — publication-review rules switched off for this department (docs/review.md). The
// codes are checked by the review itself, which knows them.
struct ReviewOverrides {
  std::vector<Text> off;
  Pos pos;
};

struct Budget {
  std::string file;
  Department dept;
  std::array<Amount, kSourceCount> income{};  // by Source
  Pos income_pos;
  std::vector<ExpenditureLine> expenditure;
  Pos expenditure_pos;
  std::vector<EconomicLine> economic;
  Pos economic_pos;
  ThreePublic three_public;
  PreviousYear previous;
  RunningCost running_cost;
  CatalogOverrides catalog;
  // Codes whose name came from an expenditure line's `name:` (not from `catalog:`) → that line.
  std::map<std::string, Pos> inline_function_names;
  Performance performance;
  std::vector<Project> projects;
  std::vector<Project> special_funds;
  std::vector<ProcurementRow> procurement;
  Assets assets;
  std::map<std::string, Text> texts;
  std::map<std::string, BlockOverride> blocks;
  Expect expect;
  ReviewOverrides review;
  // Every key path the file sets ("projects.unit", list indices dropped) and where it first occurs:
  // lets `check` warn about keys the chosen form does not print.
  std::map<std::string, Pos> key_paths;
};

}  // namespace bp
