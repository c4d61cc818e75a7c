#include "model/validate.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "model/blocks.hpp"

namespace bp {

const std::string* CodeNames::function(const std::string& code) const {
  if (overrides)
    if (auto it = overrides->function.find(code); it != overrides->function.end())
      return &it->second.value;
  if (catalog)
    if (auto it = catalog->function.find(code); it != catalog->function.end()) return &it->second;
  return nullptr;
}

const std::string* CodeNames::economic(const std::string& code) const {
  if (overrides)
    if (auto it = overrides->economic.find(code); it != overrides->economic.end())
      return &it->second.value;
  if (catalog)
    if (auto it = catalog->economic.find(code); it != catalog->economic.end()) return &it->second;
  return nullptr;
}

const std::string* CodeNames::function_note(const std::string& code) const {
  if (overrides)
    if (auto it = overrides->function_notes.find(code); it != overrides->function_notes.end())
      return &it->second.value;
  if (catalog)
    if (auto it = catalog->function_notes.find(code); it != catalog->function_notes.end())
      return &it->second;
  return nullptr;
}

std::optional<EconKind> CodeNames::economic_kind(const std::string& code) const {
  if (!catalog || code.size() < 3) return std::nullopt;
  if (auto it = catalog->economic_kind.find(code.substr(0, 3)); it != catalog->economic_kind.end())
    return it->second;
  return std::nullopt;
}

namespace {

class Validator {
 public:
  Validator(const Budget& b, const Profile& p, const CodeNames& n, Diagnostics& d)
      : b_(b), p_(p), n_(n), d_(d) {}

  void run() {
    department();
    years();
    units();
    blocks();
    unprinted();
    function_notes();
    unprinted_reasons();
    expenditure();
    income();
    economic();
    three_public();
    running_cost();
    projects(b_.projects, "项目");
    projects(b_.special_funds, "专项资金");
    procurement();
    assets();
    expect();
    plausibility();
  }

 private:
  const Budget& b_;
  const Profile& p_;
  const CodeNames& n_;
  Diagnostics& d_;
  Money basic_total_, project_total_, exp_total_, gpb_basic_;
  std::array<Money, kSourceCount> by_source_{};
  Money personnel_, public_;

  // Figures in messages use the file's own unit: a 50 元 difference must not read "367.47 万元
  // 不等于 367.47 万元".
  std::string wan(Money m) const {
    if (b_.dept.unit == Unit::Yuan) return format_hundredths(m.in_fen()) + " 元";
    return format_wan(m) + " 万元";
  }

  // A year without its own profile or catalogue builds with another one: say which.
  void years() {
    const int y = b_.dept.year;
    if (!y) return;
    if (std::find(p_.years.begin(), p_.years.end(), y) == p_.years.end())
      d_.warning("W110", b_.dept.year_pos,
                 std::to_string(y) + " 年没有自己的公开格式，使用“" + p_.id + "”格式（" +
                     p_.description + "）",
                 "如该年度格式有变化，请在 config/profiles/ 中添加 " + std::to_string(y) + ".yaml");
    if (n_.catalog && n_.catalog->year != y && n_.catalog->year != p_.catalog_year)
      d_.warning("W111", b_.dept.year_pos,
                 std::to_string(y) + " 年没有自己的科目目录，使用 " +
                     std::to_string(n_.catalog->year) + " 年的科目目录",
                 "如该年度科目有调整，请在 config/catalog/ 中添加该年度目录（见 docs/catalog.md）");
  }

  // Budget units (institutions): codes unique; every `unit:` of a project or asset list names one.
  void units() {
    std::map<std::string, Pos> codes;
    for (const auto& i : b_.dept.institutions)
      if (!i.code.value.empty())
        if (auto [it, fresh] = codes.emplace(i.code.value, i.code.pos); !fresh)
          d_.error("E102", i.code.pos,
                   "单位编码 " + i.code.value + " 重复，第一次在第 " +
                       std::to_string(it->second.line) + " 行");
    auto check = [&](const Text& unit, const char* what) {
      if (unit.value.empty() || b_.dept.institutions.empty()) return;
      if (!b_.dept.find_unit(unit.value))
        d_.error(
            "E102", unit.pos,
            std::string(what) + "的预算单位“" + unit.value + "”不在 department.institutions 中",
            "请填写机构设置中某个单位的名称或单位编码");
    };
    for (const auto& p : b_.projects) check(p.unit, "项目");
    for (const auto& p : b_.special_funds) check(p.unit, "专项资金");
    for (const auto& u : b_.assets.units) {
      if (b_.dept.institutions.empty())
        d_.error("E102", u.pos,
                 "分单位填写资产时，需要在 department.institutions 中列出各预算单位");
      check(u.unit, "资产");
    }
  }

