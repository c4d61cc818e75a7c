// The narrative templates (templates/**/*.mustache), loaded once per process and shared read-only.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace bp {

class TemplateSet {
 public:
  // Reads every *.mustache below `dir`; names are relative paths without extension
  // ("common/duties").
  static TemplateSet load(const std::filesystem::path& dir);
  // The same from files by relative path ("2024/overall.mustache" → file), as a site overlay gives
  // them; files that are not *.mustache are ignored.
  static TemplateSet load_files(const std::map<std::string, std::filesystem::path>& files);
  // Throws std::runtime_error naming the template when it does not exist.
  const std::string& get(const std::string& name) const;
  bool empty() const { return texts_.empty(); }

 private:
  std::map<std::string, std::string> texts_;
};

}  // namespace bp
