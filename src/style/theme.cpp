#include "style/theme.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>

#include "style/sizes.hpp"
#include "style/yaml_scalars.hpp"
#include "util/png_info.hpp"
#include "util/yaml_tree.hpp"

namespace bp::style {

const Style& Theme::heading(int level) const {
  switch (level) {
    case 1:
      return heading1;
    case 2:
      return heading2;
    case 3:
      return heading3;
    default:
      return heading4;
  }
}

const std::string& Theme::family(const FontRole& role, bool bold) const {
  if (bold)
    if (auto it = bold_families.find(role.name); it != bold_families.end()) return it->second;
  if (role.name == "sans") return sans;
  if (auto it = roles.find(role.name); it != roles.end()) return it->second;
  return serif;
}

std::vector<FontRole> Theme::font_roles() const {
  std::vector<FontRole> out{FontRole::Serif, FontRole::Sans};
  for (const auto& [name, family] : roles)
    if (name != "serif" && name != "sans") out.push_back({name});
  return out;
}

namespace {

// Reads one YAML mapping: every key must be known; each known key has a reader.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const yaml::Node& n, const std::string& path, const std::string& what,
                         const char* code = "E601") const {
    auto m = n.mark();
    throw ThemeError(file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1),
                     "主题文件的 " + path + " 不对：" + what, code);
  }

  // A key as yaml-cpp's as<std::string>() gave it: an empty or ~ key is "null".
  std::string key(const yaml::Node& k, const std::string& path) const {
    if (k.is_null()) return "null";
    if (!k.is_scalar()) fail(k, path, "键应为文字");
    return std::string(k.scalar());
  }

  using Fields = std::map<std::string, std::function<void(const yaml::Node&, const std::string&)>>;
  void map(const yaml::Node& n, const std::string& path, const Fields& fields) const {
    if (!n.is_map()) fail(n, path, "应为映射（键: 值）");
    for (auto kv = n.begin(); kv != n.end(); ++kv) {
      auto k = key(kv->first, path);
      auto it = fields.find(k);
      std::string sub = path.empty() ? k : path + "." + k;
      if (it == fields.end())
        fail(kv->first, sub, "未知的键（请检查拼写；可用的键见 docs/themes.md）");
      it->second(kv->second, sub);
    }
  }

  double number(const yaml::Node& n, const std::string& path) const {
    if (n.is_scalar())
      if (auto v = yaml_cpp_number<double>(n.scalar())) return *v;
    fail(n, path, "应为数字");
  }
  double size(const yaml::Node& n, const std::string& path) const {
    if (!n.is_scalar()) fail(n, path, "应为字号");
    const std::string text(n.scalar());
    auto v = parse_size(text);
    if (!v) fail(n, path, "应为磅值或字号名（五号、小四……），而不是“" + text + "”");
    return *v;
  }
  bool boolean(const yaml::Node& n, const std::string& path) const {
    if (n.is_scalar())
      if (auto v = yaml_cpp_bool(n.scalar())) return *v;
    fail(n, path, "应为 true 或 false");
  }
  std::string string(const yaml::Node& n, const std::string& path) const {
    if (n.is_null()) return "";
    if (!n.is_scalar()) fail(n, path, "应为文字");
    return std::string(n.scalar());
  }
  int integer(const yaml::Node& n, const std::string& path) const {
    if (n.is_scalar())
      if (auto v = yaml_cpp_number<int>(n.scalar())) return *v;
    fail(n, path, "应为整数");
  }

  void style(const yaml::Node& n, const std::string& path, Style& s) const {
    map(n, path,
        {{"font",
          [&](auto& v, auto& p) {
            auto f = string(v, p);
            if (f.empty()) fail(v, p, "应为字体角色（serif、sans 或 fonts.roles 中的名称）");
            s.font = FontRole{f};
            roles_used_.push_back({f, v.mark(), p});
          }},
         {"bold", [&](auto& v, auto& p) { s.bold = boolean(v, p); }},
         {"size", [&](auto& v, auto& p) { s.size = size(v, p); }},
         {"leading", [&](auto& v, auto& p) { s.leading = number(v, p); }},
         {"space_before", [&](auto& v, auto& p) { s.space_before = number(v, p); }},
         {"space_after", [&](auto& v, auto& p) { s.space_after = number(v, p); }},
         {"indent", [&](auto& v, auto& p) { s.indent = number(v, p); }},
         {"align", [&](auto& v, auto& p) {
            auto a = string(v, p);
            if (a == "left")
              s.align = text::Align::Left;
            else if (a == "center")
              s.align = text::Align::Center;
            else if (a == "right")
              s.align = text::Align::Right;
            else if (a == "justify")
              s.align = text::Align::Justify;
            else
              fail(v, p, "应为 left、center、right 或 justify");
          }}});
  }

  void margins(const yaml::Node& n, const std::string& path, Margins& m) const {
    map(n, path,
        {{"top", [&](auto& v, auto& p) { m.top = number(v, p); }},
         {"bottom", [&](auto& v, auto& p) { m.bottom = number(v, p); }},
         {"left", [&](auto& v, auto& p) { m.left = number(v, p); }},
         {"right", [&](auto& v, auto& p) { m.right = number(v, p); }}});
  }

  // Every style's role must be defined (fonts.roles may come after the styles in the file).
  void check_roles(const Theme& t) const {
    auto roles = t.font_roles();
    for (const auto& u : roles_used_)
      if (std::find(roles.begin(), roles.end(), FontRole{u.role}) == roles.end()) {
        std::string known;
        for (const auto& r : roles) known += (known.empty() ? "" : "、") + r.name;
        throw ThemeError(
            file_ + ":" + std::to_string(u.mark.line + 1) + ":" + std::to_string(u.mark.column + 1),
            "主题文件的 " + u.path + " 不对：字体角色“" + u.role + "”没有定义（已定义：" + known +
                "；在 fonts.roles 中定义新的角色）");
      }
  }

 private:
  struct RoleUse {
    std::string role;
    yaml::Mark mark;
    std::string path;
  };
  std::string file_;
  mutable std::vector<RoleUse> roles_used_;
};

}  // namespace