  // blocks: names from the registry (or "glossary.<term>" of this form); replacement texts must be
  // valid templates, since they may quote figures ({{Y}}, {{income_total}} …).
  void blocks() {
    for (const auto& [name, o] : b_.blocks) {
      if (name.rfind(kGlossaryBlockPrefix, 0) == 0) {
        const std::string term = name.substr(kGlossaryBlockPrefix.size());
        bool known = false;
        for (const auto& g : p_.glossary) known = known || g.term == term;
        if (!known) {
          std::string terms;
          for (const auto& g : p_.glossary) terms += (terms.empty() ? "" : " ") + g.term;
          d_.error("E110", o.pos, "“" + p_.id + "”格式的名词解释中没有“" + term + "”",
                   "可用：" + terms);
        }
      } else if (!find_block(name)) {
        std::string names;
        for (const auto& d : block_defs())
          names += (names.empty() ? "" : " ") + std::string(d.name);
        d_.error("E110", o.pos, "未知的文字块名称“" + name + "”",
                 "可用：" + names + " glossary.<名词>");
        continue;
      }
      if (!o.off) {
        kainjow::mustache::mustache t{o.text};
        if (!t.is_valid())
          d_.error("E111", o.pos, "文字块“" + name + "”的写法有误：" + t.error_message(),
                   "引用数字请写成 {{名称}}，例如 {{Y}}年；不需要时请不要使用花括号");
      }
    }
  }

  // Forms with the 功能分类名词解释 table explain every 类/款/项 the department uses.
  void function_notes() {
    if (!p_.function_glossary) return;
    std::set<std::string> missing;
    Pos first;
    for (const auto& l : b_.expenditure)
      for (size_t len : {3, 5, 7})
        if (l.code.value.size() >= len && !n_.function_note(l.code.value.substr(0, len)) &&
            missing.insert(l.code.value.substr(0, len)).second && !first.line)
          first = l.code.pos;
    if (missing.empty()) return;
    std::string list;
    for (const auto& c : missing) list += (list.empty() ? "" : " ") + c;
    d_.warning("W113", first, "功能分类名词解释表中以下科目没有解释：" + list,
               "请在 catalog.function_notes 中写明，例如 \"" + *missing.begin() + "\": 反映……");
  }

  // Reasons are printed with their comparison: a reason without the figures it explains would be
  // dropped silently.
  void unprinted_reasons() {
    auto warn = [&](const std::map<std::string, Text>& m, const char* key, bool printed,
                    const std::string& needs) {
      auto it = m.find(key);
      if (it == m.end() || printed) return;
      d_.warning("W114", it->second.pos,
                 std::string("原因 ") + key + " 不会印出：没有可比较的上年数（" + needs + "）",
                 "请填写上年数，或删除这条原因");
    };
    const auto& pr = b_.previous;
    const bool totals = pr.basic && pr.project;
    for (const char* k : {"total", "basic", "project"})
      warn(pr.reasons, k, totals, "previous_year.basic 和 previous_year.project");
    warn(pr.reasons, "running_cost", pr.running_cost.has_value(), "previous_year.running_cost");
    const auto& tp = b_.three_public;
    warn(tp.reasons, "total", tp.last_year.present || tp.last_year_total.has_value(),
         "three_public.last_year 或 last_year_total");
    for (const char* k : {"outbound", "reception", "meeting", "training"})
      warn(tp.reasons, k, tp.last_year.present, "three_public.last_year 逐项");
    warn(tp.reasons, "vehicle", tp.last_year_vehicle.has_value(), "three_public.last_year.vehicle");
    for (const char* k : {"vehicle_purchase", "vehicle_operation"})
      warn(tp.reasons, k, tp.last_year.present && !tp.last_year_vehicle,
           "three_public.last_year 中逐项的公务用车购置费和运行维护费");
  }

