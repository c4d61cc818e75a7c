// W240–W249: what is still unfinished before a document can be published.
#include "review/rules.hpp"

namespace bp::review {

namespace {

bool contains(const std::string& s, const char* w) {
  return s.find(w) != std::string::npos;
}

// A sentence that says there are no projects (“本部门本年度无预算项目”).
bool says_no_projects(const std::string& t) {
  for (const char* w : {"无预算项目", "无项目支出", "没有项目支出", "没有预算项目", "未安排项目",
                        "无项目预算", "项目支出为0", "项目支出为零"})
    if (contains(t, w)) return true;
  return false;
}

}  // namespace

void check_readiness(const Context& c) {
  const Budget& b = c.in.budget;
  const Figures& fig = c.in.derived.fig;
  const Pos dept_pos{1, 1};
  auto at = [&](Pos p) { return p.line ? p : dept_pos; };

  if (b.dept.duties.empty() && b.dept.duties_intro.value.empty())
    c.add_at("W240", at(b.dept.name.pos), "部门职责", "部门职责是空的",
             "请在 department.duties 中逐条填写部门的主要职责");
  if (b.dept.institutions.empty())
    c.add_at("W241", at(b.dept.name.pos), "机构设置", "机构设置是空的",
             "请在 department.institutions 中列出本部门的预算单位（本级在前）");

  const bool has_projects = !b.projects.empty() || !b.special_funds.empty();
  if (fig.project.in_fen() > 0 && b.projects.empty())
    c.add_at("W242", at(b.expenditure_pos), "项目支出",
             "项目支出为 " + wan(fig.project.in_fen()) + " 万元，但没有列出任何项目",
             "请在 projects 中列出项目及其绩效目标", {},
             "项目支出 " + wan(fig.project.in_fen()) + " 万元");
  if (fig.project.zero() && !b.projects.empty())
    c.add_at("W243", at(b.projects.front().pos), "项目支出",
             "列出了 " + std::to_string(b.projects.size()) + " 个项目，但支出表中项目支出为 0",
             "请核对支出表（expenditure 的 project 列）或删去不再安排的项目", {},
             "项目支出 0.00 万元");
  if (fig.project.in_fen() > 0)
    for (const auto& f : c.fields)
      if (says_no_projects(f.text->value))
        c.add("W244", f, "文字说没有项目，但项目支出为 " + wan(fig.project.in_fen()) + " 万元",
              "请删去或改写这句话", "项目支出 " + wan(fig.project.in_fen()) + " 万元");
  (void)has_projects;

  const bool prints_plan = c.in.profile.project_table != "2023";  // the 2023 form prints no plan
  for (const auto* list : {&b.projects, &b.special_funds}) {
    const char* label = list == &b.projects ? "项目：" : "专项资金：";
    for (const auto& p : *list) {
      const std::string section = label + p.name.value;
      if (p.indicators.empty()) {
        c.add_at("W245", p.pos, section, "项目“" + p.name.value + "”没有绩效指标",
                 "请填写该项目的绩效指标表（indicators）");
      } else {
        size_t empty = 0;
        Pos first{};
        for (const auto& ind : p.indicators)
          if (ind.basis.value.empty()) {
            if (!empty) first = ind.pos;
            ++empty;
          }
        if (empty)
          c.add_at("W246", first, section,
                   "项目“" + p.name.value + "”有 " + std::to_string(empty) +
                       " 个绩效指标没有填写指标值确定依据",
                   "请为每个指标填写 basis（指标值确定依据，如“年度工作计划”“文件规定”）");
      }
      if (prints_plan && p.spend_plan_hundredths.empty())
        c.add_at("W247", p.pos, section, "项目“" + p.name.value + "”没有资金支出计划",
                 "请填写 spend_plan（3月底、6月底、10月底、12月底的累计百分比，最后为 100）");
    }
  }

  if (!b.previous.basic && !b.previous.project)
    c.add_at("W248", at(b.dept.year_pos), "比上年增减情况",
             "没有上年数（previous_year），公开文本中无法说明比上年增减",
             "请在 previous_year 中填写上年的基本支出和项目支出");

  struct Row {
    const AssetRow* r;
    const char* name;
  };
  for (const Row& r :
       {Row{&b.assets.buildings, "房屋"}, Row{&b.assets.office, "办公用房"},
        Row{&b.assets.vehicles, "车辆"}, Row{&b.assets.equipment, "单价在20万元以上的设备"},
        Row{&b.assets.other, "其他固定资产"}})
    if (r.r->present && r.r->quantity > 0 && r.r->value.value.zero())
      c.add_at("W249", r.r->pos, "国有资产占用情况",
               std::string(r.name) + "有数量（" + std::to_string(r.r->quantity) + "）但没有价值",
               "请填写资产价值（万元）；确无价值的请说明");
}

}  // namespace bp::review
