// Fuzz target (c): derive (and the document tree built from it) on structurally valid budgets.
//
// The YAML front end rejects almost every random file, so this target starts from the valid budgets
// of examples/ and tests/data/ (loaded once) and lets the fuzz bytes edit the loaded Budget: amounts
// (from 0 to the largest the loader accepts), 功能/经济分类 codes taken from the year's catalogue,
// funding sources, added and removed lines, 三公, previous-year figures, projects, procurement,
// assets. The identities validation enforces (income per source, Σ 经济分类, Σ projects, 机关运行经费,
// 办公用房 ≤ 房屋) are then restored where that is possible, so most inputs reach derive().
//
// Properties: validate/derive/document building never crash; the only exception allowed is
// std::overflow_error from an overflow-checked sum (the pipeline reports it as E010); for a budget
// that validates, every total row of every derived table equals the exact sum of the rows it
// names (sum_of), the figures agree with the lines, and the JSON export parses.
#include <fuzzer/FuzzedDataProvider.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "derive/derived.hpp"
#include "document/build.hpp"
#include "document/plain_text.hpp"
#include "fuzz_support.hpp"
#include "json/tables_json.hpp"
#include "model/load.hpp"
#include "model/validate.hpp"

namespace {

using bp::Money;

struct Templates {
  std::vector<bp::Budget> budgets;
};

const Templates& templates() {
  static const Templates t = [] {
    Templates out;
    const auto root = std::filesystem::path(BP_SOURCE_DIR);
    for (const char* rel : {"tests/data/minimal.yaml", "examples/2021/905.yaml", "examples/2023/434.yaml",
                            "examples/2023/631.yaml", "examples/2024/201.yaml"}) {
      bp::Diagnostics diag(rel);
      auto b = bp::load_budget_file(root / rel, diag);
      if (!b || diag.has_errors()) {
        std::fprintf(stderr, "fuzz_derive: template %s does not load:\n%s", rel, diag.format_all().c_str());
        std::abort();
      }
      out.budgets.push_back(std::move(*b));
    }
    return out;
  }();
  return t;
}

// An amount in 分: mostly realistic, sometimes the extremes the loader accepts (≤ kMaxAmountFen).
Money amount(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0: return Money();
    case 1: return Money::fen(in.ConsumeIntegralInRange<int64_t>(0, 100));
    case 2: return Money::fen(in.ConsumeIntegralInRange<int64_t>(0, bp::kMaxAmountFen));
    case 3: return Money::fen(in.ConsumeIntegralInRange<int64_t>(0, bp::kMaxAmountFen / bp::kFenPerWan) * bp::kFenPerWan);
    default: return Money::fen(in.ConsumeIntegralInRange<int64_t>(0, 100'000'000) * 100);
  }
}

template <class T>
T& pick(FuzzedDataProvider& in, std::vector<T>& v) {
  return v[in.ConsumeIntegralInRange<size_t>(0, v.size() - 1)];
}

const std::string& pick_key(FuzzedDataProvider& in, const std::map<std::string, std::string>& m,
                            size_t len) {
  static const std::string none;
  std::vector<const std::string*> keys;
  for (const auto& [k, v] : m)
    if (k.size() == len) keys.push_back(&k);
  if (keys.empty()) return none;
  return *keys[in.ConsumeIntegralInRange<size_t>(0, keys.size() - 1)];
}

