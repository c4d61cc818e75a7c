// The sheets of the fill-in workbook beyond the 9 tables: 机构设置, 项目信息 (one row per project),
// 项目绩效指标 (one row per indicator, the project named in its first column), the same two for
// 专项资金 (专项资金信息, 专项资金绩效指标) where the form prints them, 政府采购预算,
// 国有资产 and 下拉列表 (the lists the drop-downs read). Their titles and header words are those
// the importer's part readers look for (src/import/read_*.cpp); docs/import.md explains the design
// to the clerk.
//
// Why two long lists for the projects rather than one block per project: a department may have 36
// projects with 265 indicator rows; blocks would need a fixed number of indicator rows each (too
// few for one project, hundreds of empty rows for the others), while two lists grow row by row,
// take a copy-and-paste from the budget system's exports, sort and filter in Excel, and name the
// project of each indicator row in a cell of its own, which the importer reads unambiguously.
#include "xlsx/lxw.hpp"

#include "app/detail/workbook_template_writer.hpp"
#include "xlsx/page_setup.hpp"

namespace bp::template_detail {

namespace {

// 一级 / 二级指标 and the 品目编码 drop-down: the catalogue's lists (config/catalog/indicators/,
// config/catalog/procurement/), the ones `check` reads (E063, W740, W741).
const std::vector<std::string> kNature = {"行政", "参照公务员法管理事业", "事业", "企业", "其他"};
const std::vector<std::string> kFunding = {"财政拨款", "财政补助", "财政性资金基本保证",
                                           "自收自支"};

std::vector<std::string> procurement_codes(const CatalogYear& cat) {
  std::vector<std::string> out;
  for (const auto& [code, name] : cat.procurement) out.push_back(code);
  return out;
}

}  // namespace

std::vector<std::string> TemplateWriter::list_of(int col) const {
  switch (col) {
    case kListLevel1:
      return cat_.level1_indicators();
    case kListLevel2:
      return cat_.level2_indicators();
    case kListNature:
      return kNature;
    case kListFunding:
      return kFunding;
    case kListProcCode:
      return procurement_codes(cat_);
    case kListProcName: {
      std::vector<std::string> out;
      for (const auto& [code, name] : cat_.procurement) out.push_back(name);
      return out;
    }
    default:
      return procurement_source_labels();
  }
}

std::string TemplateWriter::list_range(int col) const {
  const int n = std::max<int>(1, static_cast<int>(list_of(col).size()));
  return std::string("=") + kListSheet + "!" + cell_name(1, col, true) + ":" +
         cell_name(n, col, true);
}

std::string names_range(const char* sheet, int col, int rows) {
  return std::string("=") + sheet + "!" + cell_name(kPartFirstRow, col, true) + ":" +
         cell_name(kPartFirstRow + rows - 1, col, true);
}

void TemplateWriter::integers_only(lxw_worksheet* ws, int first_row, int last_row, int col,
                                   const char* message) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_INTEGER;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = 0;
  v.maximum_number = 1e12;
  v.error_title = const_cast<char*>("数量");
  v.error_message = const_cast<char*>(message);
  wb_.check(lxw::worksheet_data_validation_range(ws, first_row, col, last_row, col, &v), "数量");
}

bool TemplateWriter::prints(const std::string& key) const {
  for (const auto& k : profile_.not_printed)
    if (k == key) return false;
  return true;
}

void TemplateWriter::part_head(lxw_worksheet* ws, const std::string& title, int row,
                               const std::vector<std::pair<std::string, double>>& cols) {
  Style t;
  t.bold = true;
  t.size = 14;
  const int last = static_cast<int>(cols.size()) - 1;
  wb_.check(
      lxw::worksheet_merge_range(ws, 0, 0, 0, std::max(last, 1), title.c_str(), wb_.format(t)),
      "标题");
  for (int c = 0; c <= last; ++c) {
    if (!cols[c].first.empty())
      wb_.check(lxw::worksheet_write_string(ws, row, c, cols[c].first.c_str(), header()), "表头");
    wb_.check(lxw::worksheet_set_column(ws, c, c, cols[c].second, nullptr), "列宽");
  }
}

