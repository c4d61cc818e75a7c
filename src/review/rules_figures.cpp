// W200–W209: figures written in free text against the structured data of the same project.
// Every comparison is made within the rounding of the written figure (“38万元” matches 37.5–38.5),
// and a rule stays silent where the comparison is not sound: rates (人均, 每, 单次 …), ranges,
// titles in 《》, numbers without a unit, and amounts that may be a part of the budget.
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "review/rules.hpp"
#include "util/utf8.hpp"

namespace bp::review {

namespace {

struct Fact {
  int64_t fen = 0;
  std::string label;  // “项目预算数 38.00 万元”
  bool cost = false;  // a 成本指标 of the project (not a figure of the data)
};

std::vector<Fact> data_only(const std::vector<Fact>& facts) {
  std::vector<Fact> out;
  for (const auto& f : facts)
    if (!f.cost) out.push_back(f);
  return out;
}

bool contains(const std::string& s, const char* w) {
  return s.find(w) != std::string::npos;
}

bool is_total_amount(const Figure& f) {
  return f.kind == FigureKind::Amount && !f.per_unit && !f.in_range && !f.in_title && !f.in_formula;
}

// The amounts of a text that state a total: not rates, ranges or titles.
std::vector<Figure> total_amounts(const std::string& text) {
  std::vector<Figure> out;
  for (auto& f : extract_figures(text))
    if (is_total_amount(f)) out.push_back(std::move(f));
  return out;
}

// A written amount within 20 % of a figure but not equal to it within rounding: the kind of
// difference a copy error makes (0.02, 0.63, 1.00 万元), not a different quantity.
bool near_miss(const Figure& f, int64_t fen) {
  if (fen <= 0 || amount_matches(f, fen)) return false;
  __int128 d = f.micro_fen() - static_cast<__int128>(fen) * 1'000'000;
  if (d < 0) d = -d;
  return d * 5 <= static_cast<__int128>(fen) * 1'000'000;
}

int64_t fen_of(const Figure& f) {
  return static_cast<int64_t>(f.micro_fen() / 1'000'000);
}

std::string diff_wan(const Figure& f, int64_t fen) {
  __int128 d = f.micro_fen() - static_cast<__int128>(fen) * 1'000'000;
  if (d < 0) d = -d;
  return wan(static_cast<int64_t>(d / 1'000'000));
}

// A written amount read with the other unit (元 for 万元 and back) matches a figure.
std::optional<Fact> unit_slip(const Figure& f, const std::vector<Fact>& facts) {
  Figure bigger = f, smaller = f;
  bigger.fen_per_unit = f.fen_per_unit * 10'000;
  smaller.fen_per_unit = f.fen_per_unit / 10'000;
  for (const auto& k : facts) {
    if (k.fen == 0) continue;
    if (amount_matches(bigger, k.fen)) return k;
    if (smaller.fen_per_unit > 0 && amount_matches(smaller, k.fen)) return k;
  }
  return std::nullopt;
}

struct ProjectFacts {
  std::optional<int64_t> budget;     // 预算数 when the file states it
  std::vector<Fact> facts;           // everything a text amount may legitimately equal
  std::optional<int64_t> total_cap;  // the 成本指标 cap that bounds the whole project
  std::string total_cap_text;
  std::vector<const ProcurementRow*> rows;
};

bool per_unit_indicator(const Indicator& ind) {
  for (const char* w : {"人均", "单次", "平均", "每", "单价", "单位", "标准", "次均", "户均"})
    if (contains(ind.name.value, w) || contains(ind.description.value, w)) return true;
  return false;
}

// Amount caps of the 成本指标 of a project that bound a total (not a rate).
std::vector<std::pair<const Indicator*, Figure>> cost_amounts(const Project& p) {
  std::vector<std::pair<const Indicator*, Figure>> out;
  for (const auto& ind : p.indicators) {
    if (!is_cost_indicator(ind) || per_unit_indicator(ind)) continue;
    auto figs = total_amounts(ind.value.value);
    if (figs.size() == 1 && figs[0].rel != Relation::AtLeast) out.emplace_back(&ind, figs[0]);
  }
  return out;
}

ProjectFacts facts_of(const Project& p, const Budget& b) {
  ProjectFacts pf;
  if (p.has_amount() && p.budget().in_fen() > 0) {
    pf.budget = p.budget().in_fen();
    pf.facts.push_back({*pf.budget, "项目预算数 " + wan(*pf.budget) + " 万元"});
    if (p.fiscal && !p.fiscal->value.zero() && p.fiscal->value != p.budget())
      pf.facts.push_back(
          {p.fiscal->value.in_fen(), "财政资金 " + wan(p.fiscal->value.in_fen()) + " 万元"});
    if (p.other && !p.other->value.zero() && p.other->value != p.budget())
      pf.facts.push_back(
          {p.other->value.in_fen(), "其他资金 " + wan(p.other->value.in_fen()) + " 万元"});
  }
  int64_t proc_sum = 0;
  std::map<std::string, int64_t> by_item;
  for (const auto& r : b.procurement) {
    if (r.project.value != p.name.value) continue;
    pf.rows.push_back(&r);
    const int64_t t = r.total().in_fen();
    pf.facts.push_back({t, "采购“" + r.item.value + "” " + wan(t) + " 万元"});
    if (r.project_budget)
      pf.facts.push_back({r.project_budget->value.in_fen(),
                          "采购表预算资金 " + wan(r.project_budget->value.in_fen()) + " 万元"});
    proc_sum += t;
    by_item[r.item.value] += t;
  }
  if (pf.rows.size() > 1) pf.facts.push_back({proc_sum, "政府采购合计 " + wan(proc_sum) + " 万元"});
  for (const auto& [item, t] : by_item)
    pf.facts.push_back({t, "采购“" + item + "”合计 " + wan(t) + " 万元"});
  for (const auto& [ind, f] : cost_amounts(p)) {
    const int64_t fen = fen_of(f);
    pf.facts.push_back({fen, "成本指标“" + ind->name.value + "” " + ind->value.value, true});
    // The cap of the whole project: the largest one, and only when it is not far below the
    // budget (a cap of a part — 印刷成本 ≤3万元 in a 20 万元 project — bounds nothing else).
    if (f.rel == Relation::AtMost && (!pf.total_cap || fen > *pf.total_cap) &&
        (!pf.budget || fen * 5 >= *pf.budget * 4)) {
      pf.total_cap = fen;
      pf.total_cap_text = "成本指标“" + ind->name.value + "”" + ind->value.value;
    }
  }
  return pf;
}

bool matches_any(const Figure& f, const std::vector<Fact>& facts) {
  return std::any_of(facts.begin(), facts.end(),
                     [&](const Fact& k) { return amount_matches(f, k.fen); });
}

// A context that announces a different total than this year's budget (a multi-year investment…).
bool other_total_context(const std::string& ctx) {
  for (const char* w : {"总投资", "累计",     "总额", "总计", "合同", "总预算", "总造价", "概算",
                        "上年",   "以前年度", "历年", "节约", "节省", "收入",   "效益",   "带动",
                        "拉动",   "撬动",     "产值", "税收", "营收", "融资",   "贷款"})
    if (contains(ctx, w)) return true;
  return false;
}

bool spending_context(const std::string& ctx) {
  for (const char* w :
       {"安排", "预算", "资金", "经费", "投入", "支出", "用于", "拨付", "花费", "使用"})
    if (contains(ctx, w)) return true;
  return false;
}

// A 成本指标 that speaks of the whole project (总成本, 预算控制数, 成本控制范围 …), not of a part.
bool total_indicator(const Indicator& ind) {
  for (const char* w : {"总", "预算", "项目", "控制数", "成本控制", "资金", "经费", "全年"})
    if (contains(ind.name.value, w) || contains(ind.description.value, w)) return true;
  return false;
}

const char* kHintAmount = "请核对文字中的金额与项目预算数（或采购金额、成本指标），改成一致的数字";

// W200 / W201 / W206: amounts in 资金用途 and 绩效目标.
void narrative_amounts(const Context& c, const TextField& f, const ProjectFacts& pf) {
  auto amounts = total_amounts(f.text->value);
  std::erase_if(amounts, [](const Figure& a) { return a.rel == Relation::AtLeast; });
  if (amounts.empty()) return;
  std::vector<const Figure*> unmatched;
  for (const auto& a : amounts)
    if (!matches_any(a, pf.facts)) unmatched.push_back(&a);
  if (unmatched.empty()) return;
  // A breakdown: parts that together make a known figure (“设备15万元、运维23万元” of 38 万元).
  if (unmatched.size() >= 2) {
    Figure sum = *unmatched[0];
    // the sum of parts in fen, compared with the rounding of the least precise part
    __int128 total = 0, tol = 0;
    for (auto* u : unmatched) total += u->micro_fen(), tol += u->tolerance_micro_fen();
    for (const auto& k : pf.facts) {
      __int128 d = total - static_cast<__int128>(k.fen) * 1'000'000;
      if (d < 0) d = -d;
      if (d <= tol) return;
    }
    (void)sum;
  }
  for (const Figure* u : unmatched) {
    if (auto k = unit_slip(*u, pf.facts)) {
      c.add("W201", f,
            "“" + written(*u) + "”与" + k->label + "相差一万倍，单位可能写错（元 / 万元）",
            "请确认文字中的金额单位：数据中的金额是 " + k->label, k->label);
      continue;
    }
    if (other_total_context(u->context)) continue;
    // A goal speaks of many things (带动投资, 产值 …): only money that the project spends counts.
    if (f.kind == FieldKind::ProjectGoal && !spending_context(u->context)) continue;
    const int64_t fen = fen_of(*u);
    if (pf.budget && near_miss(*u, *pf.budget)) {
      c.add("W200", f,
            "文字中的“" + written(*u) + "”与项目预算数 " + wan(*pf.budget) + " 万元不符（相差 " +
                diff_wan(*u, *pf.budget) + " 万元）",
            kHintAmount, "项目预算数 " + wan(*pf.budget) + " 万元");
      continue;
    }
    if (pf.budget && fen > *pf.budget && !amount_matches(*u, *pf.budget)) {
      c.add("W206", f, "文字中的“" + written(*u) + "”超过了项目预算数 " + wan(*pf.budget) + " 万元",
            kHintAmount, "项目预算数 " + wan(*pf.budget) + " 万元");
      continue;
    }
    if (pf.total_cap && fen > *pf.total_cap && !amount_matches(*u, *pf.total_cap)) {
      c.add("W206", f, "文字中的“" + written(*u) + "”超过了本项目" + pf.total_cap_text,
            "请核对金额与成本指标的上限，改成一致的数字", pf.total_cap_text);
      continue;
    }
  }
}

// W203: a 成本指标 amount against the project budget.
void cost_vs_budget(const Context& c, const Project& p, const ProjectFacts& pf,
                    const std::vector<TextField>& fields) {
  if (!pf.budget) return;
  auto costs = cost_amounts(p);
  for (const auto& [ind, f] : costs) {
    const TextField* field = nullptr;
    for (const auto& tf : fields)
      if (tf.indicator == ind && tf.kind == FieldKind::IndicatorValue) field = &tf;
    if (!field) continue;
    if (unit_slip(f, data_only(pf.facts))) continue;  // W201 says it better
    const int64_t fen = fen_of(f);
    const std::string data = "项目预算数 " + wan(*pf.budget) + " 万元";
    if (fen > *pf.budget && !amount_matches(f, *pf.budget)) {
      c.add("W203", *field,
            "成本指标“" + ind->name.value + "”的" + ind->value.value + "超过了项目预算数 " +
                wan(*pf.budget) + " 万元",
            "成本指标的金额不能大于项目预算数；请核对指标值或预算数", data);
    } else if (costs.size() == 1 && total_indicator(*ind) && near_miss(f, *pf.budget)) {
      c.add("W203", *field,
            "成本指标“" + ind->name.value + "”的" + ind->value.value + "与项目预算数 " +
                wan(*pf.budget) + " 万元不符（相差 " + diff_wan(f, *pf.budget) + " 万元）",
            "成本指标写的是项目总成本时应与预算数一致；请核对指标值或预算数", data);
    }
  }
}

// W204: arithmetic written in an indicator against its own cap.
void arithmetic_vs_cap(const Context& c, const Project& p, const std::vector<TextField>& fields) {
  for (const auto& ind : p.indicators) {
    auto caps = total_amounts(ind.value.value);
    if (caps.size() != 1 || caps[0].rel != Relation::AtMost) continue;
    const Figure& cap = caps[0];
    Arithmetic ar;
    std::string where;
    for (const Text* t : {&ind.value, &ind.description, &ind.name})
      if (find_arithmetic(t->value, ar)) break;
    if (ar.written.empty()) continue;
    const long double cap_fen = static_cast<long double>(cap.micro_fen()) / 1e6L +
                                static_cast<long double>(cap.tolerance_micro_fen()) / 1e6L;
    // Without a unit the arithmetic may be in 元 or in the cap's unit: a finding only if it
    // exceeds the cap either way.
    long double lowest = ar.fen_per_unit ? ar.value * ar.fen_per_unit
                                         : ar.value * std::min<int64_t>(100, cap.fen_per_unit);
    if (lowest <= cap_fen + 0.5L) continue;
    const TextField* field = nullptr;
    for (const auto& tf : fields)
      if (tf.indicator == &ind && tf.kind == FieldKind::IndicatorValue) field = &tf;
    if (!field) continue;
    c.add("W204", *field,
          "指标“" + ind.name.value + "”写明的算式“" + ar.written + "”超过了它自己的上限“" +
              written(cap) + "”",
          "请核对算式中的数量、单价，或调整指标值的上限", "算式“" + ar.written + "”");
  }
}

// W205: a description's direction (不超过 / 不低于) against the value's.
void direction(const Context& c, const Project& p, const std::vector<TextField>& fields) {
  for (const auto& ind : p.indicators) {
    auto vals = extract_figures(ind.value.value);
    auto descs = extract_figures(ind.description.value);
    for (const auto& v : vals) {
      if (v.rel == Relation::Equal) continue;
      for (const auto& d : descs) {
        if (d.rel == Relation::Equal || d.rel == v.rel || d.unit != v.unit ||
            d.number.value() != v.number.value())
          continue;
        const TextField* field = nullptr;
        for (const auto& tf : fields)
          if (tf.indicator == &ind && tf.kind == FieldKind::IndicatorValue) field = &tf;
        if (!field) continue;
        c.add("W205", *field,
              "指标“" + ind.name.value + "”的描述是" +
                  (d.rel == Relation::AtMost ? "上限" : "下限") + "，指标值却是" +
                  (v.rel == Relation::AtMost ? "上限" : "下限") + "（“" + ind.description.value +
                  "” / “" + ind.value.value + "”）",
              "描述和指标值的方向（≤ 不超过 / ≥ 不低于）应一致；请改正其中一处",
              "绩效指标描述“" + ind.description.value + "”");
        return;
      }
    }
  }
}

// Does the clause before a quantity name a procurement item (台式计算机 → “计算机”, 公务用车)?
bool names_item(const std::string& context, const std::string& item) {
  std::u32string it = utf8::to_u32(item);
  std::erase_if(it, [](char32_t ch) { return ch < 0x3400; });  // A4, spaces: keep the Han name
  if (it.size() < 2) return false;
  if (contains(context, utf8::from_u32(it).c_str())) return true;
  // The head noun: 台式计算机 → 计算机 / 算机, 公务用车 → 用车. Two characters only when they name
  // a thing (服务, 设备, 用品 … name nothing in particular).
  if (it.size() >= 4 && contains(context, utf8::from_u32(it.substr(it.size() - 3)).c_str()))
    return true;
  const std::string two = utf8::from_u32(it.substr(it.size() - 2));
  for (const char* generic : {"服务", "设备", "用品", "材料", "耗材", "工程", "项目", "系统",
                              "其他", "费用", "物资", "软件"})
    if (two == generic) return false;
  return contains(context, two.c_str());
}

bool quantity_agrees(const Figure& q, int64_t have) {
  if (q.number.decimals != 0) return true;
  const int64_t said = q.number.mantissa;
  switch (q.rel) {
    case Relation::Equal:
      return said == have;
    case Relation::AtMost:
      return have <= said;
    case Relation::AtLeast:
      return have >= said;
  }
  return true;
}

// W202: quantities in a project's text against its procurement rows of the same item.
void quantities(const Context& c, const TextField& f, const ProjectFacts& pf,
                const std::string& context_prefix) {
  if (pf.rows.empty()) return;
  for (const auto& q : extract_figures(f.text->value)) {
    if (q.kind != FigureKind::Quantity || q.per_unit || q.in_range || q.in_title) continue;
    const std::string ctx = context_prefix + q.context;
    int64_t total = 0;
    std::vector<int64_t> each;
    std::string items;
    for (const auto* r : pf.rows) {
      if (r->uom.value != q.unit || !names_item(ctx, r->item.value)) continue;
      total += r->quantity;
      each.push_back(r->quantity);
      items += (items.empty() ? "" : "、") + r->item.value + " " + std::to_string(r->quantity) +
               r->uom.value;
    }
    if (each.empty() || quantity_agrees(q, total)) continue;
    if (q.rel == Relation::Equal &&
        std::find(each.begin(), each.end(), q.number.mantissa) != each.end())
      continue;
    c.add("W202", f, "文字中的“" + written(q) + "”与政府采购表不符（" + items + "）",
          "请核对数量：文字、绩效指标和政府采购表应写同一个数", "政府采购：" + items);
  }
}

// W207: one staff count stated twice with different numbers (编制 15 人 … 编制 16 人).
void staff_counts(const Context& c) {
  struct Seen {
    int64_t n;
    const TextField* f;
    std::string w;
  };
  std::map<std::string, Seen> seen;
  static const char* kLabels[] = {"行政编制", "事业编制",   "工勤编制", "编制",     "在职人员",
                                  "在职职工", "实有人员",   "实有人数", "在编人员", "退休人员",
                                  "离休人员", "离退休人员", "职工"};
  for (const auto& f : c.fields) {
    if (f.project) continue;  // project texts count the people a project serves
    for (const auto& q : extract_figures(f.text->value)) {
      if (q.kind != FigureKind::Quantity || (q.unit != "人" && q.unit != "名") ||
          q.rel != Relation::Equal || q.per_unit || q.in_range || q.number.decimals)
        continue;
      std::string label;
      for (const char* l : kLabels)
        if (q.context.size() >= std::string(l).size() && contains(q.context, l)) {
          label = l;
          break;
        }
      if (label.empty()) continue;
      auto [it, fresh] = seen.try_emplace(label, Seen{q.number.mantissa, &f, written(q)});
      if (fresh || it->second.n == q.number.mantissa) continue;
      c.add("W207", f,
            label + "人数写了两个不同的数：“" + written(q) + "”，而" + it->second.f->section +
                "中是“" + it->second.w + "”",
            "同一人数在全文中应一致；请核对后统一", it->second.f->section + "：" + it->second.w);
    }
  }
}

}  // namespace

std::string wan(int64_t fen) {
  return format_wan(Money::fen(fen));
}

std::string written(const Figure& f) {
  std::string s;
  if (f.rel == Relation::AtMost) s = "≤";
  if (f.rel == Relation::AtLeast) s = "≥";
  const int64_t m = f.number.mantissa < 0 ? -f.number.mantissa : f.number.mantissa;
  std::string digits = std::to_string(m);
  if (f.number.decimals > 0) {
    while (static_cast<int>(digits.size()) <= f.number.decimals) digits.insert(0, "0");
    digits.insert(digits.size() - f.number.decimals, ".");
  }
  return s + digits + f.unit;
}

void check_figures(const Context& c) {
  const Budget& b = c.in.budget;
  // Fields by project, so that each project looks at its own texts only.
  std::unordered_map<const Project*, std::vector<const TextField*>> by_project;
  for (const auto& f : c.fields)
    if (f.project) by_project[f.project].push_back(&f);
  auto each_project = [&](const std::vector<Project>& list) {
    for (const auto& p : list) {
      const ProjectFacts pf = facts_of(p, b);
      std::vector<TextField> own;
      for (const TextField* tf : by_project[&p]) own.push_back(*tf);
      for (const auto& f : own) {
        if (f.kind == FieldKind::ProjectPurpose || f.kind == FieldKind::ProjectGoal) {
          narrative_amounts(c, f, pf);
          quantities(c, f, pf, "");
        } else if (f.kind == FieldKind::IndicatorValue && f.indicator) {
          quantities(c, f, pf, f.indicator->name.value + "，" + f.indicator->description.value);
        }
        if ((f.kind == FieldKind::IndicatorValue || f.kind == FieldKind::IndicatorDescription)) {
          const auto data = data_only(pf.facts);
          for (const auto& a : total_amounts(f.text->value))
            if (!matches_any(a, data))
              if (auto k = unit_slip(a, data))
                c.add("W201", f,
                      "“" + written(a) + "”与" + k->label + "相差一万倍，单位可能写错（元 / 万元）",
                      "请确认指标中的金额单位：数据中的金额是 " + k->label, k->label);
        }
      }
      cost_vs_budget(c, p, pf, own);
      arithmetic_vs_cap(c, p, own);
      direction(c, p, own);
    }
  };
  each_project(b.projects);
  each_project(b.special_funds);
  staff_counts(c);
}

}  // namespace bp::review
