// What the tables say beyond the 项 lines: the department and year from the header blocks, the
// year form (profile) whose rows the workbook matches, the 三公 items, the 5-digit lines of the
// 基本支出表, and names of codes the catalogue does not know.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "import/collect.hpp"
#include "model/department.hpp"
#include "model/validate.hpp"

namespace bp::import {

struct DeptInfo {
  std::optional<std::string> code, name, separator;
  std::optional<int> year;
  std::string year_where;  // cell the year came from
};
// From the header blocks (and a "2023年…" title); disagreements between sheets are warnings.
DeptInfo read_dept(const Collected& c, Report& report);

struct FormChoice {
  std::string form;                 // profile id
  std::string three_public_layout;  // key of Profile::three_public_layouts
};
// --form when given (must name a profile with tables), else the profile whose table titles,
// 收支总表 income rows and 三公 rows match the workbook best (ties: the budget year's, then the
// latest profile not after it). Throws std::invalid_argument for an unknown --form.
// `stated`: the form came from the workbook itself (the fill-in workbook's 说明 title), so a form
// without the 9 tables (2021) is taken without a warning.
FormChoice choose_form(const Collected& c, const Context& ctx,
                       const std::optional<std::string>& form_flag, int year, Report& report,
                       bool stated = false);

struct ImportedThreePublic {
  std::array<std::array<Money, 3>, kTpItemCount> v{};  // [item][gpb, fund, soc]
  bool present = false;
  Money item(TpItem i) const {
    return v[static_cast<int>(i)][0] + v[static_cast<int>(i)][1] + v[static_cast<int>(i)][2];
  }
};
// The 三公 rows mapped onto items through the profile's row definitions: leaf rows give their item;
// a row that sums items of which no leaf row is printed (一、因公出国（境）费 in the short layout)
// gives its last item (其他因公出国（境）费).
ImportedThreePublic read_three_public(const Collected& c, const Profile& p,
                                      const std::string& layout, Report& report);

struct ImportedEconomic {
  std::string code, name;
  Money amount;
};
// The 5-digit rows of the 基本支出表 (合计 column, else 人员经费 + 公用经费).
std::vector<ImportedEconomic> read_economic(const Collected& c, Report& report);

// Names for codes the catalogue of the year lacks, taken from the workbook (catalog: section);
// a known code printed under another name is a warning (the catalogue's name is what gets printed).
struct CatalogAdditions {
  std::map<std::string, std::string> function, economic;
};
CatalogAdditions catalog_additions(const Collected& c, const CodeNames& names, Report& report);

// The profile's table id of a TableId ("t1-summary" …).
const char* profile_table_id(TableId id);

}  // namespace bp::import
