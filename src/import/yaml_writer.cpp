#include "import/yaml_writer.hpp"

#include <sstream>

#include "import/number_text.hpp"

namespace bp::import {

std::string yaml_money(Money m, Unit unit) {
  return unit == Unit::Wan ? format_wan(m) : format_hundredths_text(m.in_fen());
}

std::string yaml_string(std::string_view s) {
  bool plain = !s.empty();
  if (plain) {
    static constexpr std::string_view kBadFirst = "-?:,[]{}#&*!|>'\"%@` ";
    if (kBadFirst.find(s.front()) != std::string_view::npos || s.back() == ' ' || s.back() == ':')
      plain = false;
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7F || c == '#' || c == ':' || c == '"' || c == '\\' || c == '{' ||
          c == '}' || c == '[' || c == ']' || c == ',')
        plain = false;
    // Would read back as a number, boolean or null.
    bool numeric = true;
    for (char c : s)
      numeric = numeric && ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
                            c == 'e' || c == 'E');
    std::string lower;
    for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (numeric || lower == "true" || lower == "false" || lower == "null" || lower == "yes" ||
        lower == "no" || lower == "on" || lower == "off" || lower == "~" || lower == "y" ||
        lower == "n")
      plain = false;
  }
  if (plain) return std::string(s);
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

