// The format-neutral document tree. Built once per department from the derived tables, the templates and
// the year profile; read (never changed) by every backend: PDF layout, XLSX, DOCX.
// Backends never reach back into the YAML model or recompute figures: everything they print is here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/table_rows.hpp"

namespace bp::doc {

// A run of text inside a paragraph.
struct Span {
  std::string text;
  bool bold = false;
};

// The line between a table's title and its grid: 部门编码 名称 | 预算年度 | 单位.
struct HeaderBlock {
  std::string left;
  std::string center;
  std::string right;
};

struct Table {
  std::string id;           // stable ASCII id ("t1-summary", "proj-3"): anchors, file-safe names
  std::string title;        // printed above the table ("" = none); never repeated on continuation pages
  std::string short_title;  // ≤ 31 characters, for sheet names
  std::optional<HeaderBlock> header_block;  // repeated on continuation pages
  std::vector<int> column_widths;  // relative widths of the physical columns (one per column)
  std::vector<Row> head;           // header rows incl. 栏次: repeated on every page the table runs onto
  std::vector<Row> body;
  std::vector<std::string> notes;  // printed directly below the table
  bool landscape = false;          // wide table: landscape pages
  bool new_page = false;           // the table (with its title) starts a new page
  bool keep_together = false;      // try to keep the whole table on one page
  bool keep_with_next = false;     // on the page where the next block starts (a project's info
                                   // rows above its indicator table)
  std::string anchor;              // target id for 目录 entries ("" = none)
  int toc_level = 0;               // >0: title appears in outlines at this level
  // Tables of one document with the same non-empty grid share their column widths (every project
  // 绩效目标表); a keep_with_next table followed by a table of its grid without a title is that
  // table's first rows (a project's info block above its indicator grid): one table on one grid.
  std::string grid;
};

enum class ParaStyle {
  Body,        // 2-em first-line indent, justified
  Plain,       // no indent, justified (list items that carry their own number)
  Label,       // run-in label line such as 部门职责： (no indent, bold)
  TableTitle,  // centered caption above a table inside the narrative
  Note,        // small text (table notes)
  Right,       // right-aligned line (单位：万元 above a project table)
};

struct Paragraph {
  std::vector<Span> spans;
  ParaStyle style = ParaStyle::Body;
};

struct Heading {
  int level = 1;             // 1 part (第一部分…), 2 table title / group, 3 section (一、…), 4 sub (1、…)
  std::string text;
  std::string anchor;        // target id for 目录 entries and outlines ("" = none)
  bool new_page = false;     // starts a new page
  bool outline = true;       // appears in the PDF outline / DOCX navigation pane
  Align align = Align::Left;
};

struct TocEntry {
  std::string text;
  int level = 1;             // indentation level in the 目录
  std::string target;        // anchor of a Heading or Table; "" = group line without page number
};

// The 目录. Page numbers are resolved by each backend's layout (never guessed here).
struct Toc {
  std::string title;
  std::vector<TocEntry> entries;
};

// Every slot of the title page (docs/typography.md, "Title page"); "" = not printed.
struct TitlePage {
  std::vector<std::string> lines;  // big centered title lines
  std::string department;
  std::string issuer;  // issuing-unit line (theme or department `title_page.issuer`)
  std::string date;    // the date line, label included: 公开日期：2025年1月20日
  std::string logo;    // PNG file drawn above the title (absolute path)
};

struct PageBreak {};

using Block = std::variant<TitlePage, Toc, Heading, Paragraph, Table, PageBreak>;

struct Meta {
  std::string title;
  std::string author;              // the department
  std::string subject;
  std::string keywords;
  std::string lang = "zh-CN";
  int64_t epoch = 0;               // creation time (SOURCE_DATE_EPOCH), 0 = unset
};

struct Document {
  Meta meta;
  std::vector<Block> blocks;
};

}  // namespace bp::doc
