#include "app/font_check.hpp"

#include <map>
#include <regex>
#include <set>

#include "app/document_for.hpp"
#include "document/plain_text.hpp"
#include "layout/context.hpp"
#include "text/coverage.hpp"
#include "text/font.hpp"
#include "text/shape_cache.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {

// What the typesetter does with a character no font has: nothing to set (line breaks, tabs), or a
// control it never prints.
bool needs_glyph(char32_t cp) {
  return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0);
}

// The fonts each role's chain holds (main face, then the fallbacks), regular faces: the bold faces
// of a family cover the same characters.
std::vector<std::vector<const text::Font*>> role_chains(Typesetting& ts) {
  std::vector<std::vector<const text::Font*>> chains;
  for (const std::string& main : {ts.theme.serif, ts.theme.sans}) {
    std::vector<const text::Font*> c{&ts.fonts.get(main, false)};
    for (const auto& fam : ts.theme.fallbacks) c.push_back(&ts.fonts.get(fam, false));
    chains.push_back(std::move(c));
  }
  return chains;
}

// 1-based line and column (in characters) of byte offset `at` of `text`.
Pos position_of(const std::string& text, size_t at) {
  Pos p{1, 1};
  for (size_t i = 0; i < at && i < text.size();) {
    const auto d = utf8::decode(text, i);
    if (text[i] == '\n') {
      ++p.line;
      p.col = 1;
    } else {
      ++p.col;
    }
    i += d.len;
  }
  return p;
}

std::string hex_cp(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::string chinese_font_error(const std::string& what) {
  // The engine's messages (src/text/font.cpp, font_set.cpp), most specific first.
  static const std::pair<const char*, const char*> kPatterns[] = {
      {R"(^font family '(.+)' not found .*$)",
       "找不到字体“$1”（已在项目字体目录、站点配置的 fonts/ 和系统字体中查找）"},
      {R"(^font family '(.+)' has no bold face \(nearest: (.+), weight (\d+)\).*$)",
       "字体“$1”没有粗体（最接近的是 $2，字重 $3）；不会用其他字体或伪粗体代替"},
      {R"(^font family '(.+)' has no regular face \(nearest: (.+), weight (\d+)\).*$)",
       "字体“$1”没有常规体（最接近的是 $2，字重 $3）；不会用其他字体代替"},
      {R"(^cannot read font file (.+)$)", "无法读取字体文件 $1"},
      {R"(^font file (.+) has no face (\d+)$)", "字体文件 $1 中没有第 $2 个字形集"},
      {R"(^FreeType cannot open face (\d+) of (.+)$)",
       "无法打开字体文件 $2 的第 $1 个字形集（文件可能已损坏）"},
      {R"(^font (.+) has no PostScript name$)", "字体文件 $1 没有 PostScript 名称，无法嵌入 PDF"},
      {R"(^cannot initialise FreeType$)", "无法初始化字体库 FreeType"},
      {R"(^cannot initialise fontconfig$)", "无法初始化字体配置 fontconfig"},
  };
  for (const auto& [re, zh] : kPatterns) {
    std::regex r(re);
    if (std::regex_match(what, r)) return std::regex_replace(what, r, zh);
  }
  return what;
}

void preflight_typesetting(const Context& ctx) {
  Typesetting& ts = ctx.typesetting();
  text::ShapeCache shaper;
  text::Coverage coverage;
  try {
    layout::Context probe(ts.theme, ts.fonts, shaper, coverage);  // loads every face of every chain
  } catch (const text::FontError& e) {
    throw text::FontError(chinese_font_error(e.what()));
  }
}

void check_font_coverage(CheckedBudget& c, const Context& ctx, const std::string& source) {
  if (!c.ok()) return;
  Typesetting& ts = ctx.typesetting();
  const auto chains = role_chains(ts);
  std::string printed = document_to_text(document_for(c, ctx));
  for (const std::string* s : {&ts.theme.header_text, &ts.theme.page_number}) printed += *s;
  std::set<char32_t> seen;
  for (size_t i = 0; i < printed.size();) {
    const auto d = utf8::decode(printed, i);
    const char32_t cp = d.valid() ? d.cp : utf8::kReplacement;
    i += d.len;
    if (!needs_glyph(cp) || !seen.insert(cp).second) continue;
    bool everywhere = true;  // a character may be set in any style: every chain must have it
    for (const auto& chain : chains) {
      bool any = false;
      for (const auto* f : chain) any = any || f->covers(cp);
      everywhere = everywhere && any;
    }
    if (everywhere) continue;
    std::string enc;
    utf8::append(enc, cp);
    const size_t at = source.find(enc);
    std::string fonts = ts.theme.serif + "、" + ts.theme.sans;
    for (const auto& f : ts.theme.fallbacks) fonts += "、" + f;
    c.diag.error("E627", at == std::string::npos ? Pos{} : position_of(source, at),
                 "主题的字体（" + fonts + "）中没有“" + enc + "”（" + hex_cp(cp) +
                     "）这个字，生成时无法排版" +
                     (at == std::string::npos ? "（这个字来自说明模板、科目目录或年度格式）" : ""),
                 "换用常见的写法（如用规范字代替异体字、生僻字），或在主题中加入包含这个字的字体（f"
                 "onts.fallbacks）");
  }
}

}  // namespace bp
