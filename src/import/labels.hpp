// Recognising the words of budget tables whatever the spacing, quotes or numbering: "项 目" = 项目,
// "部门预算财政拨款“三公”经费支出表" = …三公经费支出表, "一、一般公共服务支出" = 一般公共服务支出.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bp::import {

// The 9 部门预算公开表 (LAYOUT.md §2).
enum class TableId { Summary, Income, Expenditure, Fiscal, Gpb, GpbBasic, Fund, Soc, ThreePublic };
inline constexpr int kTableCount = 9;
// "收支总表" … the short name used in messages when a sheet is meant.
const char* table_name(TableId t);

// Whitespace (ASCII, U+00A0, U+3000) and quotes (“”‘’"'「」) removed, full-width （）：, made
// ASCII.
std::string norm_label(std::string_view text);
// Also without leading 其中: and list numbering (一、 十二、 (一) 1. 1、 (1)) —
// "一、一般公共服务支出" → "一般公共服务支出", "其中:公务用车购置费" → "公务用车购置费". Input
// already normalised.
std::string strip_numbering(std::string_view normed);

// Which table a title (or sheet name) names; normalised input. A leading year ("2023年") and
// anything around the table's own words are ignored; 目录 and notes name none.
std::optional<TableId> classify_title(std::string_view normed);

bool contains(std::string_view s, std::string_view part);
bool starts_with(std::string_view s, std::string_view prefix);

}  // namespace bp::import
