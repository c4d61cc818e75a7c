#include "document/orientation.hpp"

#include <variant>

namespace bp::doc {

bool on_landscape_page(const Document& d, size_t i) {
  if (i >= d.blocks.size()) return false;
  if (auto* t = std::get_if<Table>(&d.blocks[i])) return t->landscape;
  if (std::holds_alternative<Heading>(d.blocks[i])) return on_landscape_page(d, i + 1);
  if (auto* p = std::get_if<Paragraph>(&d.blocks[i]))  // a caption goes with its table
    return p->style == ParaStyle::TableTitle && on_landscape_page(d, i + 1);
  return false;
}

}  // namespace bp::doc