  // A key the file sets that this form prints nowhere: warn, so nothing is dropped silently.
  void unprinted() {
    for (const auto& path : p_.not_printed)
      if (auto it = b_.key_paths.find(path); it != b_.key_paths.end())
        d_.warning("W112", it->second,
                   "“" + p_.id + "”格式的公开文档不印出 " + path + "，填写的内容不会出现在文档中",
                   "如需公开，请改用其他格式或写入 texts.other_matters");
  }

  void department() {
    if (b_.dept.form != p_.id)
      d_.error("E013", b_.dept.form_pos, "未知的公开格式“" + b_.dept.form + "”");
    if (!n_.catalog)
      d_.error("E020", b_.dept.year_pos, "没有 " + std::to_string(b_.dept.year) + " 年的科目目录",
               "请在 config/catalog/ 中添加该年度的目录（见 docs/catalog.md）");
  }

  void expenditure() {
    std::map<std::pair<std::string, int>, Pos> seen;
    for (const auto& l : b_.expenditure) {
      const std::string& c = l.code.value;
      auto key = std::make_pair(c, static_cast<int>(l.source));
      if (auto [it, fresh] = seen.emplace(key, l.code.pos); !fresh) {
        d_.error("E021", l.code.pos,
                 "科目 " + c + "（资金来源 " + source_key(l.source) + "）重复列出，第一次在第 " +
                     std::to_string(it->second.line) + " 行",
                 "同一科目同一资金来源只写一行，基本支出和项目支出写在同一行");
      }
      if (!l.name.value.empty() && b_.inline_function_names.count(c)) {
        const std::string* listed = nullptr;  // the catalogue's own name, not the overrides'
        if (n_.catalog)
          if (auto it = n_.catalog->function.find(c); it != n_.catalog->function.end())
            listed = &it->second;
        if (!listed)
          d_.warning(
              "W610", l.name.pos,
              "科目目录中没有功能分类科目 " + c + "，文档使用本行写的名称“" + l.name.value + "”",
              "请核对名称；多个部门都用到时，请把它加入科目目录（budgetpress catalog import "
              "或站点配置）");
        else if (*listed != l.name.value)
          d_.warning("W611", l.name.pos,
                     "本行写的名称“" + l.name.value + "”与科目目录中 " + c + " 的名称“" + *listed +
                         "”不同，文档使用本行的名称",
                     "科目目录已有这个科目时不必写 name；请删去或改成目录中的名称");
      }
      if (n_.catalog || n_.overrides) {
        if (!n_.function(c))
          d_.error("E020", l.code.pos, "科目目录中没有功能分类科目 " + c,
                   "新科目请在 catalog.function 中写明名称，例如 \"" + c + "\": 科目名称");
        if (!n_.function(c.substr(0, 3)))
          d_.error("E022", l.code.pos, "科目 " + c + " 所属的类 " + c.substr(0, 3) + " 不存在");
        else if (!n_.function(c.substr(0, 5)))
          d_.error("E022", l.code.pos, "科目 " + c + " 所属的款 " + c.substr(0, 5) + " 不存在");
      }
      if (l.total().zero())
        d_.error("E023", l.pos, "科目 " + c + " 这一行没有任何金额", "没有金额的科目请删除这一行");
      if (l.personnel || l.public_) {
        Money split =
            (l.personnel ? l.personnel->value : Money()) + (l.public_ ? l.public_->value : Money());
        if (split != l.amounts[0].value)
          d_.error("E052", l.amounts[0].pos,
                   "科目 " + c + " 的人员经费与公用经费之和 " + wan(split) + " 不等于基本支出 " +
                       wan(l.amounts[0].value));
      }
      basic_total_ += l.amounts[static_cast<int>(Kind::Basic)].value;
      project_total_ += l.amounts[static_cast<int>(Kind::Project)].value;
      exp_total_ += l.total();
      by_source_[static_cast<int>(l.source)] += l.total();
      if (l.source == Source::Gpb || l.source == Source::CarryGpb)
        gpb_basic_ += l.amounts[static_cast<int>(Kind::Basic)].value;
      if (fiscal_fund(l.source) >= 0)
        for (int k = static_cast<int>(Kind::Operating); k < kKindCount; ++k)
          if (!l.amounts[k].value.zero())
            d_.warning("W024", l.amounts[k].pos,
                       std::string("财政拨款资金通常不列") + kind_key(static_cast<Kind>(k)) +
                           "（经营支出/上解上级/对附属单位补助），请核对资金来源");
    }
    if (b_.expenditure.empty())
      d_.error("E007", b_.expenditure_pos, "expenditure 中至少要有一行支出");
  }

