#include "layout/list_items.hpp"

#include <regex>
#include <string>

#include "util/utf8.hpp"

namespace bp::layout {

size_t label_length(std::string_view text) {
  static const std::regex kLabel(
      R"(^(\d{1,3}[.．、]|[（(]([一二三四五六七八九十]{1,3}|\d{1,3})[)）]|[一二三四五六七八九十]{1,3}、))");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, kLabel)) return 0;
  return utf8::to_u32(std::string(m[0].first, m[0].second)).size();
}

ListItems::Item ListItems::paragraph(const doc::Paragraph& p, int parent) {
  Item item;
  if (p.style == doc::ParaStyle::Plain) {
    std::string text;
    for (const auto& sp : p.spans) text += sp.text;
    if (const size_t n = label_length(text)) {
      if (list_ < 0) list_ = s_.add(Role::L, parent);
      const int li = s_.add(Role::LI, list_);
      item.label = s_.add(Role::Lbl, li);
      item.label_chars = n;
      body_ = s_.add(Role::LBody, li);
      item.body = s_.add(Role::P, body_);
      return item;
    }
  }
  if (p.style == doc::ParaStyle::Body && body_ >= 0) {
    item.body = s_.add(Role::P, body_);
    return item;
  }
  end();
  item.body = s_.add(Role::P, parent);
  return item;
}

void split_label(DocumentLayout& out, size_t first_page, const ListItems::Item& item) {
  for (size_t pg = first_page; pg < out.pages.size(); ++pg) {
    auto& items = out.pages[pg].text;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].tag != item.body) continue;
      auto& glyphs = items[i].glyphs;
      size_t chars = 0, cut = 0;
      while (cut < glyphs.size() && chars < item.label_chars) {
        chars += (glyphs[cut].text[0] != 0) + (glyphs[cut].text[1] != 0);
        ++cut;
      }
      if (chars != item.label_chars) return;  // the label is not whole glyphs: leave it in P
      TextItem label{items[i].x, items[i].y, {glyphs.begin(), glyphs.begin() + cut}, item.label};
      glyphs.erase(glyphs.begin(), glyphs.begin() + cut);
      if (glyphs.empty())
        items[i] = std::move(label);
      else
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(i), std::move(label));
      return;
    }
  }
}

}  // namespace bp::layout
