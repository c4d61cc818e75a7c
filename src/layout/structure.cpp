#include "layout/structure.hpp"

#include <algorithm>
#include <variant>

#include "document/document.hpp"

namespace bp::layout {

const char* role_name(Role r) {
  static constexpr const char* kNames[] = {
      "Document", "Part", "Sect", "H1", "H2",      "H3",    "H4",    "H5",
      "H6",       "P",    "L",    "LI", "Lbl",     "LBody", "Table", "THead",
      "TBody",    "TR",   "TH",   "TD", "Caption", "TOC",   "TOCI",  "Link"};
  return kNames[static_cast<int>(r)];
}

void Structure::reserve_for(const doc::Document& d) {
  // Generous per block: what layout_heading, place_paragraph (a list item: L, LI, Lbl, LBody),
  // tag_table and the 目录 add, and a Link for each 目录 entry or annotation.
  size_t n = 16;
  for (const doc::Block& b : d.blocks) {
    if (const auto* t = std::get_if<doc::Table>(&b)) {
      n += 8 + t->notes.size() * 2;
      for (const auto* rows : {&t->head, &t->body})
        for (const auto& r : *rows) n += 2 + r.cells.size();
    } else if (const auto* toc = std::get_if<doc::Toc>(&b)) {
      n += 4 + 4 * toc->entries.size();
    } else if (const auto* tp = std::get_if<doc::TitlePage>(&b)) {
      n += 8 + tp->lines.size();
    } else {
      n += 6;
    }
  }
  nodes.reserve(n);
}

int Structure::root() {
  if (nodes.empty()) nodes.push_back({Role::Document, -1});
  return 0;
}

int Structure::add(Role role, int parent) {
  if (parent < 0) parent = root();
  const int id = static_cast<int>(nodes.size());
  StructNode n;
  n.role = role;
  n.parent = parent;
  nodes.push_back(std::move(n));
  nodes[static_cast<size_t>(parent)].kids.push_back(id);
  return id;
}

int SectionStack::heading(int level) {
  while (!open_.empty() && open_.back().level >= level) open_.pop_back();
  const int depth = static_cast<int>(open_.size());  // 0 = top level
  const int sect = s_.add(level <= 1 ? Role::Part : Role::Sect, container());
  open_.push_back({level, sect});
  const int h = std::min(depth, 5);
  return s_.add(static_cast<Role>(static_cast<int>(Role::H1) + h), sect);
}

int SectionStack::container() {
  return open_.empty() ? s_.root() : open_.back().node;
}

}  // namespace bp::layout
