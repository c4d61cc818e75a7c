#include "layout/context.hpp"

#include <algorithm>

namespace bp::layout {

Context::Context(const Theme& theme, text::FontSet& fonts, text::ShapeCache& shaper,
                 text::Coverage& coverage, text::PreparedCache* prepared,
                 text::DictionaryWords* dictionary, text::LineBreaker* breaker)
    : theme_(theme),
      coverage_(coverage),
      words_(theme.terms, dictionary),
      typesetter_(shaper, coverage) {
  typesetter_.set_word_breaker(&words_);
  typesetter_.set_line_breaker(breaker);
  if (prepared) {
    prepared->use_terms(theme.terms);  // entries graded with another term list are dropped
    typesetter_.set_prepared_cache(prepared);
  }
  for (const FontRole& role : theme.font_roles()) {
    for (int bold = 0; bold < 2; ++bold) {
      auto& c = chains_[{role.name, bold != 0}].fonts;
      // A role's bold family (fonts.bold) is the bold as it is: its regular face, never
      // emboldened again (方正小标宋 as the bold of a Song role). Otherwise the family's bold
      // face, or its synthetic bold when it has none (FontSet::get), as Word does.
      const bool own_bold = bold != 0 && theme.bold_families.count(role.name) != 0;
      c.push_back(&fonts.get(theme.family(role, bold != 0), bold != 0 && !own_bold));
      for (const auto& fam : theme.fallbacks) {
        // A fallback serves the odd character the main face lacks.
        const text::Font* f = &fonts.get(fam, bold != 0);
        if (std::find(c.begin(), c.end(), f) == c.end()) c.push_back(f);
      }
    }
  }
}

const text::FontChain& Context::chain(const FontRole& role, bool bold) const {
  // Theme::load rejects a style naming an unknown role; a theme built in code falls back to serif.
  auto it = chains_.find({role.name, bold});
  if (it == chains_.end()) it = chains_.find({"serif", bold});
  return it->second;
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
