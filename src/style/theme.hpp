// The style source of every format (issue 20, item 3): one theme file gives the families, type
// sizes, weights, spacing, 禁则 level and term list that the PDF (through layout), the DOCX and the
// XLSX all read, plus the page geometry, 目录 and page numbering of the paginated formats and the
// PDF's own options. Loaded and validated once per theme and run (app/typesetting `Themes`), errors
// with FILE:LINE:COL. Read from a YAML file (config/themes/default.yaml); every key is optional and
// overrides the built-in default, which equals default.yaml. Sizes accept points or Chinese 号
// names (五号, 小四 …); lengths on the page are in millimetres; leading and spacing are multiples
// of the style's own size (em). docs/themes.md lists which key drives what in each format.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/linebreak.hpp"
#include "text/typeset.hpp"
#include "util/config_error.hpp"

namespace bp::style {

// A theme that cannot be found (E600) or read (E601: YAML syntax, an unknown key, a bad value, a
// style naming an unknown font role). Chinese message with FILE:LINE:COL and what was expected.
class ThemeError : public ConfigError {
 public:
  ThemeError(std::string where, const std::string& message, std::string code = "E601")
      : ConfigError(std::move(where), message, std::move(code)) {}
};

// The font a style uses: "serif" and "sans" are every theme's roles; a theme may name more under
// fonts.roles (the 公文 theme: fangsong, heiti, kaiti, title).
struct FontRole {
  std::string name = "serif";
  static const FontRole Serif;
  static const FontRole Sans;
  bool operator==(const FontRole&) const = default;
};
inline const FontRole FontRole::Serif{"serif"};
inline const FontRole FontRole::Sans{"sans"};

struct Style {
  FontRole font = FontRole::Serif;
  bool bold = false;
  double size = 12;         // pt
  double leading = 1.5;     // line pitch / size
  double space_before = 0;  // em
  double space_after = 0;   // em
  double indent = 0;        // first-line indent, em
  text::Align align = text::Align::Justify;
  bool operator==(const Style&) const = default;
};

struct Margins {
  double top = 25, bottom = 25, left = 25, right = 25;  // mm
  bool operator==(const Margins&) const = default;
};

struct TableTheme {
  Style cell{FontRole::Serif, false, 10.5, 1.25, 0, 0, 0, text::Align::Left};
  Style head{FontRole::Serif, true, 10.5, 1.25, 0, 0, 0, text::Align::Center};
  Style header_block{FontRole::Serif, false, 10.5, 1.5, 0, 0.3, 0, text::Align::Left};
  Style note{FontRole::Serif, false, 9, 1.5, 0.3, 0, 0, text::Align::Justify};
  double padding_x = 1.2;       // mm
  double padding_y = 0.9;       // mm
  double min_row_height = 1.8;  // em of the cell size
  double max_stretch = 0.3;     // em; a wrapped cell line needing wider gaps stays ragged
  double compact_size = 9;      // pt; cell size of a table whose numbers and codes crowd the page
  double compact_when = 0.85;   // … i.e. whose unbreakable content needs this share of the width
  double rule = 0.5;            // pt, inner rules
  double frame = 1.0;           // pt, outer frame
  std::string continued_mark = "续表";  // "" = no mark on continuation pages
  int min_rows_after_head = 2;  // keep-with-next: body rows that must follow a header on a page
  int min_rows_continued = 3;   // body rows a continuation page holds at least (where it can)
  bool bold_total = true;       // 合计 rows
  bool bold_level1 = true;      // 类 rows
  bool operator==(const TableTheme&) const = default;
};

struct TocTheme {
  Style title{FontRole::Sans, true, 18, 1.5, 0, 1.0, 0, text::Align::Center};
  Style entry{FontRole::Serif, false, 12, 2.0, 0, 0, 0, text::Align::Left};
  Style group{FontRole::Sans, true, 12, 2.0, 0.3, 0, 0, text::Align::Left};
  double level_indent = 2;    // em per level below the shallowest
  std::string leader = ".";   // dot leader between entry and page number
  double leader_pitch = 0.5;  // em between leader dots
  int reserved_digits = 3;    // width reserved for page numbers before they are known
  bool operator==(const TocTheme&) const = default;
};

// The title page's optional slots that a bureau sets once for all its departments (a department's
// own `title_page:` overrides them; docs/typography.md lists every slot of the page).
struct TitlePageTheme {
  std::string date_label;      // "" = the profile's; the date line reads "<label>：<date>"
  std::string issuer;          // issuing-unit line (e.g. the bureau), "" = none
  std::filesystem::path logo;  // PNG drawn centred above the title ("" = none), absolute
  double logo_width = 30;      // mm (height follows the image's aspect ratio)
  double logo_top = 40;        // mm from the page top to the logo's top edge
  double title_top = 0.30;     // where the title starts, share of the page height
  double bottom_top = 0.68;    // where the department/issuer/date lines start
  bool operator==(const TitlePageTheme&) const = default;
};

struct Theme {
  std::string name = "default";
  double page_width = 210, page_height = 297;  // mm (portrait)
  Margins portrait{25, 25, 25, 25};
  Margins landscape{20, 20, 20, 20};
  double footer_baseline = 14;  // mm above the page bottom
  double header_baseline = 14;  // mm below the page top