void TemplateWriter::blank_inputs(lxw_worksheet* ws, int r1, int r2, int c1, int c2, bool number,
                                  bool wrap) {
  lxw_format* f = input(number, wrap);
  for (int r = r1; r <= r2; ++r)
    for (int c = c1; c <= c2; ++c) wb_.check(lxw::worksheet_write_blank(ws, r, c, f), "填写格");
}

void TemplateWriter::list_validation(lxw_worksheet* ws, int r1, int c1, int r2, int c2,
                                     const std::string& range, const char* title,
                                     const char* message, bool strict) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  v.value_formula = const_cast<char*>(range.c_str());
  v.input_title = const_cast<char*>(title);
  v.input_message = const_cast<char*>(message);
  v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  v.error_title = const_cast<char*>(title);
  v.error_message =
      const_cast<char*>(strict ? "请从下拉列表中选择。" : "不在下拉列表中。确需填写时请点“是”。");
  wb_.check(lxw::worksheet_data_validation_range(ws, r1, c1, r2, c2, &v), "下拉列表");
}

void TemplateWriter::text_prompt(lxw_worksheet* ws, int r1, int c1, int r2, int c2,
                                 const char* title, const char* message) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_ANY;
  v.input_title = const_cast<char*>(title);
  v.input_message = const_cast<char*>(message);
  wb_.check(lxw::worksheet_data_validation_range(ws, r1, c1, r2, c2, &v), "填写提示");
}

void TemplateWriter::finish_part(lxw_worksheet* ws, int first_row, int last_row, int last_col,
                                 int freeze_col, bool landscape) {
  xlsx::PrintSetup ps;
  ps.landscape = landscape;
  ps.repeat_first = 0;
  ps.repeat_last = first_row - 1;
  ps.freeze_row = first_row;
  ps.last_row = last_row;
  ps.last_col = last_col;
  xlsx::apply_print_setup(wb_, ws, ps);
  lxw::worksheet_freeze_panes(ws, first_row, freeze_col);
  protect(ws);
}

void TemplateWriter::lists(lxw_worksheet* ws) {
  const char* heads[] = {"一级指标",     "二级指标", "单位性质",    "经费保障形式",
                         "采购品目编码", "品目名称", "采购资金来源"};
  for (int c = kListLevel1; c <= kListSource; ++c) {
    wb_.check(lxw::worksheet_write_string(ws, 0, c, heads[c], text(true)), "下拉列表");
    const auto& l = list_of(c);
    for (size_t i = 0; i < l.size(); ++i)
      wb_.check(lxw::worksheet_write_string(ws, static_cast<int>(i) + 1, c, l[i].c_str(), text()),
                "下拉列表");
    wb_.check(lxw::worksheet_set_column(ws, c, c, c == kListSource || c == kListProcName ? 24 : 16,
                                        nullptr),
              "列宽");
  }
  lxw::worksheet_freeze_panes(ws, 1, 0);
  protect(ws);
}

void TemplateWriter::institutions(lxw_worksheet* ws) {
  part_head(ws, "部门机构设置情况", 2,
            {{"单位编码", 14},
             {"单位名称", 36},
             {"单位性质", 16},
             {"单位规格", 14},
             {"经费保障形式", 18}});
  wb_.check(lxw::worksheet_write_string(
                ws, 1, 0, "每个预算单位一行，本级在前；只有一个单位时填一行。", text(false, false)),
            "说明行");
  const int first = kPartFirstRow, last = first + kInstitutionRows - 1;
  blank_inputs(ws, first, last, 0, 4, false);
  text_prompt(ws, first, 0, last, 0, "单位编码", "预算单位编码（数字），没有可不填。");
  list_validation(ws, first, 2, last, 2, list_range(kListNature), "单位性质", "从下拉列表选择。",
                  false);
  list_validation(ws, first, 4, last, 4, list_range(kListFunding), "经费保障形式",
                  "从下拉列表选择。", false);
  finish_part(ws, first, last, 4, 0, false);
}