  void income() {
    Money inc_total;
    for (int s = 0; s < kSourceCount; ++s) {
      inc_total += b_.income[s].value;
      if (b_.income[s].value != by_source_[s]) {
        Pos pos = b_.income[s].pos.line ? b_.income[s].pos : b_.income_pos;
        d_.error("E031", pos,
                 std::string("收入 ") + source_key(static_cast<Source>(s)) + " 为 " +
                     wan(b_.income[s].value) + "，但该来源的支出合计为 " + wan(by_source_[s]),
                 "每一资金来源的收入必须等于用该来源安排的支出（差额 " +
                     wan(b_.income[s].value - by_source_[s]) + "）");
      }
    }
    if (inc_total != exp_total_)
      d_.error("E030", b_.income_pos,
               "收入总计 " + wan(inc_total) + " 不等于支出总计 " + wan(exp_total_),
               "部门预算必须收支平衡");
  }

  void economic() {
    std::map<std::string, Pos> seen;
    Money total;
    for (const auto& e : b_.economic) {
      const std::string& c = e.code.value;
      if (auto [it, fresh] = seen.emplace(c, e.code.pos); !fresh)
        d_.error("E042", e.code.pos,
                 "经济分类科目 " + c + " 重复列出，第一次在第 " + std::to_string(it->second.line) +
                     " 行");
      if (n_.catalog || n_.overrides) {
        if (!n_.economic(c))
          d_.error("E040", e.code.pos, "科目目录中没有经济分类科目 " + c,
                   "新科目请在 catalog.economic 中写明名称");
        if (!n_.economic(c.substr(0, 3)) || !n_.economic_kind(c))
          d_.error(
              "E043", e.code.pos,
              "经济分类科目 " + c + " 所属的类 " + c.substr(0, 3) + " 不存在或未标明人员/公用经费");
      }
      total += e.amount.value;
      if (auto k = n_.economic_kind(c))
        (*k == EconKind::Personnel ? personnel_ : public_) += e.amount.value;
    }
    if (total != gpb_basic_) {
      Pos pos = b_.economic_pos.line ? b_.economic_pos : b_.expenditure_pos;
      d_.error(
          "E041", pos,
          "基本支出经济分类合计 " + wan(total) + " 不等于一般公共预算基本支出 " + wan(gpb_basic_),
          "basic_economic 各行之和必须等于 source 为 gpb 的支出行 basic 之和（差额 " +
              wan(total - gpb_basic_) + "）");
    }
    // When lines split 基本支出 into 人员/公用, the split must agree with the economic
    // classification.
    Money line_personnel, line_public;
    bool any_split = false;
    for (const auto& l : b_.expenditure)
      if ((l.source == Source::Gpb || l.source == Source::CarryGpb) && (l.personnel || l.public_)) {
        any_split = true;
        if (l.personnel) line_personnel += l.personnel->value;
        if (l.public_) line_public += l.public_->value;
      }
    if (any_split && (line_personnel != personnel_ || line_public != public_))
      d_.error("E052", b_.expenditure_pos,
               "支出行的人员经费 " + wan(line_personnel) + "、公用经费 " + wan(line_public) +
                   " 与经济分类的人员经费 " + wan(personnel_) + "、公用经费 " + wan(public_) +
                   " 不一致");
  }

