// W210–W212: years in free text. A budget file speaks of its budget year and the year before;
// any other year is either history (“2018年机构改革以来”), a plan horizon (“到2025年”), a range,
// a title in 《》 — all left alone — or a sentence kept from an older file.
#include <algorithm>

#include "review/rules.hpp"
#include "util/utf8.hpp"

namespace bp::review {

namespace {

bool contains(const std::string& s, const char* w) {
  return s.find(w) != std::string::npos;
}

// The characters right after a figure (up to 6), where 以来 / 起 / 底 … say what the year is for.
std::string after(const std::u32string& s, const Figure& f, size_t n = 6) {
  if (f.end >= s.size()) return {};
  return utf8::from_u32(s.substr(f.end, n));
}

bool history_or_plan(const std::u32string& text, const Figure& f) {
  const std::string a = after(text, f);
  for (const char* w :
       {"以来", "起",   "开始", "至今", "成立", "设立", "组建", "改革", "印发", "颁布", "出台",
        "版",   "修订", "前",   "以前", "被",   "获",   "荣获", "建成", "启动", "试点"})
    if (a.rfind(w, 0) == 0 || a.rfind(std::string("度") + w, 0) == 0) return true;  // 2019年(度)起
  // a history word a little later: “2019年度起”, “2018年机构改革后”, “2020年经批准设立”
  for (const char* w : {"以来", "至今", "改革", "成立", "组建", "挂牌", "更名", "合并", "划入",
                        "划转", "设立", "批准", "印发", "出台"})
    if (contains(after(text, f, 10), w)) return true;
  for (const char* w :
       {"自", "从", "于", "到", "至", "截至", "截止", "直至", "早在", "曾", "始于", "在"})
    if (f.context.size() >= std::string(w).size() &&
        f.context.compare(f.context.size() - std::string(w).size(), std::string::npos, w) == 0)
      return true;
  return false;
}

// A year that belongs to a project name quoted in the text (“主要为2021年第三批…专项资金项目”).
bool in_project_name(const Budget& b, const std::string& text, int year) {
  const std::string y = std::to_string(year) + "年";
  for (const auto* list : {&b.projects, &b.special_funds})
    for (const auto& p : *list)
      if (contains(p.name.value, y.c_str()) && contains(text, p.name.value.c_str())) return true;
  return false;
}

}  // namespace

void check_years(const Context& c) {
  const int year = c.in.budget.dept.year;
  for (const auto& f : c.fields) {
    // Names are proper names: “2021年第三批省…专项资金” is a fund issued in 2021, not a stale
    // sentence.
    if (f.kind == FieldKind::InstitutionName || f.kind == FieldKind::ProcurementText ||
        f.kind == FieldKind::ProjectName)
      continue;
    // 部门职责 tell the department's history (“根据2018年机构改革方案…”): not a stale sentence.
    const bool history_text = f.kind == FieldKind::Duty;
    const auto figures = extract_figures(f.text->value);
    if (std::none_of(figures.begin(), figures.end(),
                     [](const Figure& x) { return x.kind == FigureKind::Year; }))
      continue;
    const std::u32string u = utf8::to_u32(f.text->value);
    for (const auto& y : figures) {
      if (y.kind != FigureKind::Year || y.in_title || y.in_range) continue;
      const int v = static_cast<int>(y.number.mantissa);
      // W212: a 分项绩效目标 title naming a year other than the budget year (a heading kept from
      // last year's file).
      if (f.kind == FieldKind::PerfTitle && v != year) {
        c.add("W212", f,
              "标题“" + f.text->value + "”写的是 " + std::to_string(v) + " 年，本文件是 " +
                  std::to_string(year) + " 年度预算",
              "标题中的年度应为预算年度；如是沿用上年文件，请改为 " + std::to_string(year) + " 年",
              "预算年度 " + std::to_string(year));
        continue;
      }
      // W211: the asset statement is as of 31 December of the year before the budget year.
      if (f.key == "assets.note") {
        const std::string a = after(u, y, 8);
        const bool dated = contains(y.context, "截至") || contains(y.context, "截止") ||
                           contains(a, "12月31日") || contains(a, "年底") || contains(a, "年末") ||
                           a.rfind("底", 0) == 0 || a.rfind("末", 0) == 0;
        if (dated && v != year - 1) {
          c.add("W211", f,
                "资产情况的时点写的是 " + std::to_string(v) + " 年，应为上年末（" +
                    std::to_string(year - 1) + "年12月31日）",
                "国有资产占用情况按上年末填列；请核对年份和数字是否为最新",
                "预算年度 " + std::to_string(year));
          continue;
        }
      }
      // Only past years: a sentence kept from an older file speaks of its own year; a later
      // year is a plan horizon (“2035年远景目标”, “2025年完成”).
      if (v >= year - 1 || history_text) continue;
      if (history_or_plan(u, y)) continue;
      if (in_project_name(c.in.budget, f.text->value, v)) continue;
      if (f.kind == FieldKind::IndicatorValue) {
        c.add("W210", f,
              "指标值“" + f.text->value + "”中的 " + std::to_string(v) + " 年早于预算年度（" +
                  std::to_string(year) + "），这个目标在预算年度开始前就已过去",
              "多半是沿用了往年的绩效目标表；请改为本年度的指标值",
              "预算年度 " + std::to_string(year));
        continue;
      }
      c.add("W210", f,
            "文字中的“" + std::to_string(v) + "年”早于上一年度（本文件是 " + std::to_string(year) +
                " 年度预算）",
            "如是沿用往年的句子，请改为本年度的内容；历史年份请写明（如“自2018年以来”）",
            "预算年度 " + std::to_string(year));
    }
  }
}

}  // namespace bp::review