void TemplateWriter::project_info(lxw_worksheet* ws, const ProjectSheets& l) {
  const std::string key = l.key;
  const bool purpose = prints(key + ".purpose"), plan = prints(key + ".spend_plan");
  const bool funds = &l == &kSpecialFundLists;
  const std::string u = unit_name();
  std::vector<std::pair<std::string, double>> cols = {{"项目名称", 30},
                                                      {"项目编码", 22},
                                                      {"预算单位", 22},
                                                      {"财政资金（" + u + "）", 13},
                                                      {"其他资金（" + u + "）", 13}};
  if (purpose) cols.push_back({"资金用途", 40});
  const int plan_col = static_cast<int>(cols.size());
  if (plan)
    for (const char* m : {"3月底（%）", "6月底（%）", "10月底（%）", "12月底（%）"})
      cols.push_back({m, 9});
  const int goal_col = static_cast<int>(cols.size());
  cols.push_back({"绩效目标", 50});
  const int last_col = goal_col;
  part_head(ws, std::string(l.info) + "（" + l.one_row + "）", 2, cols);
  wb_.check(lxw::worksheet_write_string(ws, 1, 0, ("单位：" + u).c_str(), text(false, false)),
            "单位行");
  const int first = kPartFirstRow, last = first + kProjectRows - 1;
  blank_inputs(ws, first, last, 0, 2, false);
  blank_inputs(ws, first, last, 3, 4, true);
  if (purpose) blank_inputs(ws, first, last, 5, 5, false, true);
  if (plan) blank_inputs(ws, first, last, plan_col, plan_col + 3, false);
  blank_inputs(ws, first, last, goal_col, goal_col, false, true);
  text_prompt(ws, first, 0, last, 0, funds ? "专项资金名称" : "项目名称",
              funds ? "每项专项资金一行；它的绩效指标填在“专项资金绩效指标”表，按名称对应。"
                    : "每个项目一行；项目的绩效指标填在“项目绩效指标”表，按项目名称对应。");
  list_validation(ws, first, 2, last, 2, names_range("机构设置", 1, kInstitutionRows), "预算单位",
                  "从“机构设置”表的单位中选择；只有一个单位时可不填。", false);
  amounts_only(ws, first, last, 3, 4);
  if (plan) {
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = 100;
    v.input_title = const_cast<char*>("资金支出计划");
    v.input_message = const_cast<char*>(
        "到该月底累计支出的百分比，填数字（25 表示 25%），逐期不减，"
        "12 月底为 100；某期不列时空着。");
    v.error_title = const_cast<char*>("资金支出计划");
    v.error_message = const_cast<char*>("请填写 0 到 100 之间的数字。");
    wb_.check(lxw::worksheet_data_validation_range(ws, first, plan_col, last, plan_col + 3, &v),
              "数据验证");
  }
  text_prompt(ws, first, goal_col, last, goal_col, "绩效目标",
              "多条目标时每条另起一行（Alt+Enter），依次以 1. 2. 3. 开头。");
  finish_part(ws, first, last, last_col, 1, true);
}

void TemplateWriter::indicators(lxw_worksheet* ws, const ProjectSheets& l) {
  const std::string info = l.info;
  part_head(ws, std::string(l.indicators) + "（每个指标一行）", 2,
            {{"项目名称", 30},
             {"项目编码", 18},
             {"一级指标", 13},
             {"二级指标", 18},
             {"三级指标", 26},
             {"绩效指标描述", 36},
             {"指标值", 16},
             {"指标值确定依据", 22}});
  wb_.check(
      lxw::worksheet_write_string(ws, 1, 0,
                                  "项目名称、一级指标、二级指标与上一行相同时可以空着（按上一行）；"
                                  "项目编码只在两个项目同名时填写。",
                                  text(false, false)),
      "说明行");
  const int first = kPartFirstRow, last = first + kIndicatorRows - 1;
  blank_inputs(ws, first, last, 0, 7, false, true);
  const std::string pick = "从“" + info + "”表的项目中选择；与上一行同一项目时可空着。";
  const std::string twins = "只在“" + info + "”表中有两个同名项目时填写，以区分指标属于哪一个。";
  list_validation(ws, first, 0, last, 0, names_range(l.info, 0, kProjectRows), "项目名称",
                  pick.c_str(), false);
  text_prompt(ws, first, 1, last, 1, "项目编码", twins.c_str());
  list_validation(ws, first, 2, last, 2, list_range(kListLevel1), "一级指标",
                  "从下拉列表选择（产出、效益、成本、满意度指标）。", true);
  list_validation(ws, first, 3, last, 3, list_range(kListLevel2), "二级指标", "从下拉列表选择。",
                  false);
  finish_part(ws, first, last, 7, 1, true);
}

