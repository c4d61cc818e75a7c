// Typed, position-aware access to a department file's YAML tree (util/yaml_tree.hpp). Every failed
// expectation becomes a diagnostic that names the line and column; callers get std::nullopt and
// carry on, so one run reports all problems.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "model/department.hpp"
#include "model/diagnostics.hpp"
#include "util/yaml_tree.hpp"

namespace bp {

class YamlReader {
 public:
  YamlReader(Diagnostics& diag, Unit unit) : diag_(diag), unit_(unit) {}
  void set_unit(Unit u) { unit_ = u; }
  Unit unit() const { return unit_; }
  Diagnostics& diag() { return diag_; }

  static Pos pos(const yaml::Node& n);

  // Reports E006 unless `n` is a map / sequence. `what` names the thing in Chinese.
  bool is_map(const yaml::Node& n, std::string_view what);
  bool is_seq(const yaml::Node& n, std::string_view what);
  // E004 for keys not in `allowed`, E005 for a key given twice.
  void check_keys(const yaml::Node& map, std::initializer_list<std::string_view> allowed,
                  std::string_view what);
  // Position of key `key` in map `m` (the key itself), or of the map.
  static Pos key_pos(const yaml::Node& m, std::string_view key);
  // E007 when a required key is absent.
  bool require(const yaml::Node& m, std::string_view key, std::string_view what);

  std::optional<Text> text(const yaml::Node& n, std::string_view what);
  // A digits-only code of one of the given lengths.
  std::optional<Text> code(const yaml::Node& n, std::initializer_list<size_t> lengths,
                           std::string_view what);
  std::optional<Amount> money(const yaml::Node& n, std::string_view what,
                              bool allow_negative = false);
  std::optional<int64_t> integer(const yaml::Node& n, std::string_view what, int64_t min,
                                 int64_t max);
  // A percentage such as 25, 25.5 or "25%", in hundredths.
  std::optional<int64_t> percent(const yaml::Node& n, std::string_view what);
  std::optional<bool> boolean(const yaml::Node& n, std::string_view what);
  // A list of strings (or one string).
  std::vector<Text> texts(const yaml::Node& n, std::string_view what);

 private:
  Diagnostics& diag_;
  Unit unit_;
};

}  // namespace bp