namespace {

std::string code_str(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}  // digits only

std::string function_name(const YamlInput& in, const std::string& code) {
  if (auto it = in.catalog->function.find(code); it != in.catalog->function.end())
    return it->second;
  if (const std::string* n = in.names->function(code)) return *n;
  return {};
}

std::string economic_name(const YamlInput& in, const ImportedEconomic& e) {
  if (const std::string* n = in.names->economic(e.code)) return *n;
  return e.name;
}

// Comment text on one line (a name could hold a line break).
std::string comment(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

std::string write_yaml(const YamlInput& in) {
  std::ostringstream y;
  const Unit u = in.unit;
  y << "# " << in.dept.code.value_or("") << in.dept.separator.value_or("")
    << in.dept.name.value_or("") << " — " << in.year
    << " 年部门预算，由 budgetpress import 从工作簿“" << comment(in.source) << "”导入。\n"
    << "# 导入的是工作簿中的原始数据：部门、机构设置、项级支出（基本/项目支出，按资金来源）、\n"
    << "# 基本支出的经济分类（5 位科目）、“三公”经费、项目绩效目标表、政府采购预算、国有资产，\n"
    << "# 以及工作簿有部门职责、说明数据表时的部门职责、上年数和机关运行经费等。\n"
    << "# 合计、小计和跨表数字都由 BudgetPress 根据这些明细计算，不要再填。工作簿中没有的内容\n"
    << "# （增减原因等说明文字）标有 TODO(import)，请补充后运行\n"
    << "#   budgetpress check 本文件\n";
  if (in.tail_gaps > 0)
    y << "#\n"
      << "# 尾差：工作簿按万元印出，有 " << in.tail_gaps
      << " 处合计与分项之和因各自四舍五入相差（导入时逐格列出）。\n"
      << "# 预算系统的合计是按元算出的准数，公开时照印；为此本文件按元记录明细：每一项与工作簿\n"
      << "# 印出的万元数相差不到 0.005 万元（印出来仍是同一个数），合计正好是工作簿印出的合计。\n"
      << "# 公开表下加注“合计数与各分项之和可能存在尾差”。\n";
  y << "schema: 1\n\n";

  // ---- department
  y << "department:\n";
  if (in.dept.code)
    y << "  code: " << code_str(*in.dept.code) << "\n";
  else
    y << "  code: \"\"   # TODO(import): 部门编码（工作簿的表头中没有找到，如“631临港部门”中的 "
         "631）\n";
  const ImportedParts& parts = *in.parts;
  const bool full_differs = parts.full_name && in.dept.name && !parts.full_name->empty() &&
                            *parts.full_name != *in.dept.name;
  if (full_differs) {
    y << "  name: " << yaml_string(*parts.full_name) << "   # 全称（取自工作簿目录的标题）\n"
      << "  short_name: " << yaml_string(*in.dept.name) << "   # 表头印的简称\n";
  } else if (in.dept.name) {
    y << "  name: " << yaml_string(*in.dept.name);
    if (!parts.full_name)
      y << "   # TODO(import): 这是表头印的名称；部门全称不同时，name 写全称，short_name "
           "写这个名称";
    y << "\n";
  } else {
    y << "  name: \"\"   # TODO(import): 部门名称（工作簿的表头中没有找到）\n";
  }
  y << "  year: " << in.year << "\n"
    << "  form: " << code_str(in.form.form) << "\n"
    << "  unit: " << (u == Unit::Wan ? "万元" : "元") << "\n"
    << "  header_separator: " << yaml_string(in.dept.separator.value_or("")) << "\n";
  if (!in.form.three_public_layout.empty())
    y << "  three_public_layout: " << in.form.three_public_layout << "\n";
  if (parts.purpose_amounts)
    y << "  purpose_amounts: true   # 项目表的资金用途以金额句开头（由预算数生成）\n";
  const NarrativeData& nd = parts.narrative;
  if (nd.gov_level)
    y << "  gov_level: " << yaml_string(*nd.gov_level) << "   # 政府层级（取自工作簿的说明数据）\n";
  else
    y << "  # TODO(import): gov_level — 名词解释中的政府层级（如 区级、市级），不写时为“本级”"
         "（工作簿中没有）\n";
  if (nd.list_zero_income && *nd.list_zero_income)
    y << "  list_zero_income: true   # 收入说明逐项列出各收入来源，金额为零的也列出\n";
  if (parts.duties.empty()) {
    y << "  duties:\n"
      << "    # TODO(import): 部门职责，每条一项（不含序号）——工作簿中没有部门职责表，例如\n"
      << "    #   - 负责……\n"
      << "    items: []\n";
  } else {
    y << "  duties:   # 部门职责（取自工作簿的部门职责表）\n";
    if (nd.duties_intro) y << "    intro: " << yaml_string(*nd.duties_intro) << "\n";
    if (nd.duties_numbering) y << "    numbering: " << yaml_string(*nd.duties_numbering) << "\n";
    y << "    items:\n";
    for (const auto& d : parts.duties) y << "      - " << yaml_string(d) << "\n";
  }
  write_institutions_yaml(y, parts);
  y << "\n";

  // ---- income
  std::array<Money, kSourceCount> income{};
  for (const auto& l : *in.lines)
    for (auto a : l.amounts) income[static_cast<int>(l.source)] += a;
  y << "# 本年收入（按资金来源）= 下面同一来源的支出之和\n"
    << "income:\n";
  bool any_income = false;
  for (int s = 0; s < kSourceCount; ++s)
    if (!income[s].zero()) {
      y << "  " << source_key(static_cast<Source>(s)) << ": " << yaml_money(income[s], u) << "\n";
      any_income = true;
    }
  if (!any_income) y << "  gpb: 0\n";
  y << "\n";

  // ---- expenditure
  y << "# 项级支出：支出总表的各项；资金来源由一般公共预算 / 政府性基金 / "
       "国有资本经营支出表和收入总表拆分\n"
    << "expenditure:\n";
  for (const auto& l : *in.lines) {
    std::string name = function_name(in, l.code);
    y << "  - code: " << code_str(l.code);
    if (!name.empty()) y << "   # " << comment(name);
    y << "\n";
    if (l.guessed)
      y << "    # TODO(import): "
           "这一科目的资金来源与支出类型的对应关系工作簿中看不出，已按列的顺序拆分，请核对\n";
    y << "    source: " << source_key(l.source) << "\n";
    for (int k = 0; k < kKindCount; ++k)
      if (!l.amounts[k].zero())
        y << "    " << kind_key(static_cast<Kind>(k)) << ": " << yaml_money(l.amounts[k], u)
          << "\n";
  }
  if (in.lines->empty()) y << "  []   # TODO(import): 工作簿中没有可导入的支出\n";
  y << "\n";

  // ---- basic_economic
  if (!in.economic->empty()) {
    y << "# 一般公共预算财政拨款基本支出，按部门预算支出经济分类（基本支出表的 5 位科目）\n"
      << "basic_economic:\n";
    for (const auto& e : *in.economic) {
      y << "  - {code: " << code_str(e.code) << ", amount: " << yaml_money(e.amount, u) << "}";
      std::string name = economic_name(in, e);
      if (!name.empty()) y << "   # " << comment(name);
      y << "\n";
    }
    y << "\n";
  }

  // ---- three_public
  y << "# 财政拨款“三公”经费（取自“三公”经费支出表，按一般公共预算 / 政府性基金 / "
       "国有资本经营分列）\n"
    << "three_public:\n";
  bool any_tp = false;
  if (in.three_public->present) {
    for (int i = 0; i < kTpItemCount; ++i) {
      const auto& v = in.three_public->v[i];
      if (v[0].zero() && v[1].zero() && v[2].zero()) continue;
      if (!any_tp) y << "  this_year:\n";
      any_tp = true;
      y << "    " << tp_item_key(static_cast<TpItem>(i)) << ": ";
      if (v[1].zero() && v[2].zero()) {
        y << yaml_money(v[0], u) << "\n";
      } else {
        static const char* kSrc[3] = {"gpb", "fund", "soc"};
        y << "{";
        bool first = true;
        for (int s = 0; s < 3; ++s)
          if (!v[s].zero()) {
            y << (first ? "" : ", ") << kSrc[s] << ": " << yaml_money(v[s], u);
            first = false;
          }
        y << "}\n";
      }
    }
  }
  if (!any_tp)
    y << "  this_year: {}   # 工作簿中"
      << (in.three_public->present ? "“三公”经费均为 0" : "没有“三公”经费表") << "\n";
  if (nd.tp_last.present || nd.tp_last_total)
    write_last_year_three_public_yaml(y, nd, u);
  else
    y << "  # TODO(import): last_year — 上年“三公”经费（各项，键同 this_year；或只写 "
         "last_year_total），说明第四部分比较用\n";
  y << "  # TODO(import): reasons — 增减变化原因（说明文字）：total, outbound, vehicle_purchase, "
       "vehicle_operation, reception\n\n";

  // ---- the parts beyond the 9 tables
  write_projects_yaml(y, parts, u);
  write_procurement_yaml(y, parts, u);
  write_assets_yaml(y, parts, u, in.year);

  // ---- the narrative's figures (说明数据) and what a workbook cannot hold
  if (nd.previous_any())
    write_previous_year_yaml(y, nd, u);
  else
    y << "# TODO(import): previous_year — "
         "上年基本支出、项目支出（说明第二部分“比上年增减”用；工作簿中没有），例如\n"
      << "# previous_year:\n"
      << "#   basic: 0.00\n"
      << "#   project: 0.00\n"
      << "#   reasons: {basic: …, project: …}\n";
  if (nd.running_any()) write_running_cost_yaml(y, nd, u, in.running_items);
  y << "# TODO(import): 公开表和说明数据不含以下说明文字，请按 docs/schema.md 补充：\n"
    << "#   previous_year.reasons（增减原因）、performance（部门整体绩效目标）、texts（其他说明）";
  if (!nd.running_any()) y << "、\n#   running_cost（机关运行经费明细：工作簿中没有）";
  if (parts.projects.empty()) y << "、\n#   projects（项目绩效目标表：工作簿中没有）";
  if (!parts.procurement_sheet) y << "、\n#   procurement（政府采购预算：工作簿中没有）";
  if (!parts.assets.present) y << "、\n#   assets（国有资产占用情况：工作簿中没有）";
  y << "\n\n";

  // ---- catalog
  if (!in.catalog->function.empty() || !in.catalog->economic.empty()) {
    y << "# 科目目录中没有的科目，名称取自工作簿\n"
      << "catalog:\n";
    if (!in.catalog->function.empty()) {
      y << "  function:\n";
      for (const auto& [code, name] : in.catalog->function)
        y << "    " << code_str(code) << ": " << yaml_string(name) << "\n";
    }
    if (!in.catalog->economic.empty()) {
      y << "  economic:\n";
      for (const auto& [code, name] : in.catalog->economic)
        y << "    " << code_str(code) << ": " << yaml_string(name) << "\n";
    }
    y << "\n";
  }

  // ---- expect
  bool any_expect = false, any_tail = false;
  for (const auto& t : in.totals) any_expect = any_expect || t.agrees;
  for (const auto& t : in.totals) any_tail = any_tail || !t.agrees;
  if (any_expect) {
    y << "# 工作簿印出的合计（与明细之和一致的）；check 会逐项核对，明细改动后不一致时报错\n"
      << "expect:\n";
    for (const auto& t : in.totals)
      if (t.agrees)
        y << "  " << t.key << ": " << yaml_money(t.derived, u) << "   # " << t.label << "，"
          << t.where << "\n";
  }
  if (any_tail) {
    y << (any_expect ? "" : "\n")
      << "# 尾差：以下合计工作簿印出的数与明细之和不同（各格分别四舍五入所致），BudgetPress "
         "按明细计算，\n"
      << "# 公开表将印出明细之和；未列入 expect\n";
    for (const auto& t : in.totals)
      if (!t.agrees)
        y << "#   " << t.key << "（" << t.label << "）：工作簿 " << t.where << " 为 "
          << show(t.printed, t.printed_unit) << "，明细之和 " << yaml_money(t.derived, u) << "\n";
  }
  return y.str();
}

}  // namespace bp::import
