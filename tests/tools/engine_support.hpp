// Helpers shared by the PDF-engine unit tests (test_text_*, test_layout_*, test_pdf_*): one FontSet
// per test process (fontconfig and the font files are loaded once, as in a batch run), the default
// theme, and text read back from laid-out pages and lines.
#pragma once

#include <filesystem>
#include <string>

#include "layout/context.hpp"
#include "layout/page.hpp"
#include "layout/theme.hpp"
#include "text/font_set.hpp"
#include "text/typeset.hpp"
#include "util/utf8.hpp"

namespace bp::testing {

inline text::FontSet& shared_fonts() {
  static text::FontSet fonts({std::filesystem::path(BP_SOURCE_DIR) / "fonts"});
  return fonts;
}

inline const layout::Theme& default_theme() {
  static const layout::Theme theme =
      layout::Theme::load(std::filesystem::path(BP_SOURCE_DIR) / "config/themes/default.yaml");
  return theme;
}

inline std::string glyph_text(const std::vector<text::PlacedGlyph>& glyphs) {
  std::string s;
  for (const auto& g : glyphs)
    for (char32_t c : g.text)
      if (c) utf8::append(s, c);
  return s;
}

inline std::string line_text(const text::Line& l) {
  return glyph_text(l.glyphs);
}

// All text of a page, item by item (each cell, line and number is one item), separated by '|'.
inline std::string page_text(const layout::Page& p) {
  std::string s;
  for (const auto& it : p.text) s += glyph_text(it.glyphs) + "|";
  return s;
}

// Everything a test needs to lay out text: shaper, coverage and a Context on the default theme.
struct Engine {
  text::ShapeCache shaper;
  text::Coverage coverage;
  layout::Context ctx;
  explicit Engine(const layout::Theme& theme = default_theme())
      : ctx(theme, shared_fonts(), shaper, coverage) {}
};

}  // namespace bp::testing