  void three_public() {
    const auto& tp = b_.three_public;
    auto layout = b_.dept.three_public_layout;
    if (!p_.three_public_layouts.count(layout)) layout = "full";
    // Items the form's rows cannot show must be zero (e.g. 会议费 in a 2023 table).
    std::set<TpItem> shown;
    if (auto it = p_.three_public_layouts.find(layout); it != p_.three_public_layouts.end())
      for (const auto& r : it->second) shown.insert(r.items.begin(), r.items.end());
    for (int i = 0; i < kTpItemCount; ++i)
      if (!shown.count(static_cast<TpItem>(i)))
        for (const auto& a : tp.this_year.v[i])
          if (!a.value.zero())
            d_.error("E050", a.pos,
                     std::string("三公项目 ") + tp_item_key(static_cast<TpItem>(i)) + " 在 " +
                         p_.id + " 年格式的表中没有对应行");
    // Last year as a group total: the items of that group must not be given as well.
    auto group = [&](const std::optional<Amount>& g, std::initializer_list<TpItem> items,
                     const char* name) {
      if (!g) return;
      for (auto i : items)
        for (const auto& a : tp.last_year.v[static_cast<int>(i)])
          if (a.pos.line)
            d_.error("E107", a.pos,
                     std::string("上年") + name + "已按合计填写，不能再填写其中的分项",
                     "只知道合计时只填合计，比较将在合计层次进行");
    };
    group(tp.last_year_outbound, {TpItem::OutboundResearch, TpItem::OutboundOther},
          "因公出国（境）费");
    group(tp.last_year_vehicle, {TpItem::VehiclePurchase, TpItem::VehicleOperation},
          "公务用车购置及运维费");
    // Soft checks against the basic-expenditure economic lines.
    auto econ = [&](const char* code) {
      Money m;
      for (const auto& e : b_.economic)
        if (e.code.value == code) m += e.amount.value;
      return m;
    };
    struct Pair {
      TpItem item;
      const char* code;
      const char* name;
    };
    for (auto [item, code, name] : {Pair{TpItem::Reception, "30217", "公务接待费"},
                                    Pair{TpItem::VehicleOperation, "30231", "公务用车运行维护费"},
                                    Pair{TpItem::Training, "30216", "培训费"}}) {
      if (!shown.count(item)) continue;
      Money in_tp = tp.this_year.v[static_cast<int>(item)][0].value;
      Money in_econ = econ(code);
      if (in_econ > in_tp)
        d_.warning("W102", tp.this_year.pos.line ? tp.this_year.pos : b_.economic_pos,
                   std::string("三公表的") + name + " " + wan(in_tp) + " 小于基本支出经济分类 " +
                       code + " 的 " + wan(in_econ),
                   "三公经费应包含基本支出中的同类支出，请核对");
    }
  }

  void running_cost() {
    const auto& rc = b_.running_cost;
    if (rc.total) {
      // 机关运行经费 covers 行政 units only: less than all 公用经费 only when some unit is not
      // 行政.
      bool non_admin = false;
      for (const auto& i : b_.dept.institutions) non_admin = non_admin || !i.administrative();
      if (rc.total->value > public_)
        d_.error("E100", rc.total->pos,
                 "机关运行经费 " + wan(rc.total->value) + " 大于基本支出的公用经费 " + wan(public_),
                 "机关运行经费是行政单位公用经费的一部分");
      else if (rc.total->value < public_ && !non_admin)
        d_.error("E101", rc.total->pos,
                 "机关运行经费 " + wan(rc.total->value) + " 小于公用经费 " + wan(public_) +
                     "，但机构设置中没有非行政单位",
                 "只有含事业单位等非行政单位的部门，机关运行经费才会小于公用经费；请在 "
                 "institutions 中写明各单位的单位性质（nature）");
    }
    if (rc.items.empty()) return;
    Money sum;
    for (const auto& i : rc.items) sum += i.amount.value;
    const Money total = rc.total ? rc.total->value : public_;
    if (sum != total)
      d_.error("E051", rc.items_pos,
               "机关运行经费明细合计 " + wan(sum) + " 不等于" +
                   (rc.total ? "机关运行经费 " : "公用经费 ") + wan(total),
               rc.total ? "明细之和应等于 running_cost.total（差额 " + wan(sum - total) + "）"
                        : "机关运行经费即基本支出中的公用经费（经济分类 302 等）；差额 " +
                              wan(sum - public_));
  }

