#include "app/font_check.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/document_for.hpp"
#include "document/plain_text.hpp"
#include "layout/context.hpp"
#include "text/coverage.hpp"
#include "text/font.hpp"
#include "text/shape_cache.hpp"
#include "util/trace.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {

// The characters the typesetter looks up in the fonts (src/text/units.cpp): not controls (line
// breaks; a tab is set as a space) and not the invisible ones it sets without a glyph (zero-width
// spaces and joiners, direction marks, word joiner, BOM, variation selectors).
bool needs_glyph(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  const bool ignorable = (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF ||
                         (cp >= 0xFE00 && cp <= 0xFE0F);
  return !ignorable;
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

PreflightError theme_unreadable(const ConfigError& e) {
  return PreflightError{std::string("主题文件有误：") + e.what() + "（" + e.code() + "）",
                        "请改正主题文件；各键的含义和取值见程序自带的 config/themes/default.yaml"};
}

}  // namespace

std::optional<PreflightError> preflight_theme(const Context& ctx) {
  try {
    ctx.themes().get();
  } catch (const layout::ThemeError& e) {
    return theme_unreadable(e);
  }
  return std::nullopt;
}

std::optional<PreflightError> preflight_typesetting(const Context& ctx) {
  const trace::Span span("fonts");
  const std::string theme = ctx.theme_file().string();
  try {
    Typesetting& ts = ctx.typesetting();
    text::ShapeCache shaper;
    text::Coverage coverage;
    layout::Context probe(ts.theme, ts.fonts, shaper, coverage);  // loads every face of every chain
  } catch (const text::FontError& e) {
    return PreflightError{
        std::string("字体有误：") + e.what() + "（" + e.code() + "）",
        "主题 " + theme + " 中的字体须已安装，或放在字体目录（fonts/ 或站点配置的 fonts/）中"};
  } catch (const layout::ThemeError& e) {
    return theme_unreadable(e);
  } catch (const std::exception& e) {
    return PreflightError{std::string("主题或字体无法载入：") + e.what(),
                          "请检查主题文件 " + theme};
  }
  return std::nullopt;
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
    std::vector<std::string> families{ts.theme.serif, ts.theme.sans};
    for (const auto& f : ts.theme.fallbacks)
      if (std::find(families.begin(), families.end(), f) == families.end()) families.push_back(f);
    std::string fonts;
    for (const auto& f : families) fonts += (fonts.empty() ? "" : "、") + f;
    c.diag.error("E627", at == std::string::npos ? Pos{} : position_of(source, at),
                 "主题的字体（" + fonts + "）中没有“" + enc + "”（" + hex_cp(cp) +
                     "）这个字，生成时无法排版" +
                     (at == std::string::npos ? "（这个字来自说明模板、科目目录或年度格式）" : ""),
                 "换用常见的写法（如用规范字代替异体字、生僻字），或在主题中加入包含这个字的字体（f"
                 "onts.fallbacks）");
  }
}

}  // namespace bp
