#include "xlsx/options.hpp"

#include <yaml-cpp/yaml.h>

namespace bp::xlsx {

std::string theme_body_font(const std::filesystem::path& theme_file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(theme_file, ec)) return "";
  try {
    YAML::Node root = YAML::LoadFile(theme_file.string());
    YAML::Node font = root["styles"]["body"]["font"];
    if (!font || !font.IsScalar()) return "";
    const std::string key = font.Scalar();
    YAML::Node family = root["fonts"][key];
    if (family && family.IsScalar() && !family.Scalar().empty()) return family.Scalar();
    // Not a role name: the style names the family itself.
    if (key != "serif" && key != "sans") return key;
  } catch (const YAML::Exception&) {
  }
  return "";
}

int64_t creation_time(int64_t epoch) {
  return epoch > 0 ? epoch : kFixedCreated;
}

XlsxOptions options_from_config(const std::filesystem::path& config_dir, int64_t epoch) {
  std::string f = theme_body_font(config_dir / "themes" / "default.yaml");
  return options_with_font(f.empty() ? kDefaultFont : std::move(f), config_dir, epoch);
}

XlsxOptions options_with_font(std::string font, const std::filesystem::path& config_dir,
                              int64_t epoch) {
  XlsxOptions o;
  if (!font.empty()) o.font = std::move(font);
  o.epoch = epoch;
  std::error_code ec;
  if (const auto terms = config_dir / "terms.txt"; std::filesystem::exists(terms, ec))
    o.terms = text::TermList::load(terms);
  return o;
}

}  // namespace bp::xlsx