  void projects(const std::vector<Project>& list, const char* what) {
    // A project is identified by its code: one notice title may cover several allocations with
    // different codes. Without codes the name must be unique.
    std::map<std::string, Pos> codes, uncoded_names;
    bool all_amounts = !list.empty();
    Money sum;
    for (const auto& p : list) {
      if (!p.code.value.empty()) {
        if (auto [it, fresh] = codes.emplace(p.code.value, p.code.pos); !fresh)
          d_.error("E061", p.code.pos,
                   std::string(what) + "编码 " + p.code.value + "（“" + p.name.value +
                       "”）重复，第一次在第 " + std::to_string(it->second.line) + " 行");
      } else if (auto [it, fresh] = uncoded_names.emplace(p.name.value, p.name.pos);
                 !fresh && !p.name.value.empty()) {
        d_.error("E061", p.name.pos,
                 std::string(what) + "“" + p.name.value + "”重复，第一次在第 " +
                     std::to_string(it->second.line) + " 行",
                 "名称相同的不同项目请分别填写项目编码（code）");
      }
      all_amounts = all_amounts && p.has_amount();
      sum += p.budget();
      std::vector<int64_t> sp;  // quarters left blank do not take part
      for (auto h : p.spend_plan_hundredths)
        if (h >= 0) sp.push_back(h);
      for (size_t i = 1; i < sp.size(); ++i)
        if (sp[i] < sp[i - 1])
          d_.error("E062", p.spend_plan_pos,
                   "项目“" + p.name.value + "”的资金支出计划应逐期不减（累计百分比）");
      if (p.spend_plan_hundredths.size() == 4 && p.spend_plan_hundredths.back() >= 0 &&
          sp.back() != 10000)
        d_.error("E062", p.spend_plan_pos,
                 "项目“" + p.name.value + "”的资金支出计划到 12 月底应为 100%");
      for (const auto& ind : p.indicators) indicator_levels(ind);
    }
    if (list.data() == b_.projects.data() && all_amounts && sum != project_total_)
      d_.error("E060", list.front().pos,
               "各项目预算数合计 " + wan(sum) + " 不等于项目支出 " + wan(project_total_),
               "差额 " + wan(sum - project_total_));
  }

  // 一级 / 二级指标 against the catalogue's list (config/catalog/indicators/, the one the fill-in
  // workbook's drop-downs show). Without a list (a site catalogue lacking it) nothing is checked.
  void indicator_levels(const Indicator& ind) {
    if (!n_.catalog || n_.catalog->indicator_levels.empty()) return;
    auto join = [](const std::vector<std::string>& l) {
      std::string out;
      for (const auto& x : l) out += (out.empty() ? "" : "/") + x;
      return out;
    };
    // Membership straight on the catalogue's pairs: the distinct lists (copies of every name) are
    // made only for a message (this runs for every indicator of every project).
    const auto& levels = n_.catalog->indicator_levels;
    const auto listed = [&](const std::string& v, bool second) {
      return std::any_of(levels.begin(), levels.end(),
                         [&](const auto& p) { return (second ? p.second : p.first) == v; });
    };
    if (!listed(ind.level1.value, false))
      d_.error("E063", ind.level1.pos.line ? ind.level1.pos : ind.pos,
               "一级指标“" + ind.level1.value + "”不是 " + join(n_.catalog->level1_indicators()) +
                   " 之一");
    if (!ind.level2.value.empty() && !listed(ind.level2.value, true))
      d_.warning("W740", ind.level2.pos.line ? ind.level2.pos : ind.pos,
                 "二级指标“" + ind.level2.value + "”不在二级指标目录中",
                 "目录（config/catalog/indicators/）中的二级指标：" +
                     join(n_.catalog->level2_indicators()) + "；确需使用其他名称时可忽略本警告");
  }

