// W250: sentences kept unchanged from last year's file. Only texts that speak of one year are
// compared — goals, reasons, notes, and any text with an amount or a year in it. 部门职责, 机构设置
// and 保障措施 may rightly stay the same from year to year.
#include <map>

#include "review/rules.hpp"
#include "util/utf8.hpp"

namespace bp::review {

namespace {

bool year_specific(const TextField& f) {
  switch (f.kind) {
    case FieldKind::Overall:
      if (f.key.rfind("performance.overall", 0) == 0) return true;
      break;
    case FieldKind::Reason:
    case FieldKind::Note:
      return true;
    case FieldKind::ProjectPurpose:
    case FieldKind::ProjectGoal:
    case FieldKind::IndicatorDescription:
      break;
    default:
      return false;
  }
  for (const auto& fig : extract_figures(f.text->value))
    if (fig.kind == FigureKind::Amount || fig.kind == FigureKind::Year) return true;
  return false;
}

}  // namespace

void check_previous(const Context& c) {
  if (!c.in.previous) return;
  std::map<std::string, const TextField*> last;
  const auto prev_fields = text_fields(*c.in.previous);
  for (const auto& f : prev_fields) last.emplace(f.text->value, &f);
  for (const auto& f : c.fields) {
    if (!year_specific(f) || utf8::length(f.text->value) < 10) continue;
    auto it = last.find(f.text->value);
    if (it == last.end()) continue;
    c.add("W250", f,
          "这段文字与上年文件（" + std::to_string(c.in.previous->dept.year) + " 年度）完全相同",
          "请按本年度的情况改写；确实不变的可在 review.off 中关闭 W250",
          std::to_string(c.in.previous->dept.year) + " 年度：" + it->second->section);
  }
}

}  // namespace bp::review
