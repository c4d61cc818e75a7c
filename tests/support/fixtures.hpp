// Test helpers: the repository paths and the seed fixtures (tables transcribed from the published
// disclosures, independent of our code).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace bp::test {

inline std::filesystem::path source_dir() { return BP_SOURCE_DIR; }
inline std::filesystem::path config_dir() { return source_dir() / "config"; }

inline std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace bp::test
