#include "review/review.hpp"

#include <algorithm>
#include <tuple>

#include "review/rules.hpp"

namespace bp::review {

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> kRules{
      {"W200", "文字中的金额与项目预算数相近但不相等"},
      {"W201", "文字中的金额与数据相差一万倍（元 / 万元写错）"},
      {"W202", "文字中的数量与政府采购表不符"},
      {"W203", "成本指标与项目预算数不符"},
      {"W204", "指标中写明的算式超过了它自己的上限"},
      {"W205", "指标描述与指标值的方向（上限 / 下限）相反"},
      {"W206", "文字中的金额超过项目预算数或成本上限"},
      {"W207", "同一人数写了两个不同的数"},
      {"W208", "说明中的增减额或增减方向与数据不符"},
      {"W209", "文字中项目的金额与该项目预算数不符"},
      {"W210", "文字中的年份早于上一年度"},
      {"W211", "资产情况的时点不是上年末"},
      {"W212", "标题中的年份不是预算年度"},
      {"W220", "括号或引号不成对"},
      {"W221", "留有待办标记（TODO、待填、××）"},
      {"W222", "留有公开模板的填写说明"},
      {"W223", "单位名称与机构设置中的名称只差一个字"},
      {"W224", "括号全角半角混用"},
      {"W240", "部门职责为空"},
      {"W241", "机构设置为空"},
      {"W242", "有项目支出但没有列出项目"},
      {"W243", "列出了项目但项目支出为 0"},
      {"W244", "文字说没有项目，但有项目支出"},
      {"W245", "项目没有绩效指标"},
      {"W246", "绩效指标没有填写确定依据"},
      {"W247", "项目没有资金支出计划"},
      {"W248", "没有上年数，无法说明比上年增减"},
      {"W249", "资产有数量但没有价值"},
      {"W250", "文字与上年文件完全相同"},
  };
  return kRules;
}

bool is_rule_code(const std::string& code) {
  const auto& r = rules();
  return std::any_of(r.begin(), r.end(), [&](const RuleInfo& i) { return code == i.code; });
}

std::vector<Finding> review(const Input& in, const Settings& settings) {
  const auto fields = text_fields(in.budget);
  std::vector<Finding> out;
  const Context c{in, fields, out};
  check_figures(c);
  check_changes(c);
  check_years(c);
  check_hygiene(c);
  check_readiness(c);
  check_previous(c);
  std::erase_if(out, [&](const Finding& f) { return settings.off.count(f.code) > 0; });
  auto key = [](const Finding& f) { return std::tie(f.pos.line, f.pos.col, f.code, f.message); };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  // One finding per code and place (two rules may see the same bracket).
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Finding& a, const Finding& b) {
                          return a.code == b.code && a.pos.line == b.pos.line &&
                                 a.pos.col == b.pos.col && a.pos.line != 0 &&
                                 (a.code == "W224" || a.message == b.message);
                        }),
            out.end());
  return out;
}

void to_diagnostics(const std::vector<Finding>& findings, Diagnostics& diag) {
  for (const auto& f : findings) diag.warning(f.code, f.pos, f.message, f.hint);
}

}  // namespace bp::review
