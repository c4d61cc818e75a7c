// Numbered items as lists (tagged PDF): a run of Plain paragraphs that start with their own number
// (1. / 1、 / （一） / 一、) becomes one L; each such paragraph opens an LI whose Lbl is the number
// and whose LBody holds the rest of the paragraph and the body paragraphs that follow it (a project
// title and its 绩效目标/绩效指标 lines), up to the next heading, table or other block.
#pragma once

#include <string_view>

#include "document/document.hpp"
#include "layout/page.hpp"

namespace bp::layout {

// Length in characters of the item number at the start of `text` (0 = none).
size_t label_length(std::string_view text);

class ListItems {
 public:
  explicit ListItems(Structure& s) : s_(s) {}

  struct Item {
    int body = -1;           // the element the paragraph's text goes into (a P)
    int label = -1;          // the Lbl its first characters go into (-1 = not a numbered item)
    size_t label_chars = 0;  // how many characters the label has
  };
  // The elements for paragraph `p`, which goes into `parent` when it is not part of a list.
  Item paragraph(const doc::Paragraph& p, int parent);
  // The list (if any) ends before the next block.
  void end() { list_ = body_ = -1; }

 private:
  Structure& s_;
  int list_ = -1, body_ = -1;
};

// Moves the first `item.label_chars` characters of the paragraph's first line (the first text item
// tagged item.body on or after page `first_page`) into their own text item tagged item.label.
void split_label(DocumentLayout& out, size_t first_page, const ListItems::Item& item);

}  // namespace bp::layout