namespace {

// The theme's text, or ThemeError as YAML::LoadFile failed: E600 when the file is missing, else
// yaml-cpp's "bad file" at 0:0.
std::string read_theme_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) {
    std::ostringstream ss;
    ss << in.rdbuf();
    text = std::move(ss).str();
  }
  if (!in || in.bad()) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
      throw ThemeError(file.string(), "找不到主题文件 " + file.string(), "E600");
    throw ThemeError(file.string() + ":0:0", "主题文件不是有效的 YAML（bad file: " + file.string() +
                                                 "）：应为“键: 值”的映射，见 docs/themes.md");
  }
  return text;
}

std::string problem_text(const yaml::Problem& p) {
  switch (p.kind) {
    case yaml::Problem::Kind::TooDeep:
      return "嵌套层数过多";
    case yaml::Problem::Kind::TooManyNodes:
      return "内容过多";
    case yaml::Problem::Kind::UnknownAnchor:
      return "别名 *" + p.what + " 没有对应的锚点 &" + p.what;
    case yaml::Problem::Kind::Alias:
      return "别名不能指向包含它自己的内容";
    default:
      return yaml::problem_in_chinese(p.what);
  }
}

}  // namespace

Theme Theme::load(const std::filesystem::path& file,
                  const std::vector<std::filesystem::path>& resource_dirs) {
  const std::string text = read_theme_text(file);
  yaml::ParseLimits how;
  how.resolve_aliases = true;
  how.first_document_only = true;
  const yaml::Parsed parsed = yaml::parse(text, how);
  if (parsed.problem) {
    const yaml::Mark& m = parsed.problem->mark;
    throw ThemeError(
        file.string() + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1),
        "主题文件不是有效的 YAML（" + problem_text(*parsed.problem) +
            "）：应为“键: 值”的映射，见 docs/themes.md");
  }
  const yaml::Node root = parsed.tree.root();
  Theme t;
  Reader r(file.string());
  auto style = [&](Style& s) { return [&r, &s](auto& v, auto& p) { r.style(v, p, s); }; };
  auto num = [&](double& d) { return [&r, &d](auto& v, auto& p) { d = r.number(v, p); }; };
  auto str = [&](std::string& s) { return [&r, &s](auto& v, auto& p) { s = r.string(v, p); }; };
  auto flag = [&](bool& b) { return [&r, &b](auto& v, auto& p) { b = r.boolean(v, p); }; };
  auto family = [&](std::string& s) {
    return [&r, &s](auto& v, auto& p) {
      s = r.string(v, p);
      if (s.empty()) r.fail(v, p, "应为字体名称（fontconfig 的字体族名，如 Noto Serif CJK SC）");
    };
  };
  // fonts.roles / fonts.bold: role name → family. Role names are ASCII identifiers, so that a
  // style's `font:` is never mistaken for a family name.
  auto role_map = [&](const yaml::Node& v, const std::string& p,
                      std::map<std::string, std::string>& out, bool bold) {
    if (!v.is_map()) r.fail(v, p, "应为“角色: 字体名称”的映射");
    for (auto kv = v.begin(); kv != v.end(); ++kv) {
      const auto role = r.key(kv->first, p);
      const std::string sub = p + "." + role;
      const bool ident = !role.empty() && std::all_of(role.begin(), role.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
      if (!ident) r.fail(kv->first, sub, "角色名只能用小写英文字母、数字和下划线");
      if (!bold && (role == "serif" || role == "sans"))
        r.fail(kv->first, sub, "serif 和 sans 直接写在 fonts 下");
      std::string fam;
      family(fam)(kv->second, sub);
      out[role] = fam;
    }
  };
  // The default file may be absent (a theme kept outside a config directory): no terms then. A
  // file the theme names must be readable.
  bool terms_named = false;
  auto load_terms = [&] {
    // A relative file is looked up beside the theme, then beside the other theme directories
    // (a bureau's overlay copy of default.yaml keeps using the installed ../terms.txt).
    auto path = file.parent_path() / t.terms_file;
    if (!t.terms_file.empty() && std::filesystem::path(t.terms_file).is_relative())
      for (auto it = resource_dirs.begin();
           !std::filesystem::exists(path) && it != resource_dirs.end(); ++it)
        if (std::filesystem::exists(*it / t.terms_file)) path = *it / t.terms_file;
    if (t.terms_file.empty() || (!terms_named && !std::filesystem::exists(path))) return;
    try {
      t.terms = text::TermList::load(path);
    } catch (const std::runtime_error& e) {
      throw ThemeError(file.string(), std::string("text.terms_file: ") + e.what());
    }
  };
  if (!root.defined() || root.is_null()) {
    load_terms();
    return t;
  }
  r.map(root, "",
        {{"name", str(t.name)},
         {"page",
          [&](auto& n, auto& path) {
            r.map(n, path,
                  {{"width", num(t.page_width)},
                   {"height", num(t.page_height)},
                   {"margins", [&](auto& v, auto& p) { r.margins(v, p, t.portrait); }},
                   {"landscape_margins", [&](auto& v, auto& p) { r.margins(v, p, t.landscape); }},
                   {"header_baseline", num(t.header_baseline)},
                   {"footer_baseline", num(t.footer_baseline)}});
          }},
         {"fonts",
          [&](auto& n, auto& path) {
            r.map(n, path,
                  {{"serif", family(t.serif)},
                   {"sans", family(t.sans)},
                   {"roles", [&](auto& v, auto& p) { role_map(v, p, t.roles, false); }},
                   {"bold", [&](auto& v, auto& p) { role_map(v, p, t.bold_families, true); }},
                   {"hinting", flag(t.font_hinting)},
                   {"synthetic_bold",
                    [&](auto& v, auto& p) {
                      t.synthetic_bold = r.number(v, p);
                      if (t.synthetic_bold < 0 || t.synthetic_bold > 0.2)
                        r.fail(v, p, "应为 0 到 0.2 之间的数（描边宽度，单位为字号的倍数）");
                    }},
                   {"dirs",
                    [&](auto& v, auto& p) {
                      if (!v.is_seq()) r.fail(v, p, "应为目录的列表");
                      t.font_dirs.clear();
                      for (const auto& d : v) {
                        std::filesystem::path dir = r.string(d, p);
                        if (dir.empty()) r.fail(d, p, "目录不能为空");
                        t.font_dirs.push_back(dir.is_absolute() ? dir : file.parent_path() / dir);
                      }
                    }},
                   {"office_serif", str(t.office_serif)},
                   {"office_sans", str(t.office_sans)},
                   {"fallbacks", [&](auto& v, auto& p) {
                      if (!v.is_seq()) r.fail(v, p, "应为字体名称的列表");
                      t.fallbacks.clear();
                      for (const auto& f : v) t.fallbacks.push_back(r.string(f, p));
                    }}});
          }},
         {"pdf",
          [&](auto& n, auto& path) {
            r.map(n, path,
                  {{"tagged", flag(t.pdf_tagged)},
                   {"archival", flag(t.pdf_archival)},
                   {"object_streams", flag(t.pdf_object_streams)}});
          }},
         {"text",
          [&](auto& n, auto& path) {
            r.map(n, path,
                  {{"kinsoku",
                    [&](auto& v, auto& p) {
                      auto k = r.string(v, p);
                      if (k == "basic")
                        t.kinsoku = text::Kinsoku::Basic;
                      else if (k == "gb")
                        t.kinsoku = text::Kinsoku::Gb;
                      else if (k == "strict")
                        t.kinsoku = text::Kinsoku::Strict;
                      else
                        r.fail(v, p, "应为 basic、gb 或 strict");
                    }},
                   {"latin_spacing", num(t.latin_spacing)},
                   {"trim_opening_at_line_start", flag(t.trim_opening_at_line_start)},
                   {"avoid_single_char_last_line", flag(t.avoid_single_char_last_line)},
                   {"terms_file", [&](auto& v, auto& p) {
                      t.terms_file = r.string(v, p);
                      terms_named = true;
                    }}});
          }},
         {"styles",
          [&](auto& n, auto& path) {
            r.map(n, path,
                  {{"body", style(t.body)},
                   {"plain", style(t.plain)},
                   {"label", style(t.label)},
                   {"note", style(t.note)},
                   {"right", style(t.right)},
                   {"caption", style(t.caption)},
                   {"heading1", style(t.heading1)},
                   {"heading2", style(t.heading2)},
                   {"heading3", style(t.heading3)},
                   {"heading4", style(t.heading4)},
                   {"table_title", style(t.table_title)},
                   {"title_page", style(t.title_page)},
                   {"title_page_small", style(t.title_page_small)},
                   {"header", style(t.header)},
                   {"footer", style(t.footer)}});
          }},
         {"header_text", str(t.header_text)},
         {"page_number", str(t.page_number)},
         {"table",
          [&](auto& n, auto& path) {
            auto& tb = t.table;
            r.map(n, path,
                  {{"cell", style(tb.cell)},
                   {"head", style(tb.head)},
                   {"header_block", style(tb.header_block)},
                   {"note", style(tb.note)},
                   {"padding_x", num(tb.padding_x)},
                   {"padding_y", num(tb.padding_y)},
                   {"min_row_height", num(tb.min_row_height)},
                   {"max_stretch", num(tb.max_stretch)},
                   {"compact_size", [&](auto& v, auto& p) { tb.compact_size = r.size(v, p); }},
                   {"compact_when", num(tb.compact_when)},
                   {"rule", num(tb.rule)},
                   {"frame", num(tb.frame)},
                   {"continued_mark", str(tb.continued_mark)},
                   {"min_rows_after_head",
                    [&](auto& v, auto& p) { tb.min_rows_after_head = r.integer(v, p); }},
                   {"min_rows_continued",
                    [&](auto& v, auto& p) { tb.min_rows_continued = r.integer(v, p); }},
                   {"bold_total", flag(tb.bold_total)},
                   {"bold_level1", flag(tb.bold_level1)}});
          }},
         {"title_page",
          [&](auto& n, auto& path) {
            auto& tp = t.title;
            r.map(n, path,
                  {{"date_label", str(tp.date_label)},
                   {"issuer", str(tp.issuer)},
                   {"logo",
                    [&](auto& v, auto& p) {
                      std::filesystem::path logo = r.string(v, p);
                      if (logo.empty()) return tp.logo.clear();
                      tp.logo = logo.is_absolute() ? logo : file.parent_path() / logo;
                      std::string why;
                      if (!read_png_info(tp.logo, &why))
                        r.fail(v, p, why + "（标志应为 PNG 图片，路径相对于主题文件）", "E605");
                    }},
                   {"logo_width", num(tp.logo_width)},
                   {"logo_top", num(tp.logo_top)},
                   {"title_top", num(tp.title_top)},
                   {"bottom_top", num(tp.bottom_top)}});
          }},
         {"toc", [&](auto& n, auto& path) {
            auto& tc = t.toc;
            r.map(n, path,
                  {{"title", style(tc.title)},
                   {"entry", style(tc.entry)},
                   {"group", style(tc.group)},
                   {"level_indent", num(tc.level_indent)},
                   {"leader", str(tc.leader)},
                   {"leader_pitch", num(tc.leader_pitch)},
                   {"reserved_digits",
                    [&](auto& v, auto& p) { tc.reserved_digits = r.integer(v, p); }}});
          }}});
  r.check_roles(t);
  load_terms();
  return t;
}

}  // namespace bp::style