  std::string serif = "Noto Serif CJK SC";
  std::string sans = "Noto Sans CJK SC";
  std::map<std::string, std::string> roles;  // more font roles: role → family (fonts.roles)
  // The family bold text of a role is set in (fonts.bold); without one, the role's family's bold
  // face, and when it has none its regular face emboldened (synthetic bold).
  std::map<std::string, std::string> bold_families;
  std::vector<std::string> fallbacks{"Noto Serif CJK SC", "Noto Sans CJK SC"};
  // The faces a Word/WPS machine without serif/sans should use instead (DOCX font table altName):
  // 宋体 / 黑体 / 仿宋 / 楷体 / 微软雅黑 or their English names (docs/docx.md).
  std::string office_serif = "宋体";
  std::string office_sans = "黑体";
  bool font_hinting = false;  // keep CFF hints in the embedded subsets (≈ +15 % font bytes)
  // Synthetic bold: the stroke width around each glyph's outline, in em of the text size (Word,
  // WPS and LibreOffice fill and stroke the regular outlines; LibreOffice uses 1/30 em).
  double synthetic_bold = 0.03;
  // Directories of font files for this theme (fonts.dirs; relative to the theme file), added to
  // the project's and the system's fonts — e.g. TeX Live's Fandol fonts.
  std::vector<std::filesystem::path> font_dirs;

  // PDF standards (docs/pdf-standards.md): PDF/A-2u and tagged PDF/UA-1, both on (tagging costs
  // ≈ 1.1× the CPU time and ≈ +25 % bytes of an untagged file, bench/pdf/README.md).
  bool pdf_tagged = true;
  bool pdf_archival = true;
  bool pdf_object_streams = true;  // objects in compressed object streams (pdf/file_writer.hpp)

  text::Kinsoku kinsoku = text::Kinsoku::Basic;
  double latin_spacing = 0.25;  // em between Han and Latin/digits
  bool trim_opening_at_line_start = false;
  bool avoid_single_char_last_line = true;
  // Budget terms kept unbroken in table cells and headers (text/word_break): a file relative to the
  // theme file's directory ("" = none; the default file may be missing, a named one may not);
  // `terms` is its content once loaded.
  std::string terms_file = "../terms.txt";
  text::TermList terms;

  Style body{FontRole::Serif, false, 12, 1.6, 0, 0, 2, text::Align::Justify};
  Style plain{FontRole::Serif, false, 12, 1.6, 0, 0, 0, text::Align::Justify};
  Style label{FontRole::Serif, true, 12, 1.6, 0.2, 0, 0, text::Align::Left};
  Style note{FontRole::Serif, false, 9, 1.5, 0, 0, 0, text::Align::Justify};
  Style right{FontRole::Serif, false, 10.5, 1.5, 0, 0, 0, text::Align::Right};
  Style caption{FontRole::Sans, true, 12, 1.5, 0.8, 0.4, 0, text::Align::Center};
  Style heading1{FontRole::Sans, true, 18, 1.5, 0.5, 0.8, 0, text::Align::Center};
  Style heading2{FontRole::Sans, true, 16, 1.5, 0.6, 0.6, 0, text::Align::Center};
  Style heading3{FontRole::Sans, true, 15, 1.6, 0.6, 0.3, 0, text::Align::Left};
  Style heading4{FontRole::Sans, true, 14, 1.6, 0.4, 0.2, 0, text::Align::Left};
  Style table_title{FontRole::Sans, true, 16, 1.5, 0.8, 0.6, 0, text::Align::Center};
  Style title_page{FontRole::Sans, true, 26, 1.6, 0, 0, 0, text::Align::Center};
  Style title_page_small{FontRole::Serif, false, 16, 1.8, 0, 0, 0, text::Align::Center};
  Style header{FontRole::Serif, false, 9, 1.2, 0, 0, 0, text::Align::Center};
  Style footer{FontRole::Serif, false, 10.5, 1.2, 0, 0, 0, text::Align::Center};
  std::string header_text;              // "" = no running header; {title} = Meta::title
  std::string page_number = "— {n} —";  // footer; {n} = page number; "" = none

  TableTheme table;
  TocTheme toc;
  TitlePageTheme title;

  bool operator==(const Theme&) const = default;

  const Margins& margins(bool landscape_page) const {
    return landscape_page ? landscape : portrait;
  }
  const Style& heading(int level) const;
  // The family of a font role; bold: the role's bold family when the theme names one.
  const std::string& family(const FontRole& role, bool bold = false) const;
  // Every font role the theme defines (serif, sans, then fonts.roles in name order).
  std::vector<FontRole> font_roles() const;

  // Reads a theme file; unknown keys and unreadable values are errors naming the key.
  // `resource_dirs`: where files the theme names by a relative path (text.terms_file) are looked
  // up when they are not beside `file` (the other theme directories, overlay first).
  static Theme load(const std::filesystem::path& file,
                    const std::vector<std::filesystem::path>& resource_dirs = {});
};

}  // namespace bp::style
