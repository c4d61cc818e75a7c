#include "json/layout_json.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <variant>

#include "layout/document_layout.hpp"
#include "text/font.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {

using layout::Role;
using layout::StructNode;
using nlohmann::ordered_json;

// 0.01 pt: finer than any decision the layout makes, coarse enough to print the same on every
// machine (no 17-digit tails).
double pt(double v) {
  const double r = std::round(v * 100) / 100;
  return r == 0 ? 0 : r;  // no "-0.0"
}

ordered_json rect(double x0, double y0, double x1, double y1) {
  return ordered_json::array({pt(x0), pt(y0), pt(x1), pt(y1)});
}

struct Extent {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  void add(double ax0, double ay0, double ax1, double ay1) {
    x0 = std::min(x0, ax0);
    y0 = std::min(y0, ay0);
    x1 = std::max(x1, ax1);
    y1 = std::max(y1, ay1);
  }
  bool empty() const { return x0 > x1; }
  ordered_json json() const { return empty() ? ordered_json() : rect(x0, y0, x1, y1); }
};

// The box a placed line occupies: from the first glyph's origin to the last glyph's advance,
// between the fonts' ascender and descender (the em box for CJK faces).
void add_line_extent(const layout::TextItem& t, Extent& e) {
  for (const auto& g : t.glyphs) {
    if (!g.font) continue;
    const double scale = g.size / g.font->upem();
    const auto& m = g.font->metrics();
    e.add(t.x + g.x, t.y - m.ascender * scale, t.x + g.x + g.font->advance(g.gid) * scale,
          t.y - m.descender * scale);
  }
}

std::string item_text(const layout::TextItem& t) {
  std::string s;
  for (const auto& g : t.glyphs)
    for (char32_t c : g.text)
      if (c) utf8::append(s, c);
  return s;
}

// The items of one block or cell on one page, grouped into lines by baseline (a list item's label
// and its text are two items on one baseline), left to right within a line.
ordered_json lines_of(const layout::Page& p, const std::vector<size_t>& items) {
  std::vector<size_t> order = items;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto &x = p.text[a], &y = p.text[b];
    if (std::abs(x.y - y.y) > 0.01) return x.y < y.y;
    return x.x + (x.glyphs.empty() ? 0 : x.glyphs.front().x) <
           y.x + (y.glyphs.empty() ? 0 : y.glyphs.front().x);
  });
  ordered_json lines = ordered_json::array();
  double last_y = -1e300, last_right = 0;
  std::string cur;
  for (size_t i : order) {
    const layout::TextItem& t = p.text[i];
    Extent e;
    add_line_extent(t, e);
    if (std::abs(t.y - last_y) > 0.01) {
      if (last_y > -1e300) lines.push_back(cur);
      cur.clear();
      last_y = t.y;
    } else if (!e.empty() && !t.glyphs.empty() && e.x0 - last_right > t.glyphs.front().size) {
      cur += ' ';  // pieces set apart on one baseline (部门 · 预算年度 · 单位 of a header block)
    }
    cur += item_text(t);
    if (!e.empty()) last_right = e.x1;
  }
  if (last_y > -1e300) lines.push_back(cur);
  return lines;
}

// Grid position of every table cell element, from the structure (THead/TBody > TR > TH/TD with
// their spans), as a table's reader assigns them: head rows first, each cell in the first column
// its row leaves free.
struct CellPos {
  int table = -1;  // index among the document's tables
  int row = 0, col = 0;
  bool header = false;
};

struct TableInfo {
  int node = -1;
  int head_rows = 0, body_rows = 0, columns = 0;
  int caption = -1;
};

