#include "layout/context.hpp"

#include <algorithm>

namespace bp::layout {

Context::Context(const Theme& theme, text::FontSet& fonts, text::ShapeCache& shaper,
                 text::Coverage& coverage)
    : theme_(theme), coverage_(coverage), words_(theme.terms), typesetter_(shaper, coverage) {
  typesetter_.set_word_breaker(&words_);
  for (int role = 0; role < 2; ++role) {
    for (int bold = 0; bold < 2; ++bold) {
      auto& c = chains_[role][bold].fonts;
      c.push_back(&fonts.get(role ? theme.sans : theme.serif, bold != 0));
      for (const auto& fam : theme.fallbacks) {
        // A fallback serves the odd character the main face lacks; its regular face is an
        // acceptable stand-in when it has no bold (never a synthetic bold).
        const text::Font* f = nullptr;
        try {
          f = &fonts.get(fam, bold != 0);
        } catch (const text::FontError&) {
          if (!bold) throw;
          f = &fonts.get(fam, false);
        }
        if (std::find(c.begin(), c.end(), f) == c.end()) c.push_back(f);
      }
    }
  }
}

text::TextStyle Context::text_style(const Style& s, bool bold, bool tabular) const {
  return {&chain(s.font, s.bold || bold), s.size, tabular};
}

text::ParagraphFormat Context::format(const Style& s, double width) const {
  text::ParagraphFormat f;
  f.width = width;
  f.first_indent = s.indent * s.size;
  f.align = s.align;
  f.kinsoku = theme_.kinsoku;
  f.avoid_single_char_last_line = theme_.avoid_single_char_last_line;
  f.trim_opening_at_line_start = theme_.trim_opening_at_line_start;
  f.latin_spacing_em = theme_.latin_spacing;
  f.balance = s.align == text::Align::Center;  // centred titles and header cells wrap evenly
  return f;
}

double Context::baseline(const Style& s) const {
  const auto& m = chain(s.font, s.bold).fonts.front()->metrics();
  const double ascent = static_cast<double>(m.ascender) / m.units_per_em;
  const double descent = -static_cast<double>(m.descender) / m.units_per_em;
  // Centre the font's em box (ascender + descender) in the line box.
  return (pitch(s) - (ascent + descent) * s.size) / 2 + ascent * s.size;
}

std::vector<text::Line> Context::set(std::string_view txt, const Style& s, double width,
                                     bool bold) {
  text::StyledText run{txt, text_style(s, bold)};
  return typesetter_.set({&run, 1}, format(s, width));
}

}  // namespace bp::layout
