#include "model/blocks.hpp"

namespace bp {

const std::vector<BlockDef>& block_defs() {
  static const std::vector<BlockDef> defs = {
      {"opening", "开篇语"},
      {"budget_principle", "综合预算编制原则说明"},
      {"budget_scope", "部门预算范围说明"},
      {"income_intro", "收入说明导语"},
      {"expenditure_intro", "支出说明导语"},
      {"basic_share", "基本支出占比"},
      {"project_share", "项目支出占比"},
      {"previous_total", "“上年为……”"},
      {"no_previous", "无上年数时的说明"},
      {"running_cost_intro", "机关运行经费定义句"},
      {"running_cost_items", "机关运行经费明细"},
      {"procurement_split", "政府采购货物/工程/服务构成"},
      {"procurement_note", "政府采购表注"},
      {"no_special_funds", "无专项资金句"},
      {"no_projects", "无预算项目句"},
      {"assets_intro", "国有资产导语"},
      {"no_planned_assets", "无拟购置固定资产句"},
      {"function_glossary_intro", "功能分类名词解释导语"},
      {"no_other_matters", "无其他事项句"},
  };
  return defs;
}

const BlockDef* find_block(std::string_view name) {
  for (const auto& d : block_defs())
    if (name == d.name) return &d;
  return nullptr;
}

}  // namespace bp
