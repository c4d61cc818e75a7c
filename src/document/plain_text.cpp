#include "document/plain_text.hpp"

#include "document/grid.hpp"

namespace bp {

namespace {

std::string spans(const std::vector<doc::Span>& ss) {
  std::string s;
  for (const auto& sp : ss) s += sp.text;
  return s;
}

void rows(std::string& out, const std::vector<doc::Row>& rs, int ncols) {
  auto g = doc::resolve_grid(rs, ncols);
  for (size_t r = 0; r < g.size(); ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (c) out += '\t';
      const auto& slot = g[r][c];
      // A spanning cell's text is written once, at its origin.
      if (slot.cell && slot.row == static_cast<int>(r) && slot.col == c) out += slot.cell->text;
    }
    out += '\n';
  }
}

}  // namespace

std::string document_to_text(const doc::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    if (auto* t = std::get_if<doc::TitlePage>(&b)) {
      for (const auto& l : t->lines) out += l + "\n";
      out += t->department + "\n";
      for (const std::string* s : {&t->issuer, &t->date})
        if (!s->empty()) out += *s + "\n";
      out += "\n";
    } else if (auto* toc = std::get_if<doc::Toc>(&b)) {
      out += toc->title + "\n";
      for (const auto& e : toc->entries) out += std::string(e.level > 1 ? "  " : "") + e.text + "\n";
      out += "\n";
    } else if (auto* h = std::get_if<doc::Heading>(&b)) {
      out += (h->new_page ? "\f" : "") + h->text + "\n";
    } else if (auto* p = std::get_if<doc::Paragraph>(&b)) {
      out += (p->style == doc::ParaStyle::Body ? "　　" : "") + spans(p->spans) + "\n";
    } else if (auto* t = std::get_if<doc::Table>(&b)) {
      const int ncols = static_cast<int>(t->column_widths.size());
      out += std::string(t->new_page ? "\f" : "") + (t->title.empty() ? "" : t->title + "\n");
      if (t->header_block) out += t->header_block->left + "\t" + t->header_block->center + "\t" + t->header_block->right + "\n";
      rows(out, t->head, ncols);
      rows(out, t->body, ncols);
      for (const auto& n : t->notes) out += n + "\n";
      out += "\n";
    } else if (std::holds_alternative<doc::PageBreak>(b)) {
      out += "\f";
    }
  }
  return out;
}

}  // namespace bp