void mutate(FuzzedDataProvider& in, bp::Budget& b, const bp::CatalogYear* cat) {
  const int ops = in.ConsumeIntegralInRange(0, 24);
  for (int op = 0; op < ops && in.remaining_bytes() > 0; ++op) {
    switch (in.ConsumeIntegralInRange(0, 15)) {
      case 0:
        if (!b.expenditure.empty())
          pick(in, b.expenditure).amounts[in.ConsumeIntegralInRange(0, bp::kKindCount - 1)].value = amount(in);
        break;
      case 1:
        if (!b.expenditure.empty() && cat)
          if (const auto& code = pick_key(in, cat->function, 7); !code.empty())
            pick(in, b.expenditure).code.value = code;
        break;
      case 2:
        if (!b.expenditure.empty())
          pick(in, b.expenditure).source =
              static_cast<bp::Source>(in.ConsumeIntegralInRange(0, bp::kSourceCount - 1));
        break;
      case 3:
        if (!b.expenditure.empty() && b.expenditure.size() < 400) {
          bp::ExpenditureLine l = pick(in, b.expenditure);
          if (cat)
            if (const auto& code = pick_key(in, cat->function, 7); !code.empty()) l.code.value = code;
          b.expenditure.push_back(l);
        }
        break;
      case 4:
        if (b.expenditure.size() > 1)
          b.expenditure.erase(b.expenditure.begin() +
                              in.ConsumeIntegralInRange<long>(0, b.expenditure.size() - 1));
        break;
      case 5:
        if (!b.economic.empty()) {
          auto& e = pick(in, b.economic);
          if (in.ConsumeBool() && cat) {
            if (const auto& code = pick_key(in, cat->economic, 5); !code.empty()) e.code.value = code;
          } else {
            e.amount.value = amount(in);
          }
        }
        break;
      case 6: {
        auto& tp = in.ConsumeBool() ? b.three_public.this_year : b.three_public.last_year;
        tp.present = true;
        tp.v[in.ConsumeIntegralInRange(0, bp::kTpItemCount - 1)][in.ConsumeIntegralInRange(0, 2)].value =
            amount(in);
        if (&tp == &b.three_public.last_year) b.three_public.last_year_total.reset();
        break;
      }
      case 7: {
        std::optional<bp::Amount> v;
        if (in.ConsumeBool()) v = bp::Amount{amount(in), {}};
        switch (in.ConsumeIntegralInRange(0, 2)) {
          case 0: b.previous.basic = v; break;
          case 1: b.previous.project = v; break;
          default: b.previous.running_cost = v; break;
        }
        break;
      }
      case 8:
        if (!b.projects.empty()) {
          auto& p = pick(in, b.projects);
          p.other = in.ConsumeBool() ? std::optional<bp::Amount>(bp::Amount{amount(in), {}}) : std::nullopt;
        }
        break;
      case 9:
        if (!b.procurement.empty()) {
          auto& r = pick(in, b.procurement);
          r.amounts[in.ConsumeIntegralInRange(0, bp::kProcSourceCount - 1)].value = amount(in);
          r.quantity = in.ConsumeIntegralInRange<int64_t>(0, 1'000'000'000);
          if (in.ConsumeBool()) r.unit_price = bp::Amount{amount(in), {}};
          if (in.ConsumeBool()) r.sme_reserved = bp::Amount{amount(in), {}};
          r.fixed_asset = in.ConsumeBool();
        }
        break;
      case 10: {
        b.assets.present = true;
        bp::AssetRow* rows[] = {&b.assets.buildings, &b.assets.office, &b.assets.vehicles,
                                &b.assets.equipment, &b.assets.other};
        bp::AssetRow& r = *rows[in.ConsumeIntegralInRange(0, 4)];
        r.present = true;
        r.quantity = in.ConsumeIntegralInRange<int64_t>(0, 1'000'000'000'000);
        r.value.value = amount(in);
        break;
      }
      case 11:
        b.dept.three_public_layout = in.ConsumeBool() ? "full" : "short";
        break;
      case 12:
        if (!b.expenditure.empty()) {
          auto& l = pick(in, b.expenditure);
          if (in.ConsumeBool()) {
            l.personnel.reset();
            l.public_.reset();
          } else {
            l.personnel = bp::Amount{amount(in), {}};
          }
        }
        break;
      case 13:
        if (b.economic.size() < 200 && cat)
          if (const auto& code = pick_key(in, cat->economic, 5); !code.empty())
            b.economic.push_back({{code, {}}, {amount(in), {}}, {}});
        break;
      case 14:
        if (!b.running_cost.items.empty()) pick(in, b.running_cost.items).amount.value = amount(in);
        break;
      default:
        if (!b.projects.empty()) {
          auto& p = pick(in, b.projects);
          p.spend_plan_hundredths.clear();
          int64_t at = 0;
          for (int q = 0; q < 4; ++q) {
            at = std::min<int64_t>(10000, at + in.ConsumeIntegralInRange<int64_t>(0, 10000));
            p.spend_plan_hundredths.push_back(q == 3 ? 10000 : at);
          }
        }
        break;
    }
  }
}

// Restores the identities validation checks, where a non-negative fix exists.
void repair(bp::Budget& b, const bp::CodeNames& names) {
  b.expect.values.clear();
  std::array<Money, bp::kSourceCount> by_source{};
  Money gpb_basic, project_total;
  for (auto& l : b.expenditure) {
    auto& basic = l.amounts[static_cast<int>(bp::Kind::Basic)].value;
    if (l.personnel || l.public_) {
      Money pers = l.personnel ? l.personnel->value : Money();
      if (pers > basic) pers = basic;
      l.personnel = bp::Amount{pers, {}};
      l.public_ = bp::Amount{basic - pers, {}};
    }
    by_source[static_cast<int>(l.source)] += l.total();
    if (l.source == bp::Source::Gpb || l.source == bp::Source::CarryGpb) gpb_basic += basic;
    project_total += l.amounts[static_cast<int>(bp::Kind::Project)].value;
  }
  for (int s = 0; s < bp::kSourceCount; ++s) b.income[s].value = by_source[s];

  Money econ, pub;
  for (const auto& e : b.economic) {
    econ += e.amount.value;
    if (names.economic_kind(e.code.value) == bp::EconKind::Public) pub += e.amount.value;
  }
  if (!b.economic.empty()) {
    Money& last = b.economic.back().amount.value;
    Money fixed = last + (gpb_basic - econ);
    if (!fixed.negative()) {
      if (names.economic_kind(b.economic.back().code.value) == bp::EconKind::Public) pub += fixed - last;
      last = fixed;
    }
  }
  if (!b.running_cost.items.empty()) {
    Money sum;
    for (const auto& i : b.running_cost.items) sum += i.amount.value;
    Money& last = b.running_cost.items.back().amount.value;
    Money fixed = last + (pub - sum);
    if (!fixed.negative()) last = fixed;
  }
  bool all_amounts = !b.projects.empty();
  Money projects;
  for (const auto& p : b.projects) {
    all_amounts = all_amounts && p.has_amount();
    projects += p.budget();
  }
  if (all_amounts) {
    auto& p = b.projects.back();
    Money fiscal = (p.fiscal ? p.fiscal->value : Money()) + (project_total - projects);
    if (!fiscal.negative()) p.fiscal = bp::Amount{fiscal, {}};
  }
  if (b.assets.office.value.value > b.assets.buildings.value.value)
    b.assets.office.value.value = b.assets.buildings.value.value;
  if (b.assets.office.quantity > b.assets.buildings.quantity)
    b.assets.office.quantity = b.assets.buildings.quantity;
}

// Σ of the rows a total row names, column by column, equals the total — exactly, in 分.
void check_sums(const bp::Derived& d) {
  for (const auto& t : d.tables)
    for (const auto& row : t.rows) {
      if (row.sum_of.empty()) continue;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        if (!row.cells[c].amount) continue;
        Money sum;
        bool any = false;
        for (int i : row.sum_of) {
          BP_FUZZ_ASSERT(i >= 0 && static_cast<size_t>(i) < t.rows.size());
          const auto& part = t.rows[static_cast<size_t>(i)];
          if (c < part.cells.size() && part.cells[c].amount) {
            sum += *part.cells[c].amount;
            any = true;
          }
        }
        if (any) BP_FUZZ_ASSERT(sum == *row.cells[c].amount);
      }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)bp::fuzz::context();
  (void)templates();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const bp::Context& ctx = bp::fuzz::context();
  const auto& all = templates().budgets;
  bp::Budget b = all[in.ConsumeIntegralInRange<size_t>(0, all.size() - 1)];
  const bp::Profile* profile = ctx.profile(b.dept.form);
  BP_FUZZ_ASSERT(profile != nullptr);
  bp::CodeNames names{ctx.catalog().for_year(b.dept.year), &b.catalog};

  bp::Diagnostics diag("fuzz.yaml");
  std::optional<bp::Derived> derived;
  try {
    mutate(in, b, names.catalog);
    repair(b, names);
    bp::validate(b, *profile, names, diag);
    if (diag.has_errors()) return 0;
    derived = bp::derive(b, *profile, names);
  } catch (const std::overflow_error&) {
    return 0;  // an overflow-checked sum: the pipeline reports E010
  }
  check_sums(*derived);
  Money lines;
  for (const auto& l : b.expenditure) lines += l.total();
  BP_FUZZ_ASSERT(derived->fig.expenditure_total == lines);
  BP_FUZZ_ASSERT(nlohmann::json::accept(bp::tables_to_json(b, *profile, *derived)));
  bp::BuildOptions o;
  o.templates = &ctx.templates();
  const bp::doc::Document d = bp::build_document(b, *profile, *derived, o);
  (void)bp::document_to_text(d);
  return 0;
}
