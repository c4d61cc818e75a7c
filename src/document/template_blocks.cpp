#include "document/template_blocks.hpp"

namespace bp {

// Free text inserted into a sentence often brings its own full stop ("原因是……。；"): keep one mark.
std::string tidy_punctuation(std::string s) {
  static const std::pair<const char*, const char*> rules[] = {
      {"。。", "。"}, {"。；", "；"}, {"。，", "，"}, {"，。", "。"},
      {"；。", "。"}, {"。）", "）"}, {"，，", "，"}, {"，；", "；"}};
  for (bool changed = true; changed;) {
    changed = false;
    for (auto [from, to] : rules)
      for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p)) {
        s.replace(p, std::string(from).size(), to);
        changed = true;
      }
  }
  return s;
}

std::vector<doc::Span> inline_spans(const std::string& raw) {
  const std::string text = tidy_punctuation(raw);
  std::vector<doc::Span> out;
  size_t pos = 0;
  bool bold = false;
  while (pos <= text.size()) {
    size_t mark = text.find("**", pos);
    std::string piece = text.substr(pos, mark == std::string::npos ? std::string::npos : mark - pos);
    if (!piece.empty()) out.push_back({piece, bold});
    if (mark == std::string::npos) break;
    bold = !bold;
    pos = mark + 2;
  }
  return out;
}

std::vector<doc::Block> text_to_blocks(const std::string& text,
                                       const std::function<std::vector<doc::Block>(const std::string&)>& table) {
  std::vector<doc::Block> out;
  std::string para;
  auto flush = [&] {
    if (para.empty()) return;
    out.push_back(doc::Paragraph{inline_spans(para), doc::ParaStyle::Body});
    para.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? text.size() + 1 : nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    auto directive = [&](const char* prefix) { return line.rfind(prefix, 0) == 0 ? line.substr(std::string(prefix).size()) : std::string("\x01"); };
    if (line.empty()) {
      flush();
    } else if (auto h = directive("## "); h != "\x01") {
      flush();
      doc::Heading hd;
      hd.level = 4;
      hd.text = h;
      hd.outline = false;
      out.push_back(hd);
    } else if (auto v = directive("@label "); v != "\x01") {
      flush();
      out.push_back(doc::Paragraph{inline_spans(v), doc::ParaStyle::Label});
    } else if (auto v2 = directive("@plain "); v2 != "\x01") {
      flush();
      out.push_back(doc::Paragraph{inline_spans(v2), doc::ParaStyle::Plain});
    } else if (auto v3 = directive("@title "); v3 != "\x01") {
      flush();
      out.push_back(doc::Paragraph{inline_spans(v3), doc::ParaStyle::TableTitle});
    } else if (auto v4 = directive("@note "); v4 != "\x01") {
      flush();
      // A note right after a table belongs to it: it stays on the table's (possibly landscape) page.
      if (auto* t = out.empty() ? nullptr : std::get_if<doc::Table>(&out.back()))
        t->notes.push_back(tidy_punctuation(v4));
      else
        out.push_back(doc::Paragraph{inline_spans(v4), doc::ParaStyle::Note});
    } else if (auto v5 = directive("@table "); v5 != "\x01") {
      flush();
      for (auto& b : table(v5)) out.push_back(std::move(b));
    } else {
      para += line;
    }
  }
  flush();
  return out;
}

}  // namespace bp
