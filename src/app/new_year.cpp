#include "app/new_year.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "util/file_names.hpp"

namespace bp {

namespace {

struct Edit {
  size_t begin, end;
  std::string text;
};

// The extent of the scalar token that starts at byte `pos` (quoted or plain).
std::pair<size_t, size_t> scalar_token(const std::string& t, size_t pos) {
  if (pos >= t.size()) throw std::runtime_error("内部错误：标量位置越界");
  char q = t[pos];
  size_t i = pos + 1;
  if (q == '"') {
    while (i < t.size() && t[i] != '"') i += t[i] == '\\' ? 2 : 1;
    return {pos, std::min(i + 1, t.size())};
  }
  if (q == '\'') {
    while (i < t.size()) {
      if (t[i] == '\'') {
        if (i + 1 < t.size() && t[i + 1] == '\'') {
          i += 2;
          continue;
        }
        break;
      }
      ++i;
    }
    return {pos, std::min(i + 1, t.size())};
  }
  i = pos;
  while (i < t.size() && t[i] != '\n' && t[i] != '\r' && t[i] != ',' && t[i] != '}' &&
         t[i] != ']' && !(t[i] == '#' && i > pos && (t[i - 1] == ' ' || t[i - 1] == '\t')))
    ++i;
  while (i > pos && (t[i - 1] == ' ' || t[i - 1] == '\t')) --i;
  return {pos, i};
}

std::string money_text(Money m, Unit u) {
  int64_t f = m.in_fen();
  bool neg = f < 0;
  if (neg) f = -f;
  if (u == Unit::Wan) return (neg ? "-" : "") + format_wan(Money::fen(f));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", neg ? "-" : "", static_cast<long long>(f / 100),
                static_cast<long long>(f % 100));
  return buf;
}

// Emits a node keeping what the reader noticed in the source: quoted scalars stay quoted, flow
// collections stay flow.
void emit(YAML::Emitter& out, const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Scalar:
      if (n.Tag() == "!")
        out << YAML::DoubleQuoted << n.Scalar();
      else
        out << n.Scalar();
      break;
    case YAML::NodeType::Sequence:
      if (n.Style() == YAML::EmitterStyle::Flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& e : n) emit(out, e);
      out << YAML::EndSeq;
      break;
    case YAML::NodeType::Map:
      if (n.Style() == YAML::EmitterStyle::Flow) out << YAML::Flow;
      out << YAML::BeginMap;
      for (auto it = n.begin(); it != n.end(); ++it) {
        out << YAML::Key;
        emit(out, it->first);
        out << YAML::Value;
        emit(out, it->second);
      }
      out << YAML::EndMap;
      break;
    default:
      out << YAML::Null;
  }
}

// A copy of a 三公 item map with every amount (number or by-source map) set to 0.
YAML::Node zeroed_clone(const YAML::Node& n) {
  YAML::Node c = YAML::Clone(n);
  if (!c.IsMap()) return c;
  for (auto it = c.begin(); it != c.end(); ++it) {
    if (it->second.IsMap()) {
      for (auto s = it->second.begin(); s != it->second.end(); ++s) s->second = "0";
    } else {
      it->second = "0";
    }
  }
  return c;
}

class Editor {
 public:
  Editor(const std::string& text, Unit unit) : t_(text), unit_(unit) {}

  void zero(const YAML::Node& n) {
    if (!n.IsDefined() || n.IsNull()) return;
    if (n.IsScalar()) return replace_scalar(n, "0");
    if (n.IsMap())
      for (auto it = n.begin(); it != n.end(); ++it) zero(it->second);
    if (n.IsSequence())
      for (const auto& e : n) zero(e);
  }
  void zero_keys(const YAML::Node& map, std::initializer_list<const char*> keys) {
    if (!map.IsMap()) return;
    for (const char* k : keys) zero(map[k]);
  }
  void replace_scalar(const YAML::Node& n, const std::string& text) {
    auto [b, e] = scalar_token(t_, n.Mark().pos);
    std::string raw = t_.substr(b, e - b);
    bool quoted = !raw.empty() && (raw[0] == '"' || raw[0] == '\'');
    if (!quoted && raw != n.Scalar())
      throw std::runtime_error("无法定位第 " + std::to_string(n.Mark().line + 1) + " 行的金额“" +
                               n.Scalar() + "”");
    edits_.push_back({b, e, quoted ? "\"" + text + "\"" : text});
  }
  void replace_range(size_t b, size_t e, std::string text) {
    edits_.push_back({b, e, std::move(text)});
  }

