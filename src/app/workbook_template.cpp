#include "app/workbook_template.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "xlsx/lxw.hpp"

#include "app/detail/workbook_template_writer.hpp"

#include "app/document_for.hpp"
#include "app/pipeline.hpp"
#include "app/workbook_narrative.hpp"
#include "document/build.hpp"
#include "document/grid.hpp"
#include "util/atomic_file.hpp"
#include "xlsx/column_widths.hpp"
#include "xlsx/options.hpp"
#include "xlsx/page_setup.hpp"
#include "xlsx/table_writer.hpp"
#include "xlsx/workbook.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace bp {

namespace template_detail {

// Tables the clerk fills. 收支总表 and 财政拨款收支总表 are only sums of these: BudgetPress
// computes them (and every other total) from the filled rows.
constexpr const char* kInputTables[] = {"t2-income",      "t3-expenditure", "t5-gpb",
                                        "t6-gpb-basic",   "t7-fund",        "t8-soc",
                                        "t9-three-public"};

std::string cell_name(int row, int col, bool absolute) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  if (absolute)
    lxw::lxw_rowcol_to_cell_abs(buf, row, col, 1, 1);
  else
    lxw::lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

std::string range_name(int r1, int c1, int r2, int c2) {
  return cell_name(r1, c1) + ":" + cell_name(r2, c2);
}

// A skeleton department of the form: one 项 and one 款 so that check passes and the document has
// every table with its title and header rows (the amounts are never written to the template).
std::string skeleton_yaml(int year, const Profile& p, const CatalogYear& cat,
                          const std::string& three_public_layout, const std::string& unit) {
  std::string item;
  for (const auto& [code, name] : cat.function)
    if (code.size() == 7 && cat.function.count(code.substr(0, 5)) &&
        cat.function.count(code.substr(0, 3))) {
      item = code;
      break;
    }
  std::string econ;
  for (const auto& [code, name] : cat.economic)
    if (code.size() == 5 && code.rfind("301", 0) == 0 && cat.economic.count(code.substr(0, 3))) {
      econ = code;
      break;
    }
  if (item.empty() || econ.empty())
    throw TemplateError(std::to_string(year) +
                        " 年度的科目目录中没有可用的功能分类项级或经济分类款级科目");
  return "schema: 1\ndepartment:\n  code: \"000\"\n  name: 部门名称\n  year: " +
         std::to_string(year) + "\n  form: \"" + p.id + "\"\n  unit: " + unit +
         "\n  three_public_layout: " + three_public_layout + "\nincome: {gpb: 0.01}\n" +
         "expenditure:\n  - {code: \"" + item + "\", source: gpb, basic: 0.01}\n" +
         "basic_economic:\n  - {code: \"" + econ + "\", amount: 0.01}\n";
}

// Physical column of every cell of a body row (cells covered by spans are not listed).
std::vector<std::pair<int, const doc::Cell*>> placed(const doc::Row& r) {
  std::vector<std::pair<int, const doc::Cell*>> out;
  int c = 0;
  for (const auto& cell : r.cells) {
    out.emplace_back(c, &cell);
    c += std::max(1, cell.colspan);
  }
  return out;
}

// For a column labelled …/合计 or …/小计: the amount columns it adds up on its row (the columns to
// its right in its group; a 小计 stands for the columns under it).
std::vector<int> row_sum_parts(const std::vector<std::string>& labels, int col, int first_amount) {
  auto last = [](const std::string& l) {
    auto p = l.rfind('/');
    return p == std::string::npos ? l : l.substr(p + 1);
  };
  auto group = [](const std::string& l) {
    auto p = l.rfind('/');
    return p == std::string::npos ? std::string() : l.substr(0, p);
  };
  std::vector<int> parts;
  const std::string kind = last(labels[col]);
  if (kind != "合计" && kind != "小计") return parts;
  const std::string g = group(labels[col]);
  const int n = static_cast<int>(labels.size());
  for (int c = col + 1; c < n; ++c) {
    if (c < first_amount) continue;
    if (kind == "小计" && group(labels[c]) != g) break;
    if (kind == "合计" && !g.empty() && group(labels[c]) != g) break;
    parts.push_back(c);
    if (last(labels[c]) == "小计")  // its own parts are counted through it
      while (c + 1 < n && group(labels[c + 1]) == group(labels[c])) ++c;
  }
  return parts;
}

std::string sum_of_columns(int row, const std::vector<int>& cols) {
  std::string f;
  // Adjacent columns as one range, others listed.
  for (size_t i = 0; i < cols.size();) {
    size_t j = i;
    while (j + 1 < cols.size() && cols[j + 1] == cols[j] + 1) ++j;
    if (!f.empty()) f += ",";
    f += j > i ? range_name(row, cols[i], row, cols[j]) : cell_name(row, cols[i]);
    i = j + 1;
  }
  return f;
}

int TemplateWriter::head(lxw_worksheet* ws, const doc::Table& t) {
  doc::Table shell = t;
  shell.body.clear();
  shell.notes.clear();
  // Our documents print the tables in 万元; the clerk types in the template's unit.
  if (shell.header_block) shell.header_block->right = std::string("单位：") + unit_name();
  xlsx::FitLimits lim;
  lim.page_units = t.landscape ? xlsx::kLandscapeUnits : xlsx::kPortraitUnits;
  xlsx::ColumnFit fit = xlsx::fit_columns(t, lim);
  const int ncols = xlsx::table_columns(t);
  // The name column takes long 科目名称 typed by the clerk.
  for (int c = 0; c < ncols && c < static_cast<int>(fit.widths.size()); ++c) {
    if (c == 2 && t.id != "t9-three-public") fit.widths[c] = std::max(fit.widths[c], 30.0);
    if (c >= 2 && t.id != "t9-three-public") fit.widths[c] = std::max(fit.widths[c], 12.0);
    if (c == 1) fit.widths[c] = std::max(fit.widths[c], 12.0);  // the drop-down arrow
    wb_.check(lxw::worksheet_set_column(ws, c, c, fit.widths[c], nullptr), "列宽");
  }
  xlsx::TableWriter w(wb_, ws, fit);
  const xlsx::Placement p = w.write(shell, 0);
  if (p.block_row >= 0) {
    const std::string code = "说明!" + cell_name(kCodeRow, kInfoCol, true);
    const std::string name = "说明!" + cell_name(kNameRow, kInfoCol, true);
    const std::string space = "说明!" + cell_name(kSpaceRow, kInfoCol, true);
    const std::string f = "=IF(" + code + "=\"\",\"（请在“说明”表填写部门编码和名称）\"," + code +
                          "&IF(" + space + "=\"是\",\" \",\"\")&" + name + ")";
    wb_.check(
        lxw::worksheet_write_formula_str(ws, p.block_row, 0, f.c_str(), text(false, false), ""),
        "表头公式");
  }
  return p.head_last;
}

void TemplateWriter::protect(lxw_worksheet* ws) {
  lxw_protection opt = {};
  opt.format_columns = LXW_TRUE;  // widening a column is harmless
  opt.format_rows = LXW_TRUE;
  lxw::worksheet_protect(ws, nullptr, &opt);
}

// Amount cells accept numbers only (Excel and WPS enforce it on typing).
void TemplateWriter::amounts_only(lxw_worksheet* ws, int first_row, int last_row, int first_col,
                                  int last_col) {
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_DECIMAL;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = -1e12;
  v.maximum_number = 1e12;
  v.error_title = const_cast<char*>("金额");
  v.error_message = const_cast<char*>("请填写数字（单位见表头），不要填写文字或空格。");
  wb_.check(lxw::worksheet_data_validation_range(ws, first_row, first_col, last_row, last_col, &v),
            "数据验证");
}

void TemplateWriter::code_table(lxw_worksheet* ws, const doc::Table& t) {
  const int ncols = xlsx::table_columns(t);
  const auto labels = doc::column_labels(t.head, ncols);
  const int head_last = head(ws, t);
  constexpr int kCode = 1, kName = 2, kFirstAmount = 3;
  const int total = head_last + 1, first = total + 1, last = first + req_.input_rows - 1;
  // 合计 row: the labels the document prints there, the amounts as column sums.
  wb_.check(lxw::worksheet_write_blank(ws, total, 0, text(true)), "合计行");
  wb_.check(lxw::worksheet_write_blank(ws, total, kCode, text(true)), "合计行");
  wb_.check(lxw::worksheet_write_string(ws, total, kName, "合计", text(true)), "合计行");
  for (int c = kFirstAmount; c < ncols; ++c) {
    const std::string f = "=SUM(" + range_name(first, c, last, c) + ")";
    wb_.check(lxw::worksheet_write_formula_num(ws, total, c, f.c_str(), formula(true), 0),
              "合计公式");
  }
  const bool economic = t.id == "t6-gpb-basic";
  for (int r = first; r <= last; ++r) {
    wb_.check(lxw::worksheet_write_blank(ws, r, 0, text()), "序号");
    wb_.check(lxw::worksheet_write_blank(ws, r, kCode, input(false)), "科目编码");
    wb_.check(lxw::worksheet_write_blank(ws, r, kName, input(false)), "科目名称");
    for (int c = kFirstAmount; c < ncols; ++c) {
      const auto parts = row_sum_parts(labels, c, kFirstAmount);
      if (parts.empty()) {
        wb_.check(lxw::worksheet_write_blank(ws, r, c, input(true)), "金额");
        continue;
      }
      // Blank while the row is empty: a blank row is not a 科目 row for the importer.
      const std::string cells = sum_of_columns(r, parts);
      const std::string f = "=IF(COUNT(" + cells + ")=0,\"\",SUM(" + cells + "))";
      wb_.check(lxw::worksheet_write_formula_str(ws, r, c, f.c_str(), formula(false), ""),
                "合计公式");
    }
  }
  for (int c = kFirstAmount; c < ncols; ++c)
    if (row_sum_parts(labels, c, kFirstAmount).empty()) amounts_only(ws, first, last, c, c);
  // 科目编码: a drop-down list of the year's catalogue (项 of 功能分类, 款 of 经济分类).
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  const int n = economic ? economic_items_ : function_items_;
  const int list_col = economic ? 2 : 0;
  const std::string list = "=" + std::string(kCodeSheet) + "!" + cell_name(1, list_col, true) +
                           ":" + cell_name(n, list_col, true);
  v.value_formula = const_cast<char*>(list.c_str());
  v.input_title = const_cast<char*>("科目编码");
  v.input_message =
      const_cast<char*>(economic ? "从下拉列表选择经济分类款级科目（5 位），名称见“科目代码”表。"
                                 : "从下拉列表选择功能分类项级科目（7 位），名称见“科目代码”表。");
  v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // a new 科目 not in the catalogue is allowed
  v.error_title = const_cast<char*>("科目编码");
  v.error_message =
      const_cast<char*>("科目目录中没有这个编码。确是新科目时请点“是”，并在右边一格填写科目名称。");
  wb_.check(lxw::worksheet_data_validation_range(ws, first, kCode, last, kCode, &v),
            "科目编码列表");
  xlsx::PrintSetup ps;
  ps.landscape = t.landscape;
  ps.repeat_first = 0;
  ps.repeat_last = head_last;
  ps.freeze_row = first;
  ps.last_row = last;
  ps.last_col = ncols - 1;
  xlsx::apply_print_setup(wb_, ws, ps);
  lxw::worksheet_freeze_panes(ws, first, kFirstAmount);
  protect(ws);
}

// The 三公 table: fixed rows; the clerk fills the 一般公共预算 / 基金 / 国有资本 columns of the
// leaf rows, every sum (合计 column, 小计 and parent rows) is a formula.
void TemplateWriter::label_table(lxw_worksheet* ws, const doc::Table& t) {
  const int ncols = xlsx::table_columns(t);
  const auto labels = doc::column_labels(t.head, ncols);
  const int head_last = head(ws, t);
  const int first = head_last + 1;
  // 序号 and 项目, then the amount columns (合计 and the three 资金性质).
  constexpr int first_amount = 2;
  for (size_t i = 0; i < t.body.size(); ++i) {
    const doc::Row& row = t.body[i];
    const int r = first + static_cast<int>(i);
    const bool bold = row.role == doc::RowRole::Total;
    for (auto [c, cell] : placed(row))
      if (c < first_amount)
        wb_.check(lxw::worksheet_write_string(ws, r, c, cell->text.c_str(), text(bold)), "项目");
    for (int c = first_amount; c < ncols; ++c) {
      if (auto parts = row_sum_parts(labels, c, first_amount); !parts.empty()) {
        const std::string f = "=SUM(" + sum_of_columns(r, parts) + ")";
        wb_.check(lxw::worksheet_write_formula_num(ws, r, c, f.c_str(), formula(bold), 0),
                  "合计公式");
      } else if (!row.sum_of.empty()) {
        std::string f = "=SUM(";
        for (size_t k = 0; k < row.sum_of.size(); ++k)
          f += (k ? "," : "") + cell_name(first + row.sum_of[k], c);
        f += ")";
        wb_.check(lxw::worksheet_write_formula_num(ws, r, c, f.c_str(), formula(bold), 0),
                  "合计公式");
      } else {
        wb_.check(lxw::worksheet_write_blank(ws, r, c, input(true)), "金额");
        amounts_only(ws, r, r, c, c);
      }
    }
  }
  xlsx::PrintSetup ps;
  ps.landscape = t.landscape;
  ps.repeat_first = 0;
  ps.repeat_last = head_last;
  ps.freeze_row = first;
  ps.last_row = first + static_cast<int>(t.body.size()) - 1;
  ps.last_col = ncols - 1;
  xlsx::apply_print_setup(wb_, ws, ps);
  protect(ws);
}

void TemplateWriter::codes(lxw_worksheet* ws) {
  wb_.check(lxw::worksheet_write_string(ws, 0, 0, "功能分类项级科目编码", text(true)), "科目代码");
  wb_.check(lxw::worksheet_write_string(ws, 0, 1, "科目名称", text(true)), "科目代码");
  wb_.check(lxw::worksheet_write_string(ws, 0, 2, "经济分类款级科目编码", text(true)), "科目代码");
  wb_.check(lxw::worksheet_write_string(ws, 0, 3, "科目名称", text(true)), "科目代码");
  for (const auto& [code, name] : cat_.function)
    if (code.size() == 7) {
      ++function_items_;
      lxw::worksheet_write_string(ws, function_items_, 0, code.c_str(), text(false, false));
      lxw::worksheet_write_string(ws, function_items_, 1, name.c_str(), text(false, false));
    }
  for (const auto& [code, name] : cat_.economic)
    if (code.size() == 5) {
      ++economic_items_;
      lxw::worksheet_write_string(ws, economic_items_, 2, code.c_str(), text(false, false));
      lxw::worksheet_write_string(ws, economic_items_, 3, name.c_str(), text(false, false));
    }
  lxw::worksheet_set_column(ws, 0, 0, 22, nullptr);
  lxw::worksheet_set_column(ws, 1, 1, 50, nullptr);
  lxw::worksheet_set_column(ws, 2, 2, 22, nullptr);
  lxw::worksheet_set_column(ws, 3, 3, 40, nullptr);
  lxw::worksheet_freeze_panes(ws, 1, 0);
  protect(ws);
}

void TemplateWriter::guide(lxw_worksheet* ws, const std::vector<std::string>& sheets) {
  Style title;
  title.bold = true;
  title.size = 16;
  const std::string year = std::to_string(req_.year);
  const std::string head = year + "年部门预算录入表（" + profile_.id + "年格式）填写说明";
  wb_.check(lxw::worksheet_write_string(ws, 0, 0, head.c_str(), wb_.format(title)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, 2, 0, "基本信息", text(true, false)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kCodeRow, 1, "部门编码", text(true)), "说明");
  wb_.check(lxw::worksheet_write_blank(ws, kCodeRow, kInfoCol, input(false)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kNameRow, 1, "部门名称", text(true)), "说明");
  wb_.check(lxw::worksheet_write_blank(ws, kNameRow, kInfoCol, input(false)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kNameRow, 3, "各表表头所印的名称（可以是简称）",
                                        text(false, false)),
            "说明");
  wb_.check(lxw::worksheet_write_string(ws, kFullNameRow, 1, "部门全称", text(true)), "说明");
  wb_.check(lxw::worksheet_write_blank(ws, kFullNameRow, kInfoCol, input(false)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kFullNameRow, 3, "封面和标题所印；与部门名称相同时不填",
                                        text(false, false)),
            "说明");
  wb_.check(lxw::worksheet_write_string(ws, kSpaceRow, 1, "编码后空一格", text(true)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kSpaceRow, kInfoCol, "否", input(false)), "说明");
  wb_.check(lxw::worksheet_write_string(ws, kSpaceRow, 3, "表头写作“434 部门名称”时选“是”",
                                        text(false, false)),
            "说明");
  {
    char yes[] = "是", no[] = "否";
    char* yes_no[] = {yes, no, nullptr};
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = yes_no;
    wb_.check(lxw::worksheet_data_validation_cell(ws, kSpaceRow, kInfoCol, &v), "说明");
  }
  const std::string u = unit_name();
  // No table title appears in these lines: the importer finds tables by the words of their titles.
  std::vector<std::string> lines = {
      "怎样填写",
      "1. 先在上面填写部门编码（如 "
      "434）和部门名称（表头所印；有简称时另填全称），各表表头自动显示。",
      "2. 白色带框、未锁定的格子是填写的地方；标题、表头、合计和公式格已锁定，不能改动（工作表保护"
      "没有密码，确需改动时可在“审阅”中撤销保护）。",
      "3. 各张收入、支出的表按科目逐行填写：科目编码从下拉列表选择（功能分类填 7 位项级科目，经济"
      "分类的那张填 5 "
      "位款级科目），科目名称可以不填（目录中没有的新科目必须填写名称）；类、款的小计"
      "不用填，由程序计算。",
      "4. 金额单位为" + u + "，" + (u == "元" ? "填到分" : "保留两位小数") +
          "；没有的填 0 或空着。行内的“合计”“小计”列和表顶的“合计”行都是公式，自动相加。",
      "5. 资金来源按列填写：收入按财政拨款收入、财政专户收入、事业收入等分列；财政拨款的支出按一般"
      "公共预算、政府性基金预算、国有资本经营预算分别填入对应的三张表，其余资金的支出只填在第二张"
      "（全部支出）中。",
      "6. 公开的 9 张表中汇总收支的两张（第一张和第四张）以及各类、款的合计不用填写：导入时由程序"
      "按明细算出，并核对各表是否一致。",
      "项目、采购、机构和资产",
      "7. 机构设置：每个预算单位一行（单位编码、名称、性质、规格、经费保障形式），本级在前。",
      "8. 项目分两张表填：“项目信息”每个项目一行（项目名称、编码、预算单位、金额" +
          std::string(prints("projects.purpose") ? "、资金用途、资金支出计划" : "") +
          "、绩效目标）；“项目绩效指标”每个指标一行，第一列写它所属项目的名称（从下拉列表选择，"
          "与上一行同一项目时可空着），一级、二级指标从下拉列表选择，与上一行相同时可空着。"
          "项目和指标的先后顺序就是公开表中的顺序。",
      std::string(prints("special_funds")
                      ? "部门主管的专项资金照此填在“专项资金信息”“专项资金绩效指标”两张表，"
                        "列与项目的相同；没有专项资金时空着。"
                      : "本格式的公开文件不印专项资金，录入表不设专项资金表。"),
      "9. 一个项目有几条绩效目标时，在同一格中每条另起一行（Alt+Enter），依次以 1. 2. 3. 开头。",
      "10. 政府采购：每个采购品目一行，写明预算单位（本级可不填）、所属项目、采购物品名称、品目编码"
      "（A 开头为货物，B 为工程，C 为服务）、数量、单价和各资金来源的金额，合计自动相加。",
      "11. 国有资产：填写截止时间和房屋、车辆、设备、其他固定资产的数量和价值，资产总额自动相加。"
      "没有的部分空着。",
      "12. 部门职责：每条一行，不写序号。说明数据：说明中引用的数字和设置——政府层级、上年基本"
      "支出和项目支出、上年“三公”经费（各项，或只知合计时填合计）、机关运行经费及其明细、资产说明等"
      "，"
      "在“数值”一列填写，没有的空着。各单位资产情况：部门下属各单位分别列出资产时每个单位一行。",
      "保存和导入",
      "13. 填好后在 Excel 或 WPS 中保存（保存时会算出公式的结果），然后运行：",
      "   budgetpress import 本工作簿.xlsx --out 部门文件.yaml",
      "   屏幕会列出有问题的单元格（如“E9”）；改好后重新导入。",
      "14. 增减原因、部门整体绩效目标等说明文字在导入生成的 YAML 文件中补写（见 docs/import.md）。",
      "",
      "其余工作表依次为各张录入的表，“科目代码”和“下拉列表”两张是下拉列表所用的目录（只读）。"};
  // The sheet names are not listed: table titles on this sheet would make the importer take it
  // for a table.
  (void)sheets;
  // Each line over the four columns, wrapped, its row as tall as its lines (A4 portrait).
  constexpr double kWidths[] = {4, 12, 40, 44};
  for (int c = 0; c < 4; ++c) lxw::worksheet_set_column(ws, c, c, kWidths[c], nullptr);
  Style wrap;
  wrap.wrap = true;
  int r = kSpaceRow + 2;
  for (const auto& l : lines) {
    if (!l.empty()) {
      const bool heading = l.find('.') == std::string::npos && l.size() < 40;
      Style st = wrap;
      st.bold = heading;
      wb_.check(lxw::worksheet_merge_range(ws, r, 0, r, 3, l.c_str(), wb_.format(st)), "说明");
      const int n = xlsx::wrapped_lines(l, 96);
      if (n > 1) lxw::worksheet_set_row(ws, r, xlsx::row_height(n, 10.5), nullptr);
    }
    ++r;
  }
  xlsx::PrintSetup ps;
  ps.last_row = r;
  ps.last_col = 3;
  xlsx::apply_print_setup(wb_, ws, ps);
  protect(ws);
}

}  // namespace template_detail

