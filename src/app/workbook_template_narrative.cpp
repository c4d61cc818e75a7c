// The fill-in workbook's sheets for the narrative's own figures (src/app/workbook_narrative.hpp):
// 部门职责 (one duty per row), 说明数据 (fixed labelled rows: the clerk fills the 数值 column and
// the names of the 机关运行经费明细) and 各单位资产情况 (one row per budget unit, the 2021 form's
// per-unit asset statement). The words are those the export writes and the importer reads.
#include "xlsx/lxw.hpp"

#include "app/detail/workbook_template_writer.hpp"
#include "app/workbook_narrative.hpp"

namespace bp::template_detail {

namespace ns = narrative_sheet;

namespace {
constexpr int kDutyRows = 60, kRunningItemRows = 30, kUnitAssetRows = 100;
}  // namespace

void TemplateWriter::duties(lxw_worksheet* ws) {
  Style t;
  t.bold = true;
  t.size = 14;
  wb_.check(lxw::worksheet_write_string(ws, 0, 0, ns::kDutiesTitle, wb_.format(t)), "标题");
  lxw::worksheet_set_column(ws, 0, 0, 100, nullptr);
  const int first = 1, last = first + kDutyRows - 1;
  blank_inputs(ws, first, last, 0, 0, false, true);
  text_prompt(ws, first, 0, last, 0, "部门职责",
              "每条职责一行，不写序号（序号按“说明数据”表的编号样式自动加上）。");
  finish_part(ws, first, last, 0, 0, false);
}

void TemplateWriter::narrative_data(lxw_worksheet* ws) {
  const std::string u = unit_name();
  part_head(ws, ns::kDataTitle, 2,
            {{ns::kHeadGroup, 18}, {ns::kHeadItem, 36}, {ns::kHeadValue, 44}});
  wb_.check(lxw::worksheet_write_string(ws, 1, 2, ("单位：" + u).c_str(), text(false, false)),
            "单位行");
  int r = kPartFirstRow;
  auto fixed = [&](const char* group, const std::string& item, bool number) {
    wb_.check(lxw::worksheet_write_string(ws, r, 0, group, text()), "项目");
    wb_.check(lxw::worksheet_write_string(ws, r, 1, item.c_str(), text()), "细项");
    wb_.check(lxw::worksheet_write_blank(ws, r, 2, input(number, !number)), "数值");
    if (number) amounts_only(ws, r, r, 2, 2);
    return r++;
  };
  const int gov = fixed(ns::kBasics, ns::kGovLevel, false);
  text_prompt(ws, gov, 2, gov, 2, "政府层级",
              "名词解释中的政府层级，如 区级、市级、县级；空着为“本级”。");
  const int zero = fixed(ns::kBasics, ns::kListZero, false);
  {
    char yes[] = "是", no[] = "否";
    char* yes_no[] = {yes, no, nullptr};
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = yes_no;
    wb_.check(lxw::worksheet_data_validation_cell(ws, zero, 2, &v), "是否");
  }
  fixed(ns::kBasics, ns::kDutyIntro, false);
  const int numbering = fixed(ns::kBasics, ns::kDutyNumbering, false);
  {
    char s1[] = "1、", s2[] = "（一）", s3[] = "一、", s4[] = "1.", s5[] = "(一)";
    char* styles[] = {s1, s2, s3, s4, s5, nullptr};
    lxw_data_validation v = {};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = styles;
    wb_.check(lxw::worksheet_data_validation_cell(ws, numbering, 2, &v), "编号样式");
  }
  for (const char* item : {ns::kPrevBasic, ns::kPrevProject, ns::kPrevRunning})
    fixed(ns::kPrevious, item, true);
  fixed(ns::kTpLast, ns::kTpLastTotal, true);
  fixed(ns::kTpLast, ns::kTpLastOutbound, true);
  fixed(ns::kTpLast, ns::kTpLastVehicle, true);
  for (int i = 0; i < kTpItemCount; ++i)
    fixed(ns::kTpLast, ns::tp_item_label(static_cast<TpItem>(i)), true);
  fixed(ns::kRunning, ns::kRunningTotal, true);
  fixed(ns::kRunning, ns::kRunningPurpose, false);
  const int items = r;
  for (int k = 0; k < kRunningItemRows; ++k, ++r) {
    wb_.check(lxw::worksheet_write_string(ws, r, 0, ns::kRunningItems, text()), "项目");
    wb_.check(lxw::worksheet_write_blank(ws, r, 1, input(false)), "细项");
    wb_.check(lxw::worksheet_write_blank(ws, r, 2, input(true)), "数值");
  }
  text_prompt(ws, items, 1, r - 1, 1, "机关运行经费明细",
              "每项一行：名称（如 办公费）和金额；各项之和应等于机关运行经费。");
  amounts_only(ws, items, r - 1, 2, 2);
  fixed(ns::kAssets, ns::kAssetsNote, false);
  for (const auto& f : ns::statement_fields()) fixed(ns::kAssets, f.label, true);
  finish_part(ws, kPartFirstRow, r - 1, 2, 2, false);
}

void TemplateWriter::unit_assets(lxw_worksheet* ws) {
  std::vector<std::pair<std::string, double>> cols = {{ns::kUnitHead, 24}};
  for (const auto& f : ns::asset_row_fields()) {
    cols.push_back({std::string(f.label) + ns::kQuantitySuffix, 10});
    cols.push_back({std::string(f.label) + ns::kValueSuffix, 12});
  }
  for (const auto& f : ns::statement_fields()) cols.push_back({f.label, 12});
  part_head(ws, ns::kUnitAssetsTitle, 2, cols);
  const int last_col = static_cast<int>(cols.size()) - 1;
  wb_.check(lxw::worksheet_write_string(ws, 1, 0,
                                        ("单位：" + std::string(unit_name()) +
                                         "（分单位列出资产时填写，部门合计由程序计算）")
                                            .c_str(),
                                        text(false, false)),
            "单位行");
  const int first = kPartFirstRow, last = first + kUnitAssetRows - 1;
  blank_inputs(ws, first, last, 0, 0, false);
  blank_inputs(ws, first, last, 1, last_col, true);
  list_validation(ws, first, 0, last, 0, names_range("机构设置", 1, kInstitutionRows), "单位",
                  "从“机构设置”表的单位中选择。", false);
  for (int c = 1; c < 1 + 2 * static_cast<int>(ns::asset_row_fields().size()); c += 2)
    integers_only(ws, first, last, c, "数量请填写整数（面积为平方米）。");
  for (int c = 2; c <= last_col; ++c)
    if (c > 2 * static_cast<int>(ns::asset_row_fields().size()) || c % 2 == 0)
      amounts_only(ws, first, last, c, c);
  finish_part(ws, first, last, last_col, 1, true);
}

}  // namespace bp::template_detail