  // 品目编码 against the 政府采购品目分类目录 (config/catalog/procurement/): a warning, so that a
  // code of an older or local catalogue does not stop the build.
  void procurement_code(const ProcurementRow& r) {
    if (!n_.catalog || n_.catalog->procurement.empty() || r.catalog_code.value.empty()) return;
    if (!n_.catalog->procurement_entry(r.catalog_code.value))
      d_.warning("W741", r.catalog_code.pos.line ? r.catalog_code.pos : r.pos,
                 "品目编码 " + r.catalog_code.value + " 不在政府采购品目分类目录中",
                 "品目编码以 A（货物）、B（工程）、C（服务）开头，前几位是目录的门类，如 "
                 "A02010105（A02 设备）；目录见 config/catalog/procurement/");
  }

  void procurement() {
    // Rows find their project by code, or by name when that name is unique.
    std::map<std::string, const Project*> by_name, by_code;
    std::map<std::string, int> name_count;
    for (const auto& p : b_.projects) {
      by_name[p.name.value] = &p;
      ++name_count[p.name.value];
      if (!p.code.value.empty()) by_code[p.code.value] = &p;
    }
    for (const auto& [name, c] : name_count)
      if (c > 1) by_name.erase(name);
    for (const auto& r : b_.procurement) {
      procurement_code(r);
      if (!r.project_code.value.empty() && !by_code.count(r.project_code.value))
        d_.error("E103", r.project_code.pos,
                 "采购条目的项目编码 " + r.project_code.value + " 不在 projects 中");
      if (r.project_code.value.empty() && name_count[r.project.value] > 1)
        d_.error("E103", r.project.pos,
                 "有多个名为“" + r.project.value + "”的项目，采购条目应写明 project_code");
      Money t = r.total();
      if (t.zero()) d_.error("E072", r.pos, "采购条目“" + r.item.value + "”没有金额");
      if (r.sme_reserved && r.sme_reserved->value > t)
        d_.error("E070", r.sme_reserved->pos,
                 "预留中小微企业份额 " + wan(r.sme_reserved->value) + " 大于该条目金额 " + wan(t));
      auto it = r.project_code.value.empty() ? by_name.find(r.project.value)
                                             : by_code.find(r.project_code.value);
      if (r.project_budget && it != by_name.end() && it != by_code.end() &&
          it->second->has_amount() && it->second->budget() != r.project_budget->value)
        d_.error("E071", r.project_budget->pos,
                 "预算资金 " + wan(r.project_budget->value) + " 与项目“" + r.project.value +
                     "”的预算数 " + wan(it->second->budget()) + " 不一致",
                 "有项目预算数时可省略 project_budget，由程序填入");
      if (r.project_budget && t > r.project_budget->value)
        d_.error("E073", r.pos,
                 "采购金额 " + wan(t) + " 超过所属项目的预算资金 " + wan(r.project_budget->value));
      if (r.unit_price && r.quantity > 0) {
        // 单价 is rounded to 0.01 万元 in print, so q × price may miss the amount by up to q ×
        // 0.005 万元.
        Money approx = r.unit_price->value * r.quantity;
        Money diff = approx > t ? approx - t : t - approx;
        Money tol = Money::fen(kFenPerWan / 200) * r.quantity;
        if (diff > tol)
          d_.warning("W074", r.unit_price->pos,
                     "数量 × 单价 = " + wan(approx) + "，与金额 " + wan(t) + " 相差较大，请核对");
      }
    }
  }

  void assets() {
    const auto& a = b_.assets;
    if (!a.present) return;
    asset_rows(a);
    for (const auto& u : a.units) asset_rows(u);
    if (!a.as_of.value.empty()) {
      const std::string& d = a.as_of.value;
      bool ok = d.size() == 10 && d[4] == '-' && d[7] == '-';
      for (size_t i = 0; ok && i < d.size(); ++i)
        ok = i == 4 || i == 7 || (d[i] >= '0' && d[i] <= '9');
      int mo = ok ? std::stoi(d.substr(5, 2)) : 0, day = ok ? std::stoi(d.substr(8, 2)) : 0;
      if (!ok || mo < 1 || mo > 12 || day < 1 || day > 31)
        d_.error("E105", a.as_of.pos, "资产截止日期“" + d + "”应写成 YYYY-MM-DD",
                 "例如 \"2020-12-31\"");
    }
  }