void TemplateWriter::procurement(lxw_worksheet* ws) {
  const std::string u = unit_name();
  // Two header rows: groups on row 2, their columns on row 3; 合计 on row 4; rows from 5.
  const int h1 = 2, h2 = 3, total = 4, first = 5, last = first + kProcurementRows - 1;
  constexpr int kUnit = 0, kProject = 1, kBudget = 3, kItem = 4, kCatalog = 5, kUom = 6, kQty = 7,
                kPrice = 8, kFirstSource = 9;
  const std::vector<std::string> sources = procurement_source_labels();
  const int nsrc = static_cast<int>(sources.size());
  const int kTotal = kFirstSource + nsrc, kSme = kTotal + 1;
  Style t;
  t.bold = true;
  t.size = 14;
  wb_.check(lxw::worksheet_merge_range(ws, 0, 0, 0, kSme, "部门政府采购预算", wb_.format(t)),
            "标题");
  wb_.check(lxw::worksheet_write_string(ws, 1, kSme, ("单位：" + u).c_str(), text(false, false)),
            "单位行");
  auto both = [&](int c, const char* label, double width) {
    wb_.check(lxw::worksheet_merge_range(ws, h1, c, h2, c, label, header()), "表头");
    lxw::worksheet_set_column(ws, c, c, width, nullptr);
  };
  both(kUnit, "预算单位", 22);
  wb_.check(lxw::worksheet_merge_range(ws, h1, kProject, h1, kBudget, "政府采购项目来源", header()),
            "表头");
  const char* src_heads[] = {"项目名称", "项目编码", "预算资金"};
  const double src_widths[] = {26, 18, 12};
  for (int c = kProject; c <= kBudget; ++c) {
    wb_.check(lxw::worksheet_write_string(ws, h2, c, src_heads[c - kProject], header()), "表头");
    lxw::worksheet_set_column(ws, c, c, src_widths[c - kProject], nullptr);
  }
  both(kItem, "采购物品名称", 24);
  both(kCatalog, "品目编码", 13);
  both(kUom, "计量单位", 8);
  both(kQty, "数量", 8);
  both(kPrice, "单价", 11);
  wb_.check(lxw::worksheet_merge_range(ws, h1, kFirstSource, h1, kTotal, "政府采购金额", header()),
            "表头");
  for (int i = 0; i < nsrc; ++i) {
    wb_.check(lxw::worksheet_write_string(ws, h2, kFirstSource + i, sources[i].c_str(), header()),
              "表头");
    lxw::worksheet_set_column(ws, kFirstSource + i, kFirstSource + i, 12, nullptr);
  }
  wb_.check(lxw::worksheet_write_string(ws, h2, kTotal, "合计", header()), "表头");
  lxw::worksheet_set_column(ws, kTotal, kTotal, 12, nullptr);
  both(kSme, "预留中小微企业份额", 12);
  lxw::worksheet_set_row(ws, h2, 42, nullptr);
  // 合计 row: column sums.
  wb_.check(lxw::worksheet_write_string(ws, total, kUnit, "合计", text(true)), "合计行");
  for (int c = kUnit + 1; c <= kSme; ++c) {
    if (c < kFirstSource && c != kBudget) {
      wb_.check(lxw::worksheet_write_blank(ws, total, c, text(true)), "合计行");
      continue;
    }
    if (c == kBudget) {
      wb_.check(lxw::worksheet_write_blank(ws, total, c, text(true)), "合计行");
      continue;
    }
    const std::string f = "=SUM(" + range_name(first, c, last, c) + ")";
    wb_.check(lxw::worksheet_write_formula_num(ws, total, c, f.c_str(), formula(true), 0),
              "合计公式");
  }
  blank_inputs(ws, first, last, kUnit, kUom, false);
  blank_inputs(ws, first, last, kBudget, kBudget, true);
  blank_inputs(ws, first, last, kQty, kPrice, true);
  blank_inputs(ws, first, last, kFirstSource, kTotal - 1, true);
  blank_inputs(ws, first, last, kSme, kSme, true);
  for (int r = first; r <= last; ++r) {
    const std::string cells = range_name(r, kFirstSource, r, kTotal - 1);
    const std::string f = "=IF(COUNT(" + cells + ")=0,\"\",SUM(" + cells + "))";
    wb_.check(lxw::worksheet_write_formula_str(ws, r, kTotal, f.c_str(), formula(false), ""),
              "合计公式");
  }
  list_validation(ws, first, kUnit, last, kUnit, names_range("机构设置", 1, kInstitutionRows),
                  "预算单位", "从“机构设置”表的单位中选择；本部门只有一个单位时可不填。", false);
  list_validation(ws, first, kProject, last, kProject, names_range(kProjectSheet, 0, kProjectRows),
                  "项目名称", "从“项目信息”表的项目中选择。", false);
  text_prompt(ws, first, kBudget, last, kBudget, "预算资金",
              "所属项目的预算数；“项目信息”表已填项目金额时可空着。");
  // 品目编码: a drop-down of the catalogue's 门类 (and the second levels it lists); a more specific
  // code of the catalogue is typed over it (a warning, not a stop).
  list_validation(ws, first, kCatalog, last, kCatalog, list_range(kListProcCode), "品目编码",
                  "政府采购品目分类目录的编码，如 A02010105：A 开头为货物，B 为工程，C 为服务；"
                  "下拉列表是目录的门类（名称见“下拉列表”表），可填写更细的编码。",
                  false);
  integers_only(ws, first, last, kQty, "数量请填写整数。");
  amounts_only(ws, first, last, kPrice, kPrice);
  amounts_only(ws, first, last, kFirstSource, kTotal - 1);
  amounts_only(ws, first, last, kSme, kSme);
  amounts_only(ws, first, last, kBudget, kBudget);
  finish_part(ws, first, last, kSme, 1, true);
}

