// 机构设置: one row per budget unit under a header with 单位名称 (单位编码, 单位性质, 单位规格,
// 经费保障形式 where printed), 本级 first as the workbook lists them.
#include "import/labels.hpp"
#include "import/number_text.hpp"
#include "import/parts.hpp"

namespace bp::import {

void read_institutions_sheet(const Sheet& s, int h, ImportedParts& out, Report& report) {
  int code = -1, name = -1, nature = -1, rank = -1, funding = -1;
  for (auto [c, cellp] : s.row_cells(h)) {
    std::string t = norm_label(cellp->text);
    if (contains(t, "编码") || contains(t, "代码"))
      code = c;
    else if (contains(t, "名称"))
      name = c;
    else if (contains(t, "性质"))
      nature = c;
    else if (contains(t, "规格") || contains(t, "级别"))
      rank = c;
    else if (contains(t, "经费") || contains(t, "保障"))
      funding = c;
  }
  auto text = [&](int r, int c) { return c < 0 ? std::string() : parts_detail::cell(s, r, c); };
  for (int r = s.next_row(h + 1); r < s.rows(); r = s.next_row(r + 1)) {
    std::string n = text(r, name);
    if (n.empty()) {
      if (!parts_detail::row_words(s, r).empty() &&
          !starts_with(parts_detail::row_words(s, r), "注"))
        report.warning(qualified_ref(s.name, {r, std::max(name, 0)}),
                       "机构设置表这一行没有单位名称，已跳过");
      continue;
    }
    if (starts_with(norm_label(n), "注")) break;
    Institution i;
    i.name.value = n;
    i.code.value = text(r, code);
    if (!i.code.value.empty() && !parse_code(i.code.value)) {
      report.error(qualified_ref(s.name, {r, code}), "单位编码“" + i.code.value + "”不是数字");
      continue;
    }
    if (auto c = parse_code(i.code.value)) i.code.value = *c;
    i.nature.value = text(r, nature);
    i.rank.value = text(r, rank);
    i.funding.value = text(r, funding);
    out.institutions.push_back(std::move(i));
  }
}

}  // namespace bp::import
