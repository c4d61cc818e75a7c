// Reference catalogues shared by all departments: 功能分类 (类/款/项 names by code) and
// 部门预算支出经济分类 (names, and 人员经费/公用经费 by 类). Loaded from config/catalog/ once per
// process and read-only afterwards, so worker threads share them.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bp {

enum class EconKind { Personnel, Public };  // 人员经费, 公用经费

struct CatalogYear {
  int year = 0;
  std::map<std::string, std::string> function;  // code → name
  std::map<std::string, std::string>
      function_notes;  // code → 名词解释 (config/catalog/function-notes/)
  std::map<std::string, std::string> economic;    // code → name
  std::map<std::string, EconKind> economic_kind;  // 3-digit code → kind
  // 项目绩效指标 (config/catalog/indicators/): (一级指标, 二级指标) pairs in the file's order; the
  // one list `check` (E063, W740) and the fill-in workbook's drop-downs read.
  std::vector<std::pair<std::string, std::string>> indicator_levels;
  // 政府采购品目分类目录 (config/catalog/procurement/): code → name of its first levels
  // (A01 房屋和构筑物 … C23 …); a full 品目编码 is known when its level codes are.
  std::map<std::string, std::string> procurement;
  std::vector<std::string> level1_indicators() const;  // distinct, in file order
  std::vector<std::string> level2_indicators() const;
  // The catalogue's entry for a 品目编码 ("A02010105" → the entry of "A0201" or "A02"), or nullptr.
  const std::pair<const std::string, std::string>* procurement_entry(const std::string& code) const;
};

class Catalog {
 public:
  // Reads every config/catalog/{function,economic}/<year>.tsv below `dir`. Throws on malformed
  // files.
  static Catalog load(const std::filesystem::path& dir);
  // The same from a list of files by relative path ("function/2024.tsv" → file), as a site overlay
  // gives them; other entries are ignored.
  static Catalog load_files(const std::map<std::string, std::filesystem::path>& files);
  // The catalogue of `year`, or of the latest earlier year, or of the earliest year there is. A
  // year with some of its files only takes the others from the latest earlier year.
  const CatalogYear* for_year(int year) const;
  bool empty() const { return years_.empty(); }

 private:
  std::map<int, CatalogYear> years_;
};

}  // namespace bp
