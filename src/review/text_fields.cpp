#include "review/text_fields.hpp"

namespace bp::review {

namespace {

void add(std::vector<TextField>& out, const Text& t, FieldKind kind, std::string section,
         std::string key, const Project* p = nullptr, const Indicator* ind = nullptr) {
  if (t.value.empty()) return;
  out.push_back({&t, kind, std::move(section), std::move(key), p, ind});
}

void perf_items(std::vector<TextField>& out, const std::vector<PerformanceItem>& items,
                const std::string& path) {
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    const std::string key = path + "[" + std::to_string(i) + "]";
    const std::string section = "分项绩效目标：" + it.title.value;
    add(out, it.title, FieldKind::PerfTitle, section, key + ".title");
    add(out, it.goal, FieldKind::Overall, section, key + ".goal");
    add(out, it.indicators, FieldKind::Overall, section, key + ".indicators");
    add(out, it.standard, FieldKind::Overall, section, key + ".standard");
    perf_items(out, it.children, key + ".children");
  }
}

void projects(std::vector<TextField>& out, const std::vector<Project>& list, const char* what,
              const char* label) {
  for (const auto& p : list) {
    const std::string section = std::string(label) + "：" + p.name.value;
    const std::string key = std::string(what) + "[" + p.name.value + "]";
    add(out, p.name, FieldKind::ProjectName, section, key + ".name", &p);
    add(out, p.purpose, FieldKind::ProjectPurpose, section, key + ".purpose", &p);
    for (size_t i = 0; i < p.goals.size(); ++i)
      add(out, p.goals[i], FieldKind::ProjectGoal, section,
          key + ".goals[" + std::to_string(i) + "]", &p);
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const auto& ind = p.indicators[i];
      const std::string k = key + ".indicators[" + std::to_string(i) + "]";
      add(out, ind.name, FieldKind::IndicatorName, section, k + ".name", &p, &ind);
      add(out, ind.description, FieldKind::IndicatorDescription, section, k + ".description", &p,
          &ind);
      add(out, ind.value, FieldKind::IndicatorValue, section, k + ".value", &p, &ind);
      add(out, ind.basis, FieldKind::IndicatorBasis, section, k + ".basis", &p, &ind);
    }
  }
}

}  // namespace

bool is_cost_indicator(const Indicator& ind) {
  return ind.level2.value.find("成本") != std::string::npos ||
         ind.level1.value.find("成本") != std::string::npos;
}

std::vector<TextField> text_fields(const Budget& b) {
  std::vector<TextField> out;
  add(out, b.dept.duties_intro, FieldKind::Duty, "部门职责", "duties.intro");
  for (size_t i = 0; i < b.dept.duties.size(); ++i)
    add(out, b.dept.duties[i], FieldKind::Duty, "部门职责", "duties[" + std::to_string(i) + "]");
  for (size_t i = 0; i < b.dept.institutions.size(); ++i)
    add(out, b.dept.institutions[i].name, FieldKind::InstitutionName, "机构设置",
        "institutions[" + std::to_string(i) + "].name");
  for (const auto& [k, t] : b.previous.reasons)
    add(out, t, FieldKind::Reason, "比上年增减情况", "previous_year.reasons." + k);
  for (const auto& [k, t] : b.three_public.reasons)
    add(out, t, FieldKind::Reason, "“三公”经费增减原因", "three_public.reasons." + k);
  add(out, b.running_cost.purpose, FieldKind::Note, "机关运行经费", "running_cost.purpose");
  for (size_t i = 0; i < b.performance.overall.size(); ++i)
    add(out, b.performance.overall[i], FieldKind::Overall, "部门整体绩效目标",
        "performance.overall[" + std::to_string(i) + "]");
  add(out, b.performance.items_intro, FieldKind::Overall, "分项绩效目标",
      "performance.items_intro");
  perf_items(out, b.performance.items, "performance.items");
  for (size_t i = 0; i < b.performance.measures.size(); ++i)
    add(out, b.performance.measures[i], FieldKind::Measure, "工作保障措施",
        "performance.measures[" + std::to_string(i) + "]");
  projects(out, b.projects, "projects", "项目");
  projects(out, b.special_funds, "special_funds", "专项资金");
  for (size_t i = 0; i < b.procurement.size(); ++i) {
    const auto& r = b.procurement[i];
    const std::string k = "procurement[" + std::to_string(i) + "]";
    add(out, r.unit, FieldKind::ProcurementText, "政府采购", k + ".unit");
    add(out, r.item, FieldKind::ProcurementText, "政府采购", k + ".item");
  }
  add(out, b.assets.note, FieldKind::Note, "国有资产占用情况", "assets.note");
  for (const auto& [k, t] : b.texts) add(out, t, FieldKind::Note, "其他说明", "texts." + k);
  return out;
}

}  // namespace bp::review