  void asset_rows(const AssetRows& a) {
    if (a.office.quantity > a.buildings.quantity || a.office.value.value > a.buildings.value.value)
      d_.error("E080", a.office.pos, "其中：办公用房的面积或价值大于房屋",
               "办公用房是房屋的一部分");
    const auto& s = a.statement;
    if (s.original && s.depreciation && s.depreciation->value > s.original->value)
      d_.error(
          "E106", s.depreciation->pos,
          "累计折旧 " + wan(s.depreciation->value) + " 大于固定资产原值 " + wan(s.original->value));
    if (s.intangible_original && s.intangible_amortization &&
        s.intangible_amortization->value > s.intangible_original->value)
      d_.error("E106", s.intangible_amortization->pos,
               "无形资产累计摊销 " + wan(s.intangible_amortization->value) + " 大于无形资产原值 " +
                   wan(s.intangible_original->value));
    if (s.depreciation && !s.original)
      d_.error("E106", s.depreciation->pos, "填写了累计折旧但没有固定资产原值（original）");
    if (s.intangible_amortization && !s.intangible_original)
      d_.error("E106", s.intangible_amortization->pos,
               "填写了无形资产累计摊销但没有无形资产原值（intangible_original）");
  }

  void expect() {
    std::map<std::string, Money> derived = {
        {"income_total", exp_total_ - carry_income()},
        {"expenditure_total", exp_total_},
        {"basic_total", basic_total_},
        {"project_total", project_total_},
        {"personnel_total", personnel_},
        {"public_total", public_},
    };
    Money fiscal, gpb;
    for (int s = 0; s < kSourceCount; ++s) {
      if (s <= static_cast<int>(Source::Soc)) fiscal += b_.income[s].value;
    }
    gpb = b_.income[0].value;
    derived["fiscal_total"] = fiscal;
    derived["gpb_total"] = gpb;
    Money tp;
    auto layout = b_.dept.three_public_layout;
    if (auto it = p_.three_public_layouts.find(layout);
        it != p_.three_public_layouts.end() && !it->second.empty())
      for (auto item : it->second.front().items) tp += b_.three_public.this_year.item(item);
    derived["three_public_total"] = tp;
    Money proc;
    for (const auto& r : b_.procurement) proc += r.total();
    derived["procurement_total"] = proc;
    const auto& a = b_.assets;
    derived["assets_total"] = a.buildings.value.value + a.vehicles.value.value +
                              a.equipment.value.value + a.other.value.value;
    for (const auto& [key, exp] : b_.expect.values) {
      auto it = derived.find(key);
      if (it == derived.end()) continue;
      if (it->second != exp.value)
        d_.error("E090", exp.pos,
                 "expect." + key + " 为 " + wan(exp.value) + "，但计算结果为 " + wan(it->second),
                 "expect 中的数字只用于核对；请检查明细数据或预算系统导出的合计（差额 " +
                     wan(exp.value - it->second) + "）");
    }
  }

  Money carry_income() const {
    Money c;
    for (int s = static_cast<int>(Source::CarryGpb); s < kSourceCount; ++s) c += b_.income[s].value;
    return c;
  }

  // 元/万元 slips: a figure about 10000× (or 1/10000 of) last year's.
  void plausibility() {
    auto check = [&](const std::optional<Amount>& prev, Money now, const char* what) {
      if (!prev || prev->value.zero() || now.zero()) return;
      __int128 a = now.in_fen(), b = prev->value.in_fen();
      if (a >= b * 1000 || b >= a * 1000)
        d_.warning("W101", prev->pos,
                   std::string(what) + "本年 " + wan(now) + "，上年 " + wan(prev->value) +
                       "，相差千倍以上",
                   "可能把“元”当成了“万元”（或相反）；请核对 department.unit 与上年数");
    };
    check(b_.previous.basic, basic_total_, "基本支出");
    check(b_.previous.project, project_total_, "项目支出");
    check(b_.previous.running_cost, public_, "机关运行经费");
  }
};

}  // namespace

void validate(const Budget& b, const Profile& profile, const CodeNames& names, Diagnostics& diag) {
  Validator(b, profile, names, diag).run();
}

}  // namespace bp