class Grid {
 public:
  explicit Grid(const layout::Structure& s) {
    for (size_t n = 0; n < s.nodes.size(); ++n)
      if (s.nodes[n].role == Role::Table) add_table(s, static_cast<int>(n));
  }
  const CellPos* cell(int node) const {
    auto it = pos_.find(node);
    return it == pos_.end() ? nullptr : &it->second;
  }
  const std::vector<TableInfo>& tables() const { return tables_; }
  int table_of_caption(int node) const {
    auto it = caption_.find(node);
    return it == caption_.end() ? -1 : it->second;
  }

 private:
  void add_table(const layout::Structure& s, int node) {
    const int index = static_cast<int>(tables_.size());
    TableInfo info;
    info.node = node;
    std::map<std::pair<int, int>, bool> taken;  // (row, col) covered by an earlier cell
    int row = 0;
    for (int group : s.nodes[static_cast<size_t>(node)].kids) {
      const StructNode& g = s.nodes[static_cast<size_t>(group)];
      if (g.role == Role::Caption) {
        info.caption = group;
        caption_[group] = index;
        continue;
      }
      if (g.role != Role::THead && g.role != Role::TBody) continue;
      for (int tr : g.kids) {
        int col = 0;
        for (int c : s.nodes[static_cast<size_t>(tr)].kids) {
          const StructNode& cell = s.nodes[static_cast<size_t>(c)];
          while (taken.count({row, col})) ++col;
          pos_[c] = {index, row, col, g.role == Role::THead};
          for (int r = row; r < row + cell.rowspan; ++r)
            for (int k = col; k < col + cell.colspan; ++k) taken[{r, k}] = true;
          col += cell.colspan;
          info.columns = std::max(info.columns, col);
        }
        ++(g.role == Role::THead ? info.head_rows : info.body_rows);
        ++row;
      }
    }
    tables_.push_back(info);
  }

  std::map<int, CellPos> pos_;
  std::map<int, int> caption_;
  std::vector<TableInfo> tables_;
};

// What a block element is to a reader of the JSON; "" for elements that are not blocks.
std::string block_type(const layout::Structure& s, int node, int* level) {
  const StructNode& n = s.nodes[static_cast<size_t>(node)];
  switch (n.role) {
    case Role::H1:
    case Role::H2:
    case Role::H3:
    case Role::H4:
    case Role::H5:
    case Role::H6:
      *level = static_cast<int>(n.role) - static_cast<int>(Role::H1) + 1;
      return "heading";
    case Role::Caption:
      if (n.parent >= 0 && s.nodes[static_cast<size_t>(n.parent)].role == Role::TOC)
        return "toc_title";
      return "caption";
    case Role::Lbl:
      return "list_label";
    case Role::Link:
    case Role::TOCI:
      return "toc_entry";
    case Role::P:
      if (n.parent >= 0 && s.nodes[static_cast<size_t>(n.parent)].role == Role::TOCI)
        return "toc_entry";
      return "paragraph";
    default:
      return "paragraph";
  }
}

const char* artifact_type(int tag) {
  switch (tag) {
    case layout::kArtifactPagination:
      return "repeat";
    case layout::kArtifactHeader:
      return "running_header";
    case layout::kArtifactFooter:
      return "page_number";
    default:
      return "leader";
  }
}

}  // namespace

