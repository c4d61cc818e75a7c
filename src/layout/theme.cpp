#include "layout/theme.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>

#include "layout/units.hpp"

namespace bp::layout {

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

namespace {

// Reads one YAML mapping: every key must be known; each known key has a reader.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& n, const std::string& path,
                         const std::string& what) const {
    auto m = n.Mark();
    throw ThemeError(file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                     ": " + path + ": " + what);
  }

  using Fields = std::map<std::string, std::function<void(const YAML::Node&, const std::string&)>>;
  void map(const YAML::Node& n, const std::string& path, const Fields& fields) const {
    if (!n.IsMap()) fail(n, path, "expected a mapping");
    for (const auto& kv : n) {
      auto key = kv.first.as<std::string>();
      auto it = fields.find(key);
      std::string sub = path.empty() ? key : path + "." + key;
      if (it == fields.end()) fail(kv.first, sub, "unknown key");
      it->second(kv.second, sub);
    }
  }

  double number(const YAML::Node& n, const std::string& path) const {
    try {
      return n.as<double>();
    } catch (const YAML::Exception&) {
      fail(n, path, "expected a number");
    }
  }
  double size(const YAML::Node& n, const std::string& path) const {
    if (!n.IsScalar()) fail(n, path, "expected a size");
    auto v = parse_size(n.Scalar());
    if (!v)
      fail(n, path, "expected a size in pt or a 号 name (五号, 小四 …), got '" + n.Scalar() + "'");
    return *v;
  }
  bool boolean(const YAML::Node& n, const std::string& path) const {
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      fail(n, path, "expected true or false");
    }
  }
  std::string string(const YAML::Node& n, const std::string& path) const {
    if (n.IsNull()) return "";
    if (!n.IsScalar()) fail(n, path, "expected a string");
    return n.Scalar();
  }
  int integer(const YAML::Node& n, const std::string& path) const {
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      fail(n, path, "expected an integer");
    }
  }

  void style(const YAML::Node& n, const std::string& path, Style& s) const {
    map(n, path,
        {{"font",
          [&](auto& v, auto& p) {
            auto f = string(v, p);
            if (f == "serif")
              s.font = FontRole::Serif;
            else if (f == "sans")
              s.font = FontRole::Sans;
            else
              fail(v, p, "expected serif or sans");
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
              fail(v, p, "expected left, center, right or justify");
          }}});
  }

  void margins(const YAML::Node& n, const std::string& path, Margins& m) const {
    map(n, path,
        {{"top", [&](auto& v, auto& p) { m.top = number(v, p); }},
         {"bottom", [&](auto& v, auto& p) { m.bottom = number(v, p); }},
         {"left", [&](auto& v, auto& p) { m.left = number(v, p); }},
         {"right", [&](auto& v, auto& p) { m.right = number(v, p); }}});
  }

 private:
  std::string file_;
};

}  // namespace

Theme Theme::load(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw ThemeError(file.string() + ": " + e.what());
  }
  Theme t;
  Reader r(file.string());
  auto style = [&](Style& s) { return [&r, &s](auto& v, auto& p) { r.style(v, p, s); }; };
  auto num = [&](double& d) { return [&r, &d](auto& v, auto& p) { d = r.number(v, p); }; };
  auto str = [&](std::string& s) { return [&r, &s](auto& v, auto& p) { s = r.string(v, p); }; };
  auto flag = [&](bool& b) { return [&r, &b](auto& v, auto& p) { b = r.boolean(v, p); }; };
  // The default file may be absent (a theme kept outside a config directory): no terms then. A
  // file the theme names must be readable.
  bool terms_named = false;
  auto load_terms = [&] {
    const auto path = file.parent_path() / t.terms_file;
    if (t.terms_file.empty() || (!terms_named && !std::filesystem::exists(path))) return;
    try {
      t.terms = text::TermList::load(path);
    } catch (const std::runtime_error& e) {
      throw ThemeError(file.string() + ": text.terms_file: " + e.what());
    }
  };
  if (root.IsNull()) {
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
                  {{"serif", str(t.serif)},
                   {"sans", str(t.sans)},
                   {"hinting", flag(t.font_hinting)},
                   {"office_serif", str(t.office_serif)},
                   {"office_sans", str(t.office_sans)},
                   {"fallbacks", [&](auto& v, auto& p) {
                      if (!v.IsSequence()) r.fail(v, p, "expected a list of font families");
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
                        r.fail(v, p, "expected basic, gb or strict");
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
  load_terms();
  return t;
}

}  // namespace bp::layout
