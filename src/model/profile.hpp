// A year profile (config/profiles/<id>.yaml): what one year's form prints — table titles and header
// grids, fixed row sets, the outline and wording slots. A new year is a new profile file.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/department.hpp"
#include "model/table_rows.hpp"

namespace bp {

struct IncomeRowDef {
  std::string label;
  std::vector<Source> sources;
};

struct CategoryDef {
  std::string label;
  std::string code;  // 3-digit 类 code; "" = never populated (人行科目)
};

struct ThreePublicRowDef {
  std::string label;
  std::vector<TpItem> items;
  doc::RowRole role = doc::RowRole::Item;
  int indent = 0;
};

struct TableDef {
  std::string id, title, short_title, empty_note;
  bool landscape = false;
  std::vector<int> widths;
  std::vector<doc::Row> head;  // without the 栏次 row (generated)
};

struct NarrativeSection {
  std::string id, heading, template_name;
};

struct GlossaryTerm {
  std::string term, definition;
};

struct Profile {
  std::string id;
  std::string description;
  std::vector<int> years;  // budget years this is the own form of (default: the id); else W110
  int catalog_year = 0;    // catalogue this form is stated to use when its year has none (no W111)
  // The form this one continues unchanged (2025 → "2024"): `new-year` moves a file of that form
  // to this one; a changed form is never switched to silently (its data may differ).
  std::string continues;
  std::vector<std::string> not_printed;  // key paths the form never prints (W112 when set)
  bool list_zero_income = false;         // 收入说明 names sources of 0 too
  bool function_glossary = false;        // 名词解释 includes the 功能分类 table (2021 form)
  bool has_tables = true;
  std::string toc_title;
  std::vector<std::string> title_lines;
  std::string title_date_label;  // the title page's date label (公开日期 / 编制日期 …)
  std::string part_tables, group_tables, group_narrative;
  std::string rounding_note;
  std::vector<IncomeRowDef> summary_income_rows;
  std::vector<CategoryDef> categories;
  std::map<std::string, std::vector<ThreePublicRowDef>> three_public_layouts;
  std::vector<TableDef> tables;
  // 情况说明
  std::string narrative_part, narrative_title, opening_template, project_table;
  std::vector<NarrativeSection> sections;
  std::vector<GlossaryTerm> glossary;
  std::map<std::string, std::string> block_templates;  // block name → default template of this form
  const TableDef& table(const std::string& id) const;
};

// Loads config/profiles/<id>.yaml below `config_dir`. Throws std::runtime_error with file:line context.
Profile load_profile(const std::filesystem::path& config_dir, const std::string& id);
// The same from the profile file itself (a site overlay's profiles/<id>.yaml).
Profile load_profile_file(const std::filesystem::path& file);
// Ids of the profiles available.
std::vector<std::string> list_profiles(const std::filesystem::path& config_dir);

}  // namespace bp
