// Tables inside the 说明: 机构设置, 政府采购预算, 固定资产占用情况, and the 绩效目标表 of each project.
#pragma once

#include <vector>

#include "derive/derived.hpp"
#include "document/document.hpp"
#include "model/department.hpp"
#include "model/profile.hpp"

namespace bp {

// "项目预算45.00万元，全部为财政资金。": the sentence put before a project's 资金用途 when
// `department.purpose_amounts` is set (the importer recognises it, so it is not read back as text).
std::string purpose_amount_sentence(const Project& pr);

doc::Table institutions_table(const Budget& b);
doc::Table procurement_table(const Budget& b, const Profile& p, const Derived& d);
doc::Table assets_table(const Budget& b);
// One 固定资产占用情况 table per budget unit when assets are given by unit (`assets.units`).
std::vector<doc::Block> unit_assets_tables(const Budget& b);
// 功能分类名词解释: code, name and explanation of every 类/款/项 the department uses.
doc::Table function_glossary_table(const Derived& d);
// One 绩效目标表 per project, titled "{n}、{name}绩效目标表", in the profile's layout ("2023" | "2024").
std::vector<doc::Block> project_tables(const Budget& b, const Profile& p, const std::vector<Project>& list,
                                       const std::string& id_prefix);

}  // namespace bp