  std::string apply() {
    std::sort(edits_.begin(), edits_.end(),
              [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    std::string out = t_;
    size_t limit = std::string::npos;
    for (const auto& e : edits_) {
      if (e.end > limit) throw std::runtime_error("内部错误：改写范围重叠");
      out.replace(e.begin, e.end - e.begin, e.text);
      limit = e.begin;
    }
    return out;
  }

  const std::string& text() const { return t_; }
  Unit unit() const { return unit_; }

 private:
  const std::string& t_;
  Unit unit_;
  std::vector<Edit> edits_;
};

size_t line_start(const std::string& t, size_t line) {
  size_t pos = 0;
  for (size_t l = 0; l < line && pos != std::string::npos; ++l) {
    pos = t.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  return pos == std::string::npos ? t.size() : pos;
}

// Byte ranges of the top-level sections: from the key's line up to the next key, without the
// blank and comment lines just above the next key (they introduce that one).
std::map<std::string, std::pair<size_t, size_t>> top_level_sections(const std::string& t,
                                                                    const YAML::Node& root) {
  std::vector<std::pair<size_t, std::string>> keys;  // (line, key)
  for (auto it = root.begin(); it != root.end(); ++it)
    keys.emplace_back(it->first.Mark().line, it->first.Scalar());
  std::sort(keys.begin(), keys.end());
  std::map<std::string, std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t b = line_start(t, keys[i].first);
    size_t e = t.size();
    if (i + 1 < keys.size()) {
      e = line_start(t, keys[i + 1].first);
      // Walk back over blank / comment lines that precede the next key.
      while (e > b) {
        size_t prev = t.rfind('\n', e >= 2 ? e - 2 : 0);
        size_t ls = (prev == std::string::npos || e < 2) ? 0 : prev + 1;
        if (ls <= b) break;
        std::string line = t.substr(ls, e - ls);
        size_t first = line.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && line[first] != '#') break;
        e = ls;
      }
    }
    out[keys[i].second] = {b, e};
  }
  return out;
}

std::string emit_section(const std::string& key, const YAML::Node& value,
                         const std::string& comment) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap << YAML::Key << key << YAML::Value;
  emit(out, value);
  out << YAML::EndMap;
  std::string s = comment + out.c_str();
  if (s.empty() || s.back() != '\n') s += "\n";
  return s;
}

}  // namespace

std::filesystem::path default_next_year_dir(const std::filesystem::path& file, int year) {
  auto dir = file.parent_path();
  if (dir.filename() == std::to_string(year)) return dir.parent_path() / std::to_string(year + 1);
  return {};
}

