#include "model/profile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>

namespace bp {

namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, const std::string& msg) {
  auto m = n.Mark();
  throw std::runtime_error(file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                           ": 年度格式配置错误：" + msg);
}

std::string str(const std::string& file, const YAML::Node& n, const char* key) {
  auto v = n[key];
  if (!v.IsDefined()) fail(file, n, std::string("缺少 ") + key);
  if (!v.IsScalar()) fail(file, v, std::string(key) + " 应为文字");
  return v.Scalar();
}

std::optional<TpItem> tp_item_from_key(const std::string& k) {
  for (int i = 0; i < kTpItemCount; ++i)
    if (k == tp_item_key(static_cast<TpItem>(i))) return static_cast<TpItem>(i);
  return std::nullopt;
}

doc::RowRole role_from(const std::string& file, const YAML::Node& n, const std::string& s) {
  if (s == "total") return doc::RowRole::Total;
  if (s == "level1") return doc::RowRole::Level1;
  if (s == "level2") return doc::RowRole::Level2;
  if (s == "item") return doc::RowRole::Item;
  fail(file, n, "未知的行类别 " + s);
}

std::vector<doc::Row> head_rows(const std::string& file, const YAML::Node& n) {
  std::vector<doc::Row> rows;
  for (const auto& r : n) {
    doc::Row row;
    row.role = doc::RowRole::Head;
    for (const auto& c : r) {
      doc::Cell cell;
      cell.align = doc::Align::Center;
      cell.bold = true;
      if (c.IsScalar()) {
        cell.text = c.Scalar();
      } else if (c.IsMap()) {
        cell.text = str(file, c, "text");
        if (c["rowspan"]) cell.rowspan = c["rowspan"].as<int>();
        if (c["colspan"]) cell.colspan = c["colspan"].as<int>();
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
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  Profile p;
  try {
    p.id = str(file, root, "id");
    p.description = root["description"] ? root["description"].as<std::string>() : "";
    p.has_tables = root["has_tables"] ? root["has_tables"].as<bool>() : true;
    if (root["years"])
      for (const auto& y : root["years"]) p.years.push_back(y.as<int>());
    else if (!p.id.empty() && p.id.find_first_not_of("0123456789") == std::string::npos)
      p.years.push_back(std::stoi(p.id));
    p.catalog_year = root["catalog_year"] ? root["catalog_year"].as<int>() : 0;
    p.continues = root["continues"] ? root["continues"].as<std::string>() : "";
    for (const auto& k : root["not_printed"]) p.not_printed.push_back(k.as<std::string>());
    p.list_zero_income = root["list_zero_income"] ? root["list_zero_income"].as<bool>() : false;
    p.function_glossary = root["function_glossary"] ? root["function_glossary"].as<bool>() : false;
    auto opt = [&](const char* key) { return root[key] ? root[key].as<std::string>() : std::string(); };
    p.toc_title = opt("toc_title");
    for (const auto& l : root["title_lines"]) p.title_lines.push_back(l.as<std::string>());
    p.title_date_label = opt("title_date_label");
    p.part_tables = opt("part_tables");
    p.group_tables = opt("group_tables");
    p.group_narrative = opt("group_narrative");
    p.rounding_note = opt("rounding_note");
    for (const auto& r : root["summary_income_rows"]) {
      IncomeRowDef d{str(file, r, "label"), {}};
      for (const auto& s : r["sources"]) {
        auto src = source_from_key(s.as<std::string>());
        if (!src) fail(file, s, "未知的资金来源 " + s.as<std::string>());
        d.sources.push_back(*src);
      }
      p.summary_income_rows.push_back(d);
    }
    for (const auto& r : root["categories"]) p.categories.push_back({str(file, r, "label"), str(file, r, "code")});
    const YAML::Node layouts = root["three_public_layouts"];
    for (auto it = layouts.begin(); it != layouts.end(); ++it) {
      auto& rows = p.three_public_layouts[it->first.as<std::string>()];
      const YAML::Node defs = it->second;  // it-> yields a temporary proxy: copy the node out
      for (const auto& r : defs) {
        ThreePublicRowDef d;
        d.label = str(file, r, "label");
        for (const auto& i : r["items"]) {
          auto item = tp_item_from_key(i.as<std::string>());
          if (!item) fail(file, i, "未知的三公项目 " + i.as<std::string>());
          d.items.push_back(*item);
        }
        if (r["role"]) d.role = role_from(file, r["role"], r["role"].as<std::string>());
        if (r["indent"]) d.indent = r["indent"].as<int>();
        rows.push_back(d);
      }
    }
    for (const auto& t : root["tables"]) {
      TableDef d;
      d.id = str(file, t, "id");
      d.title = str(file, t, "title");
      d.short_title = t["short"] ? t["short"].as<std::string>() : d.title;
      d.empty_note = t["empty_note"] ? t["empty_note"].as<std::string>() : "";
      d.landscape = t["landscape"] ? t["landscape"].as<bool>() : false;
      for (const auto& w : t["widths"]) d.widths.push_back(w.as<int>());
      d.head = head_rows(file, t["head"]);
      p.tables.push_back(d);
    }
    if (auto n = root["narrative"]; n) {
      auto o = [&](const char* key) { return n[key] ? n[key].as<std::string>() : std::string(); };
      p.narrative_part = o("part");
      p.narrative_title = o("title");
      p.opening_template = o("opening");
      p.project_table = o("project_table");
      for (const auto& s : n["sections"])
        p.sections.push_back({str(file, s, "id"), str(file, s, "heading"), str(file, s, "template")});
      for (const auto& g : n["glossary"]) p.glossary.push_back({str(file, g, "term"), str(file, g, "definition")});
      const YAML::Node blocks = n["blocks"];
      for (auto it = blocks.begin(); it != blocks.end(); ++it)
        p.block_templates[it->first.as<std::string>()] = it->second.as<std::string>();
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file + ":" + std::to_string(e.mark.line + 1) + ": 年度格式配置错误：" + e.msg);
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
