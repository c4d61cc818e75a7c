// Internal to workbook-template (src/app/workbook_template*.cpp): the writer of its sheets. The
// input tables of the 9 (workbook_template.cpp) and the parts beyond them — 机构设置, 项目信息,
// 项目绩效指标 (and the same two for 专项资金), 政府采购预算, 国有资产 and the 下拉列表 sheet their
// drop-downs read (workbook_template_parts.cpp) — share the cell formats, the protection and the
// 说明 cells.
#pragma once

#include <string>
#include <vector>

#include "xlsx/lxw.hpp"

#include "app/workbook_lists.hpp"
#include "app/workbook_template.hpp"
#include "model/catalog.hpp"
#include "model/profile.hpp"
#include "xlsx/table_writer.hpp"
#include "xlsx/workbook.hpp"

namespace bp::template_detail {

using xlsx::Style;
using xlsx::Workbook;

inline constexpr const char* kGuideSheet = "说明";
inline constexpr const char* kCodeSheet = "科目代码";
inline constexpr const char* kListSheet = "下拉列表";
inline constexpr const char* kProjectSheet = "项目信息";
// The two lists of 绩效目标表 with a pair of sheets each (one row per project, one row per
// indicator): projects and 专项资金, the same columns. The importer sends a sheet whose name or
// title says 专项资金 to `special_funds` (src/import/read_parts.cpp).
struct ProjectSheets {
  const char* info;        // one row per project
  const char* indicators;  // one row per indicator
  const char* one_row;     // the info sheet's title words "每个项目一行"
  const char* key;         // the YAML list: not_printed keys ("projects.purpose") start with it
};
inline constexpr ProjectSheets kProjectLists{kProjectSheet, "项目绩效指标", "每个项目一行",
                                             "projects"};
inline constexpr ProjectSheets kSpecialFundLists{"专项资金信息", "专项资金绩效指标",
                                                 "每项专项资金一行", "special_funds"};
// 说明!C4 / C5: the department's code and the name its table headers print; every table's header
// line shows them (formula), with a space between them when C7 is 是. C6: the full name of titles
// when the headers print a short one.
inline constexpr int kCodeRow = 3, kNameRow = 4, kFullNameRow = 5, kSpaceRow = 6, kInfoCol = 2;
// 下拉列表 columns.
inline constexpr int kListLevel1 = 0, kListLevel2 = 1, kListNature = 2, kListFunding = 3,
                     kListProcCode = 4, kListProcName = 5, kListSource = 6;
// Blank rows of the part sheets (a real department: 36 projects, 265 indicator rows).
inline constexpr int kInstitutionRows = 100, kProjectRows = 300, kIndicatorRows = 2000,
                     kProcurementRows = 500;

std::string cell_name(int row, int col, bool absolute = false);
// Part sheets: title, 单位 line, header; rows from here.
inline constexpr int kPartFirstRow = 3;
// "=sheet!$B$4:$B$103": the first `rows` data rows of column `col` of a part sheet.
std::string names_range(const char* sheet, int col, int rows);
std::string range_name(int r1, int c1, int r2, int c2);

class TemplateWriter {
 public:
  TemplateWriter(Workbook& wb, const TemplateRequest& req, const CatalogYear& cat, const Profile& p)
      : wb_(wb), req_(req), cat_(cat), profile_(p) {}

  void guide(lxw_worksheet* ws, const std::vector<std::string>& sheets);
  void codes(lxw_worksheet* ws);
  void code_table(lxw_worksheet* ws, const doc::Table& t);
  void label_table(lxw_worksheet* ws, const doc::Table& t);
  // The parts (workbook_template_parts.cpp).
  void lists(lxw_worksheet* ws);
  void institutions(lxw_worksheet* ws);
  void project_info(lxw_worksheet* ws, const ProjectSheets& l);
  void indicators(lxw_worksheet* ws, const ProjectSheets& l);
  void procurement(lxw_worksheet* ws);
  void assets(lxw_worksheet* ws);
  // The narrative's own figures (workbook_template_narrative.cpp).
  void duties(lxw_worksheet* ws);
  void narrative_data(lxw_worksheet* ws);
  void unit_assets(lxw_worksheet* ws);
  // Whether the form prints 资金用途 / 资金支出计划 of a project (the 2023 form does not).
  bool prints(const std::string& key) const;
  const char* unit_name() const { return req_.unit == "元" ? "元" : "万元"; }
  // The values of 下拉列表 column `col` and the range formula of its cells.
  std::vector<std::string> list_of(int col) const;
  std::string list_range(int col) const;

 private:
  Workbook& wb_;
  const TemplateRequest& req_;
  const CatalogYear& cat_;
  const Profile& profile_;
  int function_items_ = 0, economic_items_ = 0;  // rows on the 科目代码 sheet

  lxw_format* input(bool number, bool wrap = false) {
    Style s;
    s.border = true;
    s.unlocked = true;
    s.wrap = wrap;
    if (number) {
      s.align = doc::Align::Right;
      s.num_format = xlsx::kNumberFormat;
    }
    return wb_.format(s);
  }
  lxw_format* formula(bool bold) {
    Style s;
    s.border = true;
    s.bold = bold;
    s.align = doc::Align::Right;
    s.num_format = xlsx::kTotalFormat;
    return wb_.format(s);
  }
  lxw_format* text(bool bold = false, bool border = true) {
    Style s;
    s.border = border;
    s.bold = bold;
    return wb_.format(s);
  }
  lxw_format* header() {
    Style s;
    s.border = true;
    s.bold = true;
    s.wrap = true;
    s.align = doc::Align::Center;
    return wb_.format(s);
  }
  // Title, header line and header rows as our department workbook has them; returns the last
  // header row. The header line's left part shows 说明's department code and name.
  int head(lxw_worksheet* ws, const doc::Table& t);
  void amounts_only(lxw_worksheet* ws, int first_row, int last_row, int first_col, int last_col);
  // Whole numbers ≥ 0 only (数量 cells).
  void integers_only(lxw_worksheet* ws, int first_row, int last_row, int col, const char* message);
  void protect(lxw_worksheet* ws);
  // Part sheets: title (row 0), the header labels on row `row`, columns widths; returns nothing.
  void part_head(lxw_worksheet* ws, const std::string& title, int row,
                 const std::vector<std::pair<std::string, double>>& cols);
  // A drop-down list from 下拉列表 column `list_col` (or any other range formula).
  void list_validation(lxw_worksheet* ws, int r1, int c1, int r2, int c2, const std::string& range,
                       const char* title, const char* message, bool strict);
  void text_prompt(lxw_worksheet* ws, int r1, int c1, int r2, int c2, const char* title,
                   const char* message);
  void blank_inputs(lxw_worksheet* ws, int r1, int r2, int c1, int c2, bool number,
                    bool wrap = false);
  void finish_part(lxw_worksheet* ws, int first_row, int last_row, int last_col, int freeze_col,
                   bool landscape);
};

}  // namespace bp::template_detail