using namespace template_detail;

void write_workbook_template(const TemplateRequest& req, const Context& ctx) {
  const Profile* profile = nullptr;
  if (req.form) {
    profile = ctx.profile(*req.form);
    if (!profile)
      throw TemplateError("未知的公开格式“" + *req.form + "”（config/profiles/ 中没有这一格式）");
  } else {
    profile = ctx.profile_for_year(req.year);
    if (!profile)
      throw TemplateError(std::to_string(req.year) +
                          " 年度没有对应的公开格式：请用 --form 指定，如 --form 2024");
  }
  const std::string layout = req.three_public_layout.value_or("full");
  if (layout != "full" && layout != "short")
    throw TemplateError("“三公”表的行式应为 full（9 行）或 short（6 行），不是“" + layout + "”");
  if (req.unit != "万元" && req.unit != "元")
    throw TemplateError("金额单位应为 万元 或 元，不是“" + req.unit + "”");
  const CatalogYear* cat = ctx.catalog().for_year(req.year);
  if (!cat) throw TemplateError("没有科目目录（config/catalog/）");
  CheckedBudget c = check_budget_text(skeleton_yaml(req.year, *profile, *cat, layout, req.unit),
                                      "<录入表模板>", ctx);
  if (!c.ok())
    throw TemplateError(std::to_string(req.year) + " 年度、" + profile->id +
                        " 年格式无法生成录入表（该年度的科目目录或格式配置不完整）");
  // A form that prints no tables (2021: the figures are in the 说明's paragraphs) still has them
  // in its profile: the clerk fills the same input tables, the narrative is computed from them.
  doc::Document d;
  if (profile->has_tables) {
    d = document_for(c, ctx);
  } else {
    for (const auto& t : c.derived->tables)
      d.blocks.push_back(table_block(*c.budget, *c.profile, t));
  }
  const auto plans = xlsx::plan_sheets(d);
  std::vector<std::pair<std::string, const doc::Table*>> tables;  // sheet name, table
  for (const char* id : kInputTables)
    for (const auto& plan : plans)
      if (!plan.stacked && plan.tables.size() == 1 && plan.tables.front()->id == id)
        tables.emplace_back(plan.name, plan.tables.front());
  if (tables.empty()) throw TemplateError(profile->id + " 年格式没有可填写的收支表");

  produce_file_atomic(req.out, [&](const std::filesystem::path& tmp) {
    Workbook wb(tmp, xlsx::XlsxOptions{}.font);
    xlsx::Properties props;
    props.title = std::to_string(req.year) + "年部门预算录入表";
    props.subject = profile->id + "年格式";
    props.comments = "BudgetPress workbook-template";
    const int64_t epoch = source_date_epoch();
    props.created = epoch > 0 ? epoch : 1700000000;  // fixed: the same template byte for byte
    wb.set_properties(props);
    TemplateWriter w(wb, req, *cat, *profile);
    lxw_worksheet* guide = wb.add_sheet(kGuideSheet);
    std::vector<std::pair<lxw_worksheet*, const doc::Table*>> sheets;
    std::vector<std::string> names;
    for (const auto& [name, t] : tables) {
      sheets.emplace_back(wb.add_sheet(name), t);
      names.push_back(name + "：" + t->title);
    }
    // The parts beyond the 9 tables, then the two list sheets.
    lxw_worksheet* inst_ws = wb.add_sheet("机构设置");
    lxw_worksheet* proj_ws = wb.add_sheet(kProjectLists.info);
    lxw_worksheet* ind_ws = wb.add_sheet(kProjectLists.indicators);
    // 专项资金: the same two lists, where the form prints them (not the 2021 form).
    const bool funds = w.prints(kSpecialFundLists.key);
    lxw_worksheet* fund_ws = funds ? wb.add_sheet(kSpecialFundLists.info) : nullptr;
    lxw_worksheet* fund_ind_ws = funds ? wb.add_sheet(kSpecialFundLists.indicators) : nullptr;
    lxw_worksheet* proc_ws = wb.add_sheet("政府采购预算");
    lxw_worksheet* asset_ws = wb.add_sheet("国有资产");
    lxw_worksheet* unit_asset_ws = wb.add_sheet(narrative_sheet::kUnitAssetsTitle);
    lxw_worksheet* duties_ws = wb.add_sheet(narrative_sheet::kDutiesTitle);
    lxw_worksheet* data_ws = wb.add_sheet(narrative_sheet::kDataTitle);
    lxw_worksheet* code_ws = wb.add_sheet(kCodeSheet);
    lxw_worksheet* list_ws = wb.add_sheet(kListSheet);
    w.codes(code_ws);  // first: the lists' lengths
    w.lists(list_ws);
    w.institutions(inst_ws);
    w.project_info(proj_ws, kProjectLists);
    w.indicators(ind_ws, kProjectLists);
    if (funds) {
      w.project_info(fund_ws, kSpecialFundLists);
      w.indicators(fund_ind_ws, kSpecialFundLists);
    }
    w.procurement(proc_ws);
    w.assets(asset_ws);
    w.unit_assets(unit_asset_ws);
    w.duties(duties_ws);
    w.narrative_data(data_ws);
    for (const auto& [ws, t] : sheets) {
      if (t->id == "t9-three-public")
        w.label_table(ws, *t);
      else
        w.code_table(ws, *t);
    }
    names.push_back(std::string(kCodeSheet) + "：科目目录（下拉列表的来源，只读）");
    names.push_back(std::string(kListSheet) + "：指标、单位性质、采购品目等下拉列表的来源（只读）");
    w.guide(guide, names);
    lxw::worksheet_activate(guide);
    wb.close();
  });
}

}  // namespace bp
