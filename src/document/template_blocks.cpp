#include "document/template_blocks.hpp"

#include <optional>
#include <string_view>

namespace bp {

// Free text inserted into a sentence often brings its own full stop ("原因是……。；"): keep one
// mark.
std::string tidy_punctuation(std::string s) {
  static constexpr std::pair<std::string_view, std::string_view> rules[] = {
      {"。。", "。"}, {"。；", "；"}, {"。，", "，"}, {"，。", "。"},
      {"；。", "。"}, {"。）", "）"}, {"，，", "，"}, {"，；", "；"}};
  for (bool changed = true; changed;) {
    changed = false;
    for (auto [from, to] : rules)
      for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p)) {
        s.replace(p, from.size(), to);
        changed = true;
      }
  }
  return s;
}

std::vector<doc::Span> inline_spans(const std::string& raw) {
  const std::string text = tidy_punctuation(raw);
  std::vector<doc::Span> out;
  const std::string_view all(text);
  size_t pos = 0;
  bool bold = false;
  while (pos <= all.size()) {
    const size_t mark = all.find("**", pos);
    const std::string_view piece =
        all.substr(pos, mark == std::string_view::npos ? std::string_view::npos : mark - pos);
    if (!piece.empty()) out.push_back({std::string(piece), bold});
    if (mark == std::string_view::npos) break;
    bold = !bold;
    pos = mark + 2;
  }
  return out;
}

std::vector<doc::Block> text_to_blocks(
    const std::string& text,
    const std::function<std::vector<doc::Block>(const std::string&)>& table) {
  std::vector<doc::Block> out;
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    out.push_back(doc::Paragraph{inline_spans(para), doc::ParaStyle::Body});
    para.clear();
  };
  // Lines and directives as views into `text`: a rendered section is read once, strings are made
  // only for what goes into the document.
  const std::string_view all(text);
  size_t start = 0;
  while (start <= all.size()) {
    const size_t nl = all.find('\n', start);
    std::string_view line =
        all.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? all.size() + 1 : nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    // The text after `prefix` when the line starts with it.
    auto directive = [&](std::string_view prefix) -> std::optional<std::string> {
      if (!line.starts_with(prefix)) return std::nullopt;
      return std::string(line.substr(prefix.size()));
    };
    if (line.empty()) {
      flush();
    } else if (auto h = directive("## ")) {
      flush();
      doc::Heading hd;
      hd.level = 4;
      hd.text = std::move(*h);
      hd.outline = false;
      out.push_back(hd);
    } else if (auto v = directive("@label ")) {
      flush();
      out.push_back(doc::Paragraph{inline_spans(*v), doc::ParaStyle::Label});
    } else if (auto v2 = directive("@plain ")) {
      flush();
      out.push_back(doc::Paragraph{inline_spans(*v2), doc::ParaStyle::Plain});
    } else if (auto v3 = directive("@title ")) {
      flush();
      out.push_back(doc::Paragraph{inline_spans(*v3), doc::ParaStyle::TableTitle});
    } else if (auto v4 = directive("@note ")) {
      flush();
      // A note right after a table belongs to it: it stays on the table's (possibly landscape)
      // page.
      if (auto* t = out.empty() ? nullptr : std::get_if<doc::Table>(&out.back()))
        t->notes.push_back(tidy_punctuation(std::move(*v4)));
      else
        out.push_back(doc::Paragraph{inline_spans(*v4), doc::ParaStyle::Note});
    } else if (auto v5 = directive("@table ")) {
      flush();
      for (auto& b : table(*v5)) out.push_back(std::move(b));
    } else {
      para += line;
    }
  }
  flush();
  return out;
}

}  // namespace bp
