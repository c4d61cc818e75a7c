// The sections of the imported YAML that come from the workbook's 说明数据 sheet: last year's
// “三公”经费, previous_year and running_cost (docs/schema.md). Reasons and other prose are not in
// the workbook: the writer leaves TODO comments for them.
#include "import/yaml_writer.hpp"

namespace bp::import {

void write_last_year_three_public_yaml(std::ostream& y, const NarrativeData& n, Unit u) {
  if (n.tp_last_total) {
    y << "  last_year_total: " << yaml_money(n.tp_last_total->value, u)
      << "   # 上年“三公”经费合计（取自工作簿的说明数据）\n";
    if (!n.tp_last.present) return;
  }
  y << "  last_year:   # 上年“三公”经费（取自工作簿的说明数据）\n";
  static const char* kSrc[3] = {"gpb", "fund", "soc"};
  bool any = false;
  for (int i = 0; i < kTpItemCount; ++i) {
    const auto& v = n.tp_last.v[i];
    if (v[0].value.zero() && v[1].value.zero() && v[2].value.zero()) continue;
    any = true;
    y << "    " << tp_item_key(static_cast<TpItem>(i)) << ": ";
    if (v[1].value.zero() && v[2].value.zero()) {
      y << yaml_money(v[0].value, u) << "\n";
      continue;
    }
    y << "{";
    bool first = true;
    for (int s = 0; s < 3; ++s)
      if (!v[s].value.zero()) {
        y << (first ? "" : ", ") << kSrc[s] << ": " << yaml_money(v[s].value, u);
        first = false;
      }
    y << "}\n";
  }
  if (n.tp_last_outbound)
    y << "    outbound: " << yaml_money(n.tp_last_outbound->value, u)
      << "   # 因公出国（境）费合计\n";
  if (n.tp_last_vehicle)
    y << "    vehicle: " << yaml_money(n.tp_last_vehicle->value, u)
      << "   # 公务用车购置及运维费合计\n";
  if (!any && !n.tp_last_outbound && !n.tp_last_vehicle) y << "    reception: 0\n";
}

void write_previous_year_yaml(std::ostream& y, const NarrativeData& n, Unit u) {
  y << "# 上年预算数（取自工作簿的说明数据；说明第二部分“比上年增减”用）\n"
    << "previous_year:\n";
  const PreviousYear& p = n.previous;
  if (p.basic) y << "  basic: " << yaml_money(p.basic->value, u) << "   # 上年基本支出\n";
  if (p.project) y << "  project: " << yaml_money(p.project->value, u) << "   # 上年项目支出\n";
  if (p.running_cost)
    y << "  running_cost: " << yaml_money(p.running_cost->value, u) << "   # 上年机关运行经费\n";
  y << "  # TODO(import): reasons — 增减原因（说明文字）：total, basic, project"
    << (p.running_cost ? ", running_cost" : "") << "\n\n";
}

void write_running_cost_yaml(std::ostream& y, const NarrativeData& n, Unit u, bool items) {
  const RunningCost& rc = n.running_cost;
  y << "# 机关运行经费（取自工作簿的说明数据）\n"
    << "running_cost:\n";
  if (rc.total)
    y << "  total: " << yaml_money(rc.total->value, u) << "   # 只计行政单位的机关运行经费\n";
  if (!rc.purpose.value.empty()) y << "  purpose: " << yaml_string(rc.purpose.value) << "\n";
  if (rc.items.empty()) {
    y << "\n";
    return;
  }
  if (items) {
    y << "  items:\n";
  } else {
    y << "  # 明细之和与本文件的公用经费不等（万元表的尾差：公用经费按万元表拆回元，不是预算系统\n"
      << "  # 的元数），未写入。请按预算系统的元数核对公用经费后，去掉下面各行的 # 号：\n"
      << "  # items:\n";
  }
  for (const auto& i : rc.items)
    y << (items ? "" : "  #") << "    - {name: " << yaml_string(i.name.value)
      << ", amount: " << yaml_money(i.amount.value, u) << "}\n";
  y << "\n";
}

}  // namespace bp::import