void TemplateWriter::assets(lxw_worksheet* ws) {
  const std::string u = unit_name();
  part_head(ws, "部门固定资产占用情况表", 2,
            {{"项 目", 34}, {"数量", 14}, {"价值（单位：" + u + "）", 18}});
  wb_.check(lxw::worksheet_write_string(ws, 1, 0, "截止时间：", text(true, false)), "截止时间");
  wb_.check(lxw::worksheet_write_blank(ws, 1, 1, input(false)), "截止时间");
  text_prompt(ws, 1, 1, 1, 1, "截止时间", "如 2023-12-31；空着时为上年 12 月 31 日。");
  const char* rows[] = {
      "资产总额",          "1、房屋（平方米）",         "其中：办公用房（平方米）",
      "2、车辆（台、辆）", "3、单价在20万元以上的设备", "4、其他固定资产"};
  const int first = kPartFirstRow;
  for (int i = 0; i < 6; ++i)
    wb_.check(lxw::worksheet_write_string(ws, first + i, 0, rows[i], text(i == 0)), "项目");
  // 资产总额: 房屋 + 车辆 + 设备 + 其他 (办公用房 is part of 房屋).
  const std::string f =
      "=SUM(" + cell_name(first + 1, 2) + "," + range_name(first + 3, 2, first + 5, 2) + ")";
  wb_.check(lxw::worksheet_write_blank(ws, first, 1, text(true)), "资产总额");
  wb_.check(lxw::worksheet_write_formula_num(ws, first, 2, f.c_str(), formula(true), 0),
            "资产总额");
  blank_inputs(ws, first + 1, first + 5, 1, 2, true);
  integers_only(ws, first + 1, first + 5, 1, "数量请填写整数（面积为平方米）。");
  amounts_only(ws, first + 1, first + 5, 2, 2);
  finish_part(ws, first, first + 5, 2, 1, false);
}

}  // namespace bp::template_detail
