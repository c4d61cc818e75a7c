#include "layout/list_items.hpp"

#include <string>

#include "util/utf8.hpp"

namespace bp::layout {

size_t label_length(std::string_view text) {
  // Matched on characters, not bytes: a byte regex cannot hold （ or 一 in a bracket expression
  // (it matched "1." but never "（2）" or "（一）").
  const std::u32string s = utf8::to_u32(text);
  auto is_digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  auto is_numeral = [](char32_t c) {
    return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
  };
  auto run = [&](size_t at, auto pred) {  // length of a run of 1–3 such characters at `at`
    size_t n = 0;
    while (at + n < s.size() && n < 4 && pred(s[at + n])) ++n;
    return n >= 1 && n <= 3 ? n : 0;
  };
  if (size_t n = run(0, is_digit);
      n && n < s.size() && std::u32string_view(U".．、").find(s[n]) != std::u32string_view::npos)
    return n + 1;  // 1. 1． 1、
  if (size_t n = run(0, is_numeral); n && n < s.size() && s[n] == U'、') return n + 1;  // 一、
  if (!s.empty() && (s[0] == U'（' || s[0] == U'(')) {  // （一） （2） (3)
    size_t n = run(1, is_numeral);
    if (!n) n = run(1, is_digit);
    if (n && 1 + n < s.size() && (s[1 + n] == U'）' || s[1 + n] == U')')) return n + 2;
  }
  return 0;
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
