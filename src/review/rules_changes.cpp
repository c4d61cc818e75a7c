// W208: an amount of change in an explanation (“基本支出减少9.11万元”) against the derived
// change of the same figure; W209: an amount written right after a project's name in a
// department-level text (“…专项资金项目100.00万元”) against that project's 预算数.
#include <algorithm>
#include <regex>

#include "review/rules.hpp"
#include "util/utf8.hpp"

namespace bp::review {

namespace {

enum class Direction { None, Up, Down };

// The direction word nearest before the amount in its clause.
Direction direction_of(const std::string& context) {
  size_t best = std::string::npos;
  Direction d = Direction::None;
  auto scan = [&](std::initializer_list<const char*> words, Direction dir) {
    for (const char* w : words) {
      const size_t at = context.rfind(w);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at;
        d = dir;
      }
    }
  };
  scan({"增加", "增长", "上升", "提高", "上涨", "多安排", "增幅"}, Direction::Up);
  scan({"减少", "下降", "降低", "压减", "缩减", "核减", "减幅", "节约"}, Direction::Down);
  return d;
}

struct Change {
  int64_t delta = 0;  // fen, now − previous
  std::string what;   // “基本支出”
};

std::optional<Change> change_for(const Budget& b, const Figures& fig, const std::string& key) {
  auto from = [](const ChangeFigure& c, const char* what) -> std::optional<Change> {
    if (!c.has_prev) return std::nullopt;
    return Change{c.delta.in_fen(), what};
  };
  if (key == "previous_year.reasons.total") return from(fig.total_change, "支出总计");
  if (key == "previous_year.reasons.basic") return from(fig.basic_change, "基本支出");
  if (key == "previous_year.reasons.project") return from(fig.project_change, "项目支出");
  if (key == "previous_year.reasons.running_cost")
    return from(fig.running_cost_change, "机关运行经费");
  if (!fig.tp_prev_known || !b.three_public.last_year.present) {
    if (key == "three_public.reasons.total" && fig.tp_prev_known)
      return from(fig.tp_change, "“三公”经费");
    return std::nullopt;
  }
  auto item = [&](std::initializer_list<TpItem> items, const char* what) -> std::optional<Change> {
    int64_t d = 0;
    for (TpItem i : items)
      d += fig.tp_now[static_cast<int>(i)].in_fen() - fig.tp_prev[static_cast<int>(i)].in_fen();
    return Change{d, what};
  };
  if (key == "three_public.reasons.total") return from(fig.tp_change, "“三公”经费");
  if (key == "three_public.reasons.outbound")
    return item({TpItem::OutboundResearch, TpItem::OutboundOther}, "因公出国（境）费");
  if (key == "three_public.reasons.vehicle_purchase")
    return item({TpItem::VehiclePurchase}, "公务用车购置费");
  if (key == "three_public.reasons.vehicle_operation")
    return item({TpItem::VehicleOperation}, "公务用车运行维护费");
  if (key == "three_public.reasons.reception") return item({TpItem::Reception}, "公务接待费");
  if (key == "three_public.reasons.meeting")
    return item({TpItem::MeetingUniversity, TpItem::MeetingOther}, "会议费");
  if (key == "three_public.reasons.training") return item({TpItem::Training}, "培训费");
  return std::nullopt;
}

void changes(const Context& c) {
  for (const auto& f : c.fields) {
    if (f.kind != FieldKind::Reason) continue;
    auto ch = change_for(c.in.budget, c.in.derived.fig, f.key);
    if (!ch) continue;
    const int64_t size = ch->delta < 0 ? -ch->delta : ch->delta;
    struct Said {
      Figure fig;
      Direction dir;
    };
    std::vector<Said> said;
    for (auto& a : extract_figures(f.text->value)) {
      if (a.kind != FigureKind::Amount || a.per_unit || a.in_range || a.in_formula ||
          a.rel != Relation::Equal)
        continue;
      Direction d = direction_of(a.context);
      if (d != Direction::None) said.push_back({a, d});
    }
    if (said.empty()) continue;
    const Direction actual = ch->delta > 0   ? Direction::Up
                             : ch->delta < 0 ? Direction::Down
                                             : Direction::None;
    // One of them states the change rightly: the others are parts of it (人员经费增加…).
    bool right = false;
    for (const auto& s : said)
      if (amount_matches(s.fig, size) && s.dir == actual) right = true;
    if (right) continue;
    const std::string data = ch->what + (ch->delta >= 0 ? "增加 " : "减少 ") + wan(size) + " 万元";
    for (const auto& s : said) {
      if (amount_matches(s.fig, size) && actual != Direction::None && s.dir != actual) {
        c.add("W208", f,
              "文字说" + ch->what + (s.dir == Direction::Up ? "增加" : "减少") + "“" +
                  written(s.fig) + "”，数据是" + (actual == Direction::Up ? "增加" : "减少"),
              "请改正增减的方向", data);
        break;
      }
      Figure t = s.fig;
      __int128 d = t.micro_fen() - static_cast<__int128>(size) * 1'000'000;
      if (d < 0) d = -d;
      if (size > 0 && s.dir == actual && d * 5 <= static_cast<__int128>(size) * 1'000'000) {
        c.add("W208", f, "文字中的增减额“" + written(s.fig) + "”与数据不符：" + data,
              "增减额由本年数和上年数计算，请照此改正文字", data);
        break;
      }
    }
  }
}

// Does the text between a project's name and an amount only join them (“项目”, “为”, “安排”…)?
bool joins(const std::u32string& gap) {
  static const std::wregex re(
      L"^(项目)?(预算|资金|经费)?(为|安排|共计|共|计|合计)?(资金|经费)?[：:]?$");
  std::wstring w(gap.begin(), gap.end());
  return std::regex_match(w, re);
}

// A figure of the data that a text may name: a project's 预算数, a 机关运行经费 item.
struct Named {
  std::u32string name;
  std::string text;  // the name as written in the data
  int64_t fen = 0;
  std::string label;  // “项目预算数 38.00 万元”
};

std::vector<Named> named_figures(const Budget& b) {
  std::vector<Named> out;
  for (const auto* list : {&b.projects, &b.special_funds})
    for (const auto& p : *list)
      if (p.has_amount() && !p.name.value.empty())
        out.push_back({utf8::to_u32(p.name.value), p.name.value, p.budget().in_fen(),
                       "项目预算数 " + wan(p.budget().in_fen()) + " 万元"});
  for (const auto& i : b.running_cost.items)
    if (utf8::length(i.name.value) >= 3)  // “其他” alone names nothing
      out.push_back({utf8::to_u32(i.name.value), i.name.value, i.amount.value.in_fen(),
                     "机关运行经费明细 " + wan(i.amount.value.in_fen()) + " 万元"});
  return out;
}

// Is the occurrence of `name` at `at` part of a longer name written there (专项补助 in
// 人事代理专项补助)?
bool inside_longer_name(const std::vector<Named>& all, const std::u32string& text,
                        const std::u32string& name, size_t at) {
  for (const auto& n : all) {
    const std::u32string& longer = n.name;
    if (longer.size() <= name.size()) continue;
    for (size_t k = longer.find(name); k != std::u32string::npos; k = longer.find(name, k + 1))
      if (k <= at && text.compare(at - k, longer.size(), longer) == 0) return true;
  }
  return false;
}

void named_amounts(const Context& c) {
  const auto named = named_figures(c.in.budget);
  if (named.empty()) return;
  for (const auto& f : c.fields) {
    // A project's own texts speak of its spending (its 办公费 is not the 机关运行经费 one).
    if (f.project || f.kind == FieldKind::ProcurementText || f.kind == FieldKind::InstitutionName)
      continue;
    const std::u32string text = utf8::to_u32(f.text->value);
    const auto figs = extract_figures(f.text->value);
    for (const auto& n : named) {
      for (size_t at = text.find(n.name); at != std::u32string::npos;
           at = text.find(n.name, at + 1)) {
        if (inside_longer_name(named, text, n.name, at)) continue;
        const size_t end = at + n.name.size();
        // figures are in text order: start at the first one after the name
        auto first = std::lower_bound(figs.begin(), figs.end(), end,
                                      [](const Figure& x, size_t e) { return x.begin < e; });
        for (auto it = first; it != figs.end(); ++it) {
          const Figure& a = *it;
          if (a.begin > end + 8) break;
          if (a.kind != FigureKind::Amount) continue;
          if (!joins(text.substr(end, a.begin - end))) break;
          if (a.per_unit || a.in_range || a.in_formula || a.rel != Relation::Equal) break;
          Figure bigger = a, smaller = a;
          bigger.fen_per_unit = a.fen_per_unit * 10'000;
          smaller.fen_per_unit = a.fen_per_unit / 10'000;
          if (amount_matches(a, n.fen)) break;
          if (amount_matches(bigger, n.fen) ||
              (smaller.fen_per_unit && amount_matches(smaller, n.fen)))
            c.add("W201", f,
                  "文字中“" + n.text + "”的金额“" + written(a) +
                      "”与数据相差一万倍，单位可能写错（" + n.label + "）",
                  "请确认金额单位（元 / 万元）", n.label);
          else
            c.add("W209", f,
                  "文字中“" + n.text + "”的金额“" + written(a) + "”与数据不符（" + n.label + "）",
                  "请按数据改正文字中的金额", n.label);
          break;
        }
      }
    }
  }
}

}  // namespace

void check_changes(const Context& c) {
  changes(c);
  named_amounts(c);
}

}  // namespace bp::review
