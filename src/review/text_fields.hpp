// Every free-text field of a department file, with where it is printed. Rules walk this list
// rather than the model so that a new optional text (a later schema key) is reviewed by adding
// one line here.
#pragma once

#include <string>
#include <vector>

#include "model/department.hpp"

namespace bp::review {

enum class FieldKind {
  Duty,             // 部门职责
  InstitutionName,  // 机构设置: 单位名称
  Overall,          // 部门整体绩效目标 paragraphs, 分项 goal / indicators / standard
  PerfTitle,        // 分项绩效目标 title
  Measure,          // 工作保障措施
  Reason,           // 增减原因 (previous_year, three_public)
  Note,             // texts.*, running_cost.purpose, assets.note
  ProjectName,
  ProjectPurpose,  // 资金用途
  ProjectGoal,
  IndicatorName,
  IndicatorDescription,
  IndicatorValue,
  IndicatorBasis,
  ProcurementText,  // 采购品目 / 预算单位 / 项目名称 of a procurement row
};

struct TextField {
  const Text* text = nullptr;
  FieldKind kind = FieldKind::Note;
  std::string section;  // “项目：慰问经费”, “部门整体绩效目标” …
  std::string key;      // stable path for comparing with last year's file
  const Project* project = nullptr;  // for project and indicator texts
  const Indicator* indicator = nullptr;
};

std::vector<TextField> text_fields(const Budget& b);

bool is_cost_indicator(const Indicator& ind);  // 成本指标 (as 一级 or 二级 指标)

}  // namespace bp::review