std::string layout_to_json(const doc::Document& d, const layout::DocumentLayout& lay,
                           const LayoutJsonSource& dept) {
  const layout::Structure& s = lay.structure;
  const Grid grid(s);
  // Each doc::Table makes one Table element, except a project's info block, which is set as the
  // first rows of the indicator table after it (layout::merges_into_next): that Table has the
  // indicator table's id and the info block's title.
  std::vector<const doc::Table*> doc_tables;
  std::vector<std::string> titles;
  for (size_t i = 0; i < d.blocks.size(); ++i) {
    const auto* t = std::get_if<doc::Table>(&d.blocks[i]);
    if (!t) continue;
    if (layout::merges_into_next(d, i)) {
      titles.push_back(t->title);
      continue;
    }
    doc_tables.push_back(t);
    if (titles.size() < doc_tables.size()) titles.push_back(t->title);
  }
  const bool ids = doc_tables.size() == grid.tables().size();

  ordered_json root;
  root["format"] = "budgetpress-layout";
  root["version"] = 1;
  root["department"] = {
      {"code", dept.code}, {"name", dept.name}, {"year", dept.year}, {"form", dept.form}};
  root["units"] = "pt, origin at the page's top-left corner, y down";

  std::vector<std::vector<size_t>> table_pages(grid.tables().size());
  ordered_json pages = ordered_json::array();
  for (size_t pi = 0; pi < lay.pages.size(); ++pi) {
    const layout::Page& p = lay.pages[pi];
    ordered_json jp;
    jp["index"] = pi;
    jp["number"] = p.number;
    jp["width"] = pt(p.width);
    jp["height"] = pt(p.height);
    jp["landscape"] = p.landscape;

    // Blocks: consecutive runs of text items of one element (or artifact kind) outside cells.
    ordered_json blocks = ordered_json::array();
    for (size_t i = 0; i < p.text.size();) {
      if (p.text[i].box >= 0) {
        ++i;
        continue;
      }
      const int tag = p.text[i].tag;
      std::vector<size_t> items;
      Extent e;
      size_t j = i;
      for (; j < p.text.size() && p.text[j].box < 0 && p.text[j].tag == tag; ++j) {
        items.push_back(j);
        add_line_extent(p.text[j], e);
      }
      ordered_json jb;
      int level = 0;
      if (tag >= 0) {
        jb["type"] = block_type(s, tag, &level);
        if (level) jb["level"] = level;
        if (int t = grid.table_of_caption(tag); t >= 0) jb["table"] = t;
      } else {
        jb["type"] = artifact_type(tag);
      }
      jb["lines"] = lines_of(p, items);
      jb["rect"] = e.json();
      blocks.push_back(std::move(jb));
      i = j;
    }
    jp["blocks"] = std::move(blocks);

    ordered_json cells = ordered_json::array();
    for (size_t bi = 0; bi < p.boxes.size(); ++bi) {
      const layout::BoxItem& b = p.boxes[bi];
      const CellPos* at = grid.cell(b.node);
      if (!at) continue;
      const StructNode& n = s.nodes[static_cast<size_t>(b.node)];
      std::vector<size_t> items;
      for (size_t i = 0; i < p.text.size(); ++i)
        if (p.text[i].box == static_cast<int>(bi)) items.push_back(i);
      ordered_json jc;
      jc["table"] = at->table;
      jc["row"] = at->row;
      jc["col"] = at->col;
      if (n.rowspan > 1) jc["rowspan"] = n.rowspan;
      if (n.colspan > 1) jc["colspan"] = n.colspan;
      jc["rect"] = rect(b.x0, b.y0, b.x1, b.y1);
      jc["header"] = at->header;
      jc["repeat"] = b.repeat;
      jc["lines"] = lines_of(p, items);
      cells.push_back(std::move(jc));
      auto& tp = table_pages[static_cast<size_t>(at->table)];
      if (tp.empty() || tp.back() != pi) tp.push_back(pi);
    }
    jp["cells"] = std::move(cells);
    pages.push_back(std::move(jp));
  }

  ordered_json tables = ordered_json::array();
  for (size_t t = 0; t < grid.tables().size(); ++t) {
    const TableInfo& info = grid.tables()[t];
    ordered_json jt;
    jt["index"] = t;
    if (ids) {
      jt["id"] = doc_tables[t]->id;
      jt["title"] = titles[t];
    }
    jt["head_rows"] = info.head_rows;
    jt["body_rows"] = info.body_rows;
    jt["columns"] = info.columns;
    jt["pages"] = table_pages[t];
    tables.push_back(std::move(jt));
  }
  root["tables"] = std::move(tables);
  root["pages"] = std::move(pages);
  return root.dump(1) + "\n";
}

}  // namespace bp
