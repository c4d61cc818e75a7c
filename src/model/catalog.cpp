#include "model/catalog.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace bp {

namespace {

std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("无法读取科目目录 " + p.string());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cells.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() < 2 || cells[0].empty() || cells[1].empty())
      throw std::runtime_error(p.string() + ":" + std::to_string(n) +
                               ": 科目目录行应为“编码<TAB>名称”");
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::optional<int> year_of(const std::filesystem::path& p) {
  auto stem = p.stem().string();
  if (p.extension() != ".tsv" || stem.size() != 4) return std::nullopt;
  for (char c : stem)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoi(stem);
}

}  // namespace

Catalog Catalog::load(const std::filesystem::path& dir) {
  std::map<std::string, std::filesystem::path> files;
  for (const char* sub : {"function", "economic", "function-notes", "indicators", "procurement"}) {
    auto d = dir / sub;
    if (!std::filesystem::is_directory(d)) continue;
    for (const auto& e : std::filesystem::directory_iterator(d))
      files[std::string(sub) + "/" + e.path().filename().string()] = e.path();
  }
  return load_files(files);
}

Catalog Catalog::load_files(const std::map<std::string, std::filesystem::path>& files) {
  Catalog c;
  for (const char* sub : {"function", "economic", "function-notes", "indicators", "procurement"}) {
    const std::string prefix = std::string(sub) + "/";
    for (const auto& [rel, path] : files) {
      if (rel.rfind(prefix, 0) != 0 || rel.find('/', prefix.size()) != std::string::npos) continue;
      auto y = year_of(path);
      if (!y) continue;
      auto& cy = c.years_[*y];
      cy.year = *y;
      for (auto& row : read_tsv(path)) {
        if (std::string(sub) == "function") {
          cy.function[row[0]] = row[1];
        } else if (std::string(sub) == "indicators") {
          cy.indicator_levels.emplace_back(row[0], row[1]);
        } else if (std::string(sub) == "procurement") {
          cy.procurement[row[0]] = row[1];
        } else if (std::string(sub) == "function-notes") {
          cy.function_notes[row[0]] = row[1];
        } else {
          cy.economic[row[0]] = row[1];
          if (row.size() > 2 && !row[2].empty()) {
            if (row[2] == "人员经费")
              cy.economic_kind[row[0]] = EconKind::Personnel;
            else if (row[2] == "公用经费")
              cy.economic_kind[row[0]] = EconKind::Public;
            else
              throw std::runtime_error(path.string() + ": 未知的经费类别“" + row[2] + "”");
          }
        }
      }
    }
  }
  // A year may have only some of its files (a site overlay adds function/2025.tsv alone): its
  // missing function or economic list is the latest earlier year's, as for a year without any file.
  // (名词解释 are not carried over: a year without them gets W113 where its form prints them.)
  const CatalogYear* prev = nullptr;
  for (auto& [year, cy] : c.years_) {
    if (prev) {
      if (cy.function.empty()) cy.function = prev->function;
      if (cy.economic.empty()) {
        cy.economic = prev->economic;
        cy.economic_kind = prev->economic_kind;
      }
      if (cy.indicator_levels.empty()) cy.indicator_levels = prev->indicator_levels;
      if (cy.procurement.empty()) cy.procurement = prev->procurement;
    }
    prev = &cy;
  }
  // The indicator and 品目 lists of a year before the first file of theirs are that file's (the
  // 2022 品目 catalogue serves the 2021 form too: its 门类 are what the check looks at).
  const CatalogYear* first_indicators = nullptr;
  const CatalogYear* first_procurement = nullptr;
  for (const auto& [year, cy] : c.years_) {
    if (!first_indicators && !cy.indicator_levels.empty()) first_indicators = &cy;
    if (!first_procurement && !cy.procurement.empty()) first_procurement = &cy;
  }
  for (auto& [year, cy] : c.years_) {
    if (cy.indicator_levels.empty() && first_indicators)
      cy.indicator_levels = first_indicators->indicator_levels;
    if (cy.procurement.empty() && first_procurement)
      cy.procurement = first_procurement->procurement;
  }
  return c;
}

namespace {
std::vector<std::string> distinct(const std::vector<std::pair<std::string, std::string>>& pairs,
                                  bool second) {
  std::vector<std::string> out;
  for (const auto& p : pairs) {
    const std::string& v = second ? p.second : p.first;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}
}  // namespace

std::vector<std::string> CatalogYear::level1_indicators() const {
  return distinct(indicator_levels, false);
}

std::vector<std::string> CatalogYear::level2_indicators() const {
  return distinct(indicator_levels, true);
}

const std::pair<const std::string, std::string>* CatalogYear::procurement_entry(
    const std::string& code) const {
  // The catalogue writes its levels as 9-character codes (A02000000 设备, A02010000 信息化设备).
  // A code is known when its 门类 (first level) is; the entry returned is its second level where
  // the file lists it (for the name), else the 门类.
  if (code.size() < 3) return nullptr;
  auto top = procurement.find(code.substr(0, 3) + "000000");
  if (top == procurement.end()) return nullptr;
  if (code.size() >= 5)
    if (auto second = procurement.find(code.substr(0, 5) + "0000"); second != procurement.end())
      return &*second;
  return &*top;
}

const CatalogYear* Catalog::for_year(int year) const {
  if (years_.empty()) return nullptr;
  auto it = years_.upper_bound(year);
  if (it == years_.begin()) return &it->second;
  return &std::prev(it)->second;
}

}  // namespace bp
