#include "cli/department_skeleton.hpp"

namespace bp::cli {

std::string department_skeleton(int year, const std::string& form, bool three_public_meetings) {
  const std::string y = std::to_string(year);
  std::string s;
  s += "# " + y + " 年部门预算公开文件（由 budgetpress init 生成）\n";
  s += "#\n";
  s += "# 把每个“填写”处换成本部门的内容，填好后运行：\n";
  s += "#   budgetpress check 本文件         （检查格式、科目和勾稽关系，逐条指出要改的地方）\n";
  s += "#   budgetpress build -o 输出目录 本文件   （生成 PDF；-f all 同时生成 "
       "Excel、Word、JSON）\n";
  s += "# 金额单位默认为万元，最多两位小数，不要写千分位逗号；科目编码要加英文引号，如 "
       "\"2010301\"。\n";
  s += "# 以 # 开头的行是注释，不会印到文档里；需要哪一部分，就去掉那几行开头的 “# ”。\n";
  s += "# 每一项的详细说明见 docs/zh/用户手册.md 和 docs/schema.md。\n";
  s += "schema: 1\n";
  s += "\n";
  s += "department:\n";
  s += "  code: \"\"            # 填写：部门编码，如 \"434\"\n";
  s += "  name: \"\"            # 填写：部门全称，印在标题和说明中\n";
  s += "  # short_name: 简称    # 表头中印的名称（不写则用全称）\n";
  s += "  year: " + y + "          # 预算年度\n";
  s += "  form: \"" + form + "\"        # 公开格式（年度格式），一般与年度相同\n";
  s += "  unit: 万元            # 本文件所有金额的单位：万元 或 元\n";
  s += "  # duties:             # 部门职责\n";
  s += "  #   items:\n";
  s += "  #     - 第一项职责\n";
  s += "  # institutions:       # 机构设置：本部门所属的预算单位，本级在前\n";
  s += "  #   - name: 本部门名称(本级)\n";
  s += "  #     nature: 行政     # 单位性质：行政 或 事业\n";
  s += "\n";
  s += "# 本年收入，按资金来源。每一来源的收入必须等于下面用这一来源安排的支出之和。\n";
  s += "# 来源：gpb 一般公共预算拨款，fund 政府性基金，soc 国有资本经营，special 财政专户，\n";
  s += "#       business 事业收入，other 其他收入，carryover 上年结转结余 等（见用户手册）。\n";
  s += "income:\n";
  s += "  gpb:                # 填写：一般公共预算拨款收入\n";
  s += "\n";
  s += "# 支出：一行一个功能分类“项”（7 位编码）和资金来源。basic 基本支出，project 项目支出。\n";
  s += "# 科目目录里没有的编码，可在这一行加 name: 科目名称（check 会给出提示）。\n";
  s += "expenditure:\n";
  s += "  - code: \"\"          # 填写：功能分类科目编码，如 \"2010301\"（行政运行）\n";
  s += "    source: gpb       # 资金来源，默认 gpb\n";
  s += "    basic:            # 填写：基本支出（没有就删去这一行）\n";
  s += "    project:          # 填写：项目支出（没有就删去这一行）\n";
  s += "\n";
  s += "# 一般公共预算拨款基本支出按经济分类（5 位款编码）。合计必须等于上面 gpb "
       "各行的基本支出之和。\n";
  s += "basic_economic:\n";
  s += "  - code: \"\"          # 填写：经济分类科目编码，如 \"30101\"（基本工资）\n";
  s += "    amount:           # 填写：金额\n";
  s += "\n";
  s += "# 财政拨款“三公”经费（不填则全部为 0）。\n";
  s += "# three_public:\n";
  s += "#   this_year:\n";
  s += "#     outbound_other: 0       # 因公出国（境）费\n";
  s += "#     vehicle_purchase: 0     # 公务用车购置费\n";
  s += "#     vehicle_operation: 0    # 公务用车运行维护费\n";
  s += "#     reception: 0            # 公务接待费\n";
  if (three_public_meetings) {
    s += "#     meeting_other: 0        # 会议费\n";
    s += "#     training: 0             # 培训费\n";
  }
  s += "#   last_year:                # 上年数，键同上，说明中与上年比较\n";
  s += "#     reception: 0\n";
  s += "\n";
  s += "# 上年预算数，说明中“比上年增加/减少”由此算出。\n";
  s += "# previous_year:\n";
  s += "#   basic: 0                  # 上年基本支出\n";
  s += "#   project: 0                # 上年项目支出\n";
  s += "\n";
  s += "# 说明中的补充文字（可选）。\n";
  s += "# texts:\n";
  s += "#   other_matters: 其他需要说明的事项\n";
  return s;
}

}  // namespace bp::cli