NextYearFile next_year_file(const std::string& text, const CheckedBudget& c,
                            const std::string& source, const Profile* next_form) {
  if (!c.ok()) throw std::logic_error("next_year_file needs a checked budget without errors");
  const Budget& b = *c.budget;
  const Figures& fig = c.derived->fig;
  YAML::Node root = YAML::Load(text);
  Editor ed(text, b.dept.unit);
  const int year = b.dept.year;

  ed.replace_scalar(root["department"]["year"], std::to_string(year + 1));
  // Where the new year's own form continues this one unchanged (2024 → 2025), the draft names it,
  // so it does not warn W110; a changed form (2023 → 2024) is the clerk's decision: kept.
  const std::string form =
      next_form && next_form->continues == b.dept.form ? next_form->id : b.dept.form;
  if (form != b.dept.form) ed.replace_scalar(root["department"]["form"], form);
  ed.zero(root["income"]);
  for (const auto& line : root["expenditure"])
    ed.zero_keys(line,
                 {"basic", "project", "operating", "upper", "subsidiary", "personnel", "public"});
  for (const auto& e : root["basic_economic"]) ed.zero_keys(e, {"amount"});
  if (auto rc = root["running_cost"]; rc.IsMap())
    for (const auto& i : rc["items"]) ed.zero_keys(i, {"amount"});
  for (const char* list : {"projects", "special_funds"})
    for (const auto& p : root[list]) ed.zero_keys(p, {"fiscal", "other"});
  for (const auto& r : root["procurement"]) {
    ed.zero_keys(r, {"project_budget", "unit_price", "sme_reserved"});
    ed.zero(r["amounts"]);
  }
  if (auto a = root["assets"]; a.IsMap())
    for (const char* k : {"buildings", "office", "vehicles", "equipment", "other"})
      if (a[k].IsMap()) ed.zero_keys(a[k], {"value"});

  const std::string y = std::to_string(year);
  auto sections = top_level_sections(text, root);

  // previous_year: this year's derived figures.
  YAML::Node prev;
  prev["basic"] = money_text(fig.basic, b.dept.unit);
  prev["project"] = money_text(fig.project, b.dept.unit);
  prev["running_cost"] = money_text(fig.public_, b.dept.unit);
  std::string prev_text = emit_section(
      "previous_year", prev,
      "# " + y +
          " 年度的基本支出、项目支出、机关运行经费（由 budgetpress new-year 计算填入）；\n"
          "# 增减原因请写在 previous_year.reasons 的 basic / project 中。\n");

  // three_public: last year = this year's this_year; this year's items cleared.
  std::string tp_text;
  if (auto tp = root["three_public"]; tp.IsMap() || !tp.IsDefined()) {
    YAML::Node out;
    YAML::Node now = tp.IsDefined() ? tp["this_year"] : YAML::Node();
    if (now.IsMap()) {
      out["this_year"] = zeroed_clone(now);
      out["last_year"] = YAML::Clone(now);
    } else {
      YAML::Node empty(YAML::NodeType::Map);
      empty.SetStyle(YAML::EmitterStyle::Flow);
      out["last_year"] = empty;
    }
    tp_text = emit_section(
        "three_public", out,
        "# 财政拨款“三公”经费：last_year 为 " + y + " 年度预算数；this_year 请填写本年度数。\n");
  }

  std::string appended;
  auto replace_or_append = [&](const std::string& key, const std::string& replacement) {
    if (auto it = sections.find(key); it != sections.end())
      ed.replace_range(it->second.first, it->second.second, replacement);
    else
      appended += "\n" + replacement;
  };
  replace_or_append("previous_year", prev_text);
  if (!tp_text.empty()) replace_or_append("three_public", tp_text);
  if (auto it = sections.find("expect"); it != sections.end())
    ed.replace_range(it->second.first, it->second.second, "");

  std::string body = ed.apply();
  if (!body.empty() && body.back() != '\n') body += "\n";
  body += appended;

  NextYearFile out;
  out.year = year + 1;
  out.form = form;
  out.file_name = sanitize_file_component(b.dept.code.value + ".yaml");
  out.yaml =
      "# " + std::to_string(year + 1) + " 年度部门预算草稿：由 budgetpress new-year 从 " + source +
      "（" + y +
      " 年度）生成。\n"
      "# 本年度的金额已全部清零，请逐项填写；不再安排的支出行、采购条目请删除。\n"
      "# budgetpress check 会列出仍待填写的行（E023 支出行没有金额、E072 采购条目没有金额）。\n"
      "# previous_year 和 three_public.last_year 已填入 " +
      y + " 年度的数字；expect 已删除。\n" +
      (form != b.dept.form ? "# 公开格式由“" + b.dept.form + "”改为 " + std::to_string(year + 1) +
                                 " 年度的“" + form + "”格式。\n"
                           : std::string()) +
      body;
  return out;
}

}  // namespace bp
