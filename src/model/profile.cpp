#include "model/profile.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/yaml_tree.hpp"

namespace bp {

namespace {

[[noreturn]] void fail(const std::string& file, const yaml::Node& n, const std::string& msg) {
  auto m = n.mark();
  throw std::runtime_error(file + ":" + std::to_string(m.line + 1) + ":" +
                           std::to_string(m.column + 1) + ": 年度格式配置错误：" + msg);
}

std::string str(const std::string& file, const yaml::Node& n, const char* key) {
  auto v = n[key];
  if (!v.defined()) fail(file, n, std::string("缺少 ") + key);
  if (!v.is_scalar()) fail(file, v, std::string(key) + " 应为文字");
  return std::string(v.scalar());
}

// The conversions yaml-cpp's as<T>() made (a null reads as the text "null").
std::string as_str(const std::string& file, const yaml::Node& n) {
  if (n.is_null()) return "null";
  if (!n.is_scalar()) fail(file, n, "应为文字");
  return std::string(n.scalar());
}

int as_int(const std::string& file, const yaml::Node& n) {
  const std::string_view s = n.scalar();
  int v = 0;
  const char* b = s.data() + (s.starts_with('+') ? 1 : 0);
  const auto r = std::from_chars(b, s.data() + s.size(), v);
  if (!n.is_scalar() || s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
    fail(file, n, "应为整数");
  return v;
}

bool as_bool(const std::string& file, const yaml::Node& n) {
  static constexpr std::string_view yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES",
                                             "on",   "On",   "ON",   "y",   "Y"};
  static constexpr std::string_view no[] = {"false", "False", "FALSE", "no", "No", "NO",
                                            "off",   "Off",   "OFF",   "n",  "N"};
  if (n.is_scalar()) {
    for (auto y : yes)
      if (n.scalar() == y) return true;
    for (auto x : no)
      if (n.scalar() == x) return false;
  }
  fail(file, n, "应为 true 或 false");
}

std::optional<TpItem> tp_item_from_key(const std::string& k) {
  for (int i = 0; i < kTpItemCount; ++i)
    if (k == tp_item_key(static_cast<TpItem>(i))) return static_cast<TpItem>(i);
  return std::nullopt;
}

doc::RowRole role_from(const std::string& file, const yaml::Node& n, const std::string& s) {
  if (s == "total") return doc::RowRole::Total;
  if (s == "level1") return doc::RowRole::Level1;
  if (s == "level2") return doc::RowRole::Level2;
  if (s == "item") return doc::RowRole::Item;
  fail(file, n, "未知的行类别 " + s);
}

std::vector<doc::Row> head_rows(const std::string& file, const yaml::Node& n) {
  std::vector<doc::Row> rows;
  for (const auto& r : n) {
    doc::Row row;
    row.role = doc::RowRole::Head;
    for (const auto& c : r) {
      doc::Cell cell;
      cell.align = doc::Align::Center;
      cell.bold = true;
      if (c.is_scalar()) {
        cell.text = std::string(c.scalar());
      } else if (c.is_map()) {
        cell.text = str(file, c, "text");
        if (c["rowspan"].defined()) cell.rowspan = as_int(file, c["rowspan"]);
        if (c["colspan"].defined()) cell.colspan = as_int(file, c["colspan"]);
      } else {
        fail(file, c, "表头单元格应为文字或 {text, rowspan, colspan}");
      }
      row.cells.push_back(cell);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

const TableDef& Profile::table(const std::string& tid) const {
  for (const auto& t : tables)
    if (t.id == tid) return t;
  throw std::runtime_error("年度格式 " + id + " 中没有表 " + tid);
}

Profile load_profile(const std::filesystem::path& config_dir, const std::string& id) {
  auto path = config_dir / "profiles" / (id + ".yaml");
  if (!std::filesystem::exists(path))
    throw std::runtime_error("没有年度格式“" + id + "”（" + path.string() + "）");
  return load_profile_file(path);
}

Profile load_profile_file(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": 无法打开年度格式文件");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  // The department files' parser (util/yaml_tree): a tenth of yaml-cpp's instructions.
  const yaml::Parsed parsed = yaml::parse(text, {});
  if (parsed.problem && parsed.problem->kind != yaml::Problem::Kind::SecondDocument)
    throw std::runtime_error(file + ":" + std::to_string(parsed.problem->mark.line + 1) + ": " +
                             (parsed.problem->kind == yaml::Problem::Kind::Syntax
                                  ? yaml::problem_in_chinese(parsed.problem->what)
                                  : std::string("YAML 别名、嵌套或节点数超出限制")));
  const yaml::Node root = parsed.tree.root();
  Profile p;
  {
    p.id = str(file, root, "id");
    p.description = root["description"].defined() ? as_str(file, root["description"]) : "";
    p.has_tables = root["has_tables"].defined() ? as_bool(file, root["has_tables"]) : true;
    if (root["years"].defined())
      for (const auto& y : root["years"]) p.years.push_back(as_int(file, y));
    else if (!p.id.empty() && p.id.find_first_not_of("0123456789") == std::string::npos)
      p.years.push_back(std::stoi(p.id));
    p.catalog_year = root["catalog_year"].defined() ? as_int(file, root["catalog_year"]) : 0;
    p.continues = root["continues"].defined() ? as_str(file, root["continues"]) : "";
    for (const auto& k : root["not_printed"]) p.not_printed.push_back(as_str(file, k));
    p.list_zero_income =
        root["list_zero_income"].defined() ? as_bool(file, root["list_zero_income"]) : false;
    p.function_glossary =
        root["function_glossary"].defined() ? as_bool(file, root["function_glossary"]) : false;
    auto opt = [&](const char* key) {
      return root[key].defined() ? as_str(file, root[key]) : std::string();
    };
    p.toc_title = opt("toc_title");
    for (const auto& l : root["title_lines"]) p.title_lines.push_back(as_str(file, l));
    p.title_date_label = opt("title_date_label");
    p.part_tables = opt("part_tables");
    p.group_tables = opt("group_tables");
    p.group_narrative = opt("group_narrative");
    p.rounding_note = opt("rounding_note");
    for (const auto& r : root["summary_income_rows"]) {
      IncomeRowDef d{str(file, r, "label"), {}};
      for (const auto& s : r["sources"]) {
        auto src = source_from_key(as_str(file, s));
        if (!src) fail(file, s, "未知的资金来源 " + as_str(file, s));
        d.sources.push_back(*src);
      }
      p.summary_income_rows.push_back(d);
    }
    for (const auto& r : root["categories"])
      p.categories.push_back({str(file, r, "label"), str(file, r, "code")});
    const yaml::Node layouts = root["three_public_layouts"];
    for (auto it = layouts.begin(); it != layouts.end(); ++it) {
      auto& rows = p.three_public_layouts[as_str(file, it->first)];
      const yaml::Node defs = it->second;  // it-> yields a temporary proxy: copy the node out
      for (const auto& r : defs) {
        ThreePublicRowDef d;
        d.label = str(file, r, "label");
        for (const auto& i : r["items"]) {
          auto item = tp_item_from_key(as_str(file, i));
          if (!item) fail(file, i, "未知的三公项目 " + as_str(file, i));
          d.items.push_back(*item);
        }
        if (r["role"].defined()) d.role = role_from(file, r["role"], as_str(file, r["role"]));
        if (r["indent"].defined()) d.indent = as_int(file, r["indent"]);
        rows.push_back(d);
      }
    }
    for (const auto& t : root["tables"]) {
      TableDef d;
      d.id = str(file, t, "id");
      d.title = str(file, t, "title");
      d.short_title = t["short"].defined() ? as_str(file, t["short"]) : d.title;
      d.empty_note = t["empty_note"].defined() ? as_str(file, t["empty_note"]) : "";
      d.landscape = t["landscape"].defined() ? as_bool(file, t["landscape"]) : false;
      for (const auto& w : t["widths"]) d.widths.push_back(as_int(file, w));
      d.head = head_rows(file, t["head"]);
      p.tables.push_back(d);
    }
    if (auto n = root["narrative"]; n.defined()) {
      auto o = [&](const char* key) {
        return n[key].defined() ? as_str(file, n[key]) : std::string();
      };
      p.narrative_part = o("part");
      p.narrative_title = o("title");
      p.opening_template = o("opening");
      p.project_table = o("project_table");
      for (const auto& s : n["sections"])
        p.sections.push_back(
            {str(file, s, "id"), str(file, s, "heading"), str(file, s, "template")});
      for (const auto& g : n["glossary"])
        p.glossary.push_back({str(file, g, "term"), str(file, g, "definition")});
      const yaml::Node blocks = n["blocks"];
      for (auto it = blocks.begin(); it != blocks.end(); ++it)
        p.block_templates[as_str(file, it->first)] = as_str(file, it->second);
    }
  }
  return p;
}

std::vector<std::string> list_profiles(const std::filesystem::path& config_dir) {
  std::vector<std::string> ids;
  auto dir = config_dir / "profiles";
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".yaml") ids.push_back(e.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace bp
