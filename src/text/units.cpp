#include "text/units.hpp"

#include <cmath>
#include <string>

#include "text/unicode.hpp"
#include "util/utf8.hpp"

namespace bp::text {

namespace {

bool ignorable(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

bool weak_script(hb_script_t s) {
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

// Han ↔ "Latin" for the quarter-em space: letters and digits, and a %/‰ that ends a number.
bool latin_side(const std::u32string& s, size_t i) {
  return is_western_alnum(s[i]) || (in_set(U"%‰", s[i]) && i > 0 && is_ascii_digit(s[i - 1]));
}

// Characters inside a number or a word: justification never widens the gap between two of them.
bool word_like(char32_t cp) {
  switch (cp) {  // in_set(U".,:/-%‰'", cp) without the scan of the set (issue 20z)
    case U'.':
    case U',':
    case U':':
    case U'/':
    case U'-':
    case U'%':
    case U'‰':
    case U'\'':
      return true;
    default:
      return is_western_alnum(cp);
  }
}

std::vector<hb_script_t> resolve_scripts(const std::u32string& s) {
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::vector<hb_script_t> out(s.size(), HB_SCRIPT_COMMON);
  hb_script_t first_strong = HB_SCRIPT_HAN;  // Chinese documents: weak-only text is set as Han
  for (char32_t cp : s) {
    hb_script_t sc = hb_unicode_script(uf, cp);
    if (!weak_script(sc)) {
      first_strong = sc;
      break;
    }
  }
  hb_script_t current = first_strong;
  for (size_t i = 0; i < s.size(); ++i) {
    hb_script_t sc = hb_unicode_script(uf, s[i]);
    if (!weak_script(sc)) current = sc;
    out[i] = current;
  }
  return out;
}

}  // namespace

Units make_units(std::span<const StyledText> text, const ParagraphFormat& format,
                 ShapeCache& shaper, Coverage& coverage, WordBreaker* words, LineBreaker* breaker) {
  // The characters and the run of each (utf8::to_u32's decoding, an invalid byte as U+FFFD),
  // sized once for the bytes: a character takes at least one.
  std::u32string s;
  std::vector<uint16_t> style_of;
  size_t bytes = 0;
  for (const auto& run : text) bytes += run.text.size();
  s.reserve(bytes);
  style_of.reserve(bytes);
  for (size_t k = 0; k < text.size(); ++k) {
    const std::string_view t = text[k].text;
    for (size_t at = 0; at < t.size();) {
      const utf8::Decoded d = utf8::decode(t, at);
      at += d.len;
      char32_t cp = d.valid() ? d.cp : utf8::kReplacement;
      if (cp == U'\r') continue;
      if (cp == U'\t') cp = U' ';
      s.push_back(cp);
      style_of.push_back(static_cast<uint16_t>(k));
    }
  }
  const size_t n = s.size();
  Units out;
  out.units.resize(n);
  if (n == 0) return out;
  out.glyphs.reserve(n);  // one glyph per character, mostly: no regrowth, no spare capacity
  auto& units = out.units;
  const auto brks = breaker ? breaker->breaks(s, format.kinsoku) : line_breaks(s, format.kinsoku);
  std::vector<WordJoin> joins;
  if (format.word_aware && words) joins = words->joins(s);

  // Fonts: the first font of the chain that covers the character.
  for (size_t i = 0; i < n; ++i) {
    const TextStyle& st = text[style_of[i]].style;
    Unit& u = units[i];
    u.cp = s[i];
    u.size = static_cast<float>(st.size);
    u.brk = brks[i];
    if (!joins.empty() && u.brk == Break::Allowed) u.join = joins[i];
    if (u.cp == U'\n' || u.cp < 0x20 || u.cp == 0x7F) continue;
    for (const Font* f : st.fonts->fonts) {
      if (f->covers(u.cp)) {
        u.font = f;
        // Spaces and invisible characters look alike in any face; a visible one is reported.
        if (f != st.fonts->fonts.front() && !ignorable(u.cp) && u.cp != U' ')
          coverage.fallback(u.cp, f->postscript_name());
        break;
      }
    }
    if (!u.font && !ignorable(u.cp)) {
      std::vector<std::string> names;
      for (const Font* f : st.fonts->fonts) names.push_back(f->postscript_name());
      coverage.missing(u.cp, names);
      u.font = st.fonts->fonts.front();  // layout continues; the renderer refuses to write
    }
  }

  // Itemize (font, script, size) and shape.
  const auto scripts = resolve_scripts(s);
  for (size_t i = 0; i < n;) {
    if (units[i].hidden()) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    const bool tabular = text[style_of[i]].style.tabular_digits;
    while (j < n && !units[j].hidden() && units[j].font == units[i].font &&
           scripts[j] == scripts[i] && units[j].size == units[i].size &&
           text[style_of[j]].style.tabular_digits == tabular)
      ++j;
    const Font& font = *units[i].font;
    const double scale = units[i].size / font.upem();
    const auto& shaped =
        shaper.shape(font, scripts[i], std::u32string_view(s).substr(i, j - i), tabular);
    for (const ShapedGlyph& g : shaped) {
      Unit& head = units[i + g.cluster];
      if (head.glyph_begin == head.glyph_end)
        head.glyph_begin = static_cast<uint32_t>(out.glyphs.size());
      out.glyphs.push_back({g.gid, g.advance * scale, g.x_offset * scale, g.y_offset * scale});
      head.glyph_end = static_cast<uint32_t>(out.glyphs.size());
      head.advance += g.advance * scale;
    }
    size_t head = i;
    for (size_t c = i; c < j; ++c) {
      Unit& u = units[c];
      if (u.glyph_begin != u.glyph_end) {
        head = c;
        u.cluster_text[0] = u.cp;
      } else if (c > i) {  // continuation of the cluster started at `head`
        units[c - 1].brk = Break::Prohibited;
        if (units[head].cluster_text[1] == 0) units[head].cluster_text[1] = u.cp;
      }
    }
    i = j;
  }

  // Clusters as (head, last) pairs, in order.
  struct Cluster {
    size_t head, last;
  };
  std::vector<Cluster> clusters;
  clusters.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (units[i].hidden()) continue;
    if (units[i].glyph_begin != units[i].glyph_end || clusters.empty() ||
        clusters.back().last + 1 != i)
      clusters.push_back({i, i});
    else
      clusters.back().last = i;
  }

  // Tabular digits and punctuation properties.
  // Five flags per character in one allocation: can_trim_right, can_trim_left and full_width
  // here, trimmed_right and trimmed_left below.
  std::vector<char> flags(5 * n, 0);
  char* const can_trim_right = flags.data();
  char* const can_trim_left = can_trim_right + n;
  char* const full_width = can_trim_left + n;
  for (const Cluster& c : clusters) {
    Unit& u = units[c.head];
    const bool single = u.glyph_end - u.glyph_begin == 1;
    if (!single) continue;
    UnitGlyph& g = out.glyphs[u.glyph_begin];
    const Font& font = *u.font;
    // Tabular digits come from the font (ShapeCache: tnum, or the half-width forms): never
    // emulated by padding narrow digits, whose gap (0.13 em for a "1" in Noto Serif CJK Bold)
    // makes PDF viewers and pdftotext split "11288.55" into "1 1288.55".
    full_width[c.head] = std::abs(u.advance - u.size) < u.size * 0.02;
    const bool closing = is_closing_punct(u.cp), opening = is_opening_punct(u.cp);
    if (!full_width[c.head] || !(closing || opening)) continue;
    auto [ink_lo, ink_hi] = shaper.ink_x(font, g.gid);  // outline extents: only for the marks
    const double upem = font.upem();
    if (closing && ink_hi <= upem * 0.55) can_trim_right[c.head] = 1;
    if (opening && ink_lo >= upem * 0.45) can_trim_left[c.head] = 1;
  }
  auto punct = [&](size_t i) {
    return is_closing_punct(units[i].cp) || is_opening_punct(units[i].cp);
  };

  // Adjacent full-width marks take 1.5 em: the blank half between them goes.
  char* const trimmed_right = full_width + n;
  char* const trimmed_left = trimmed_right + n;
  for (size_t k = 0; k + 1 < clusters.size(); ++k) {
    size_t a = clusters[k].head, b = clusters[k + 1].head;
    if (clusters[k].last + 1 != b || !full_width[a] || !full_width[b] || !punct(a) || !punct(b))
      continue;
    if (can_trim_right[a]) {
      units[a].advance -= units[a].size / 2.0;
      trimmed_right[a] = 1;
    } else if (can_trim_left[b]) {
      units[b].advance -= units[b].size / 2.0;
      units[b].shift = units[b].size / 2.0;
      trimmed_left[b] = 1;
    }
  }

  for (size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    Unit& u = units[c.head];
    if (can_trim_right[c.head] && !trimmed_right[c.head]) u.end_trim = u.size / 2.0;
    if (format.trim_opening_at_line_start && can_trim_left[c.head] && !trimmed_left[c.head])
      u.start_trim = u.size / 2.0;
    if (k == 0 && c.head == 0 && format.trim_opening_at_start && format.first_indent == 0 &&
        can_trim_left[c.head] && !trimmed_left[c.head])
      u.start_trim = u.size / 2.0;
    if (u.cp == U' ') {
      u.space = true;
      u.end_trim = u.advance;
    }
    u.counts =
        !u.space && (is_han(u.cp) || is_western_alnum(u.cp) || (u.cp >= 0x3040 && u.cp <= 0x30FF));
    if (k + 1 == clusters.size() || clusters[k + 1].head != c.last + 1) continue;
    Unit& next = units[clusters[k + 1].head];
    Unit& last = units[c.last];
    // Han ↔ Latin/digit: a quarter em, sized by the Han side.
    if (format.latin_spacing_em > 0) {
      if (is_han(u.cp) && latin_side(s, clusters[k + 1].head))
        last.glue = format.latin_spacing_em * u.size;
      else if (latin_side(s, c.head) && is_han(next.cp))
        last.glue = format.latin_spacing_em * next.size;
    }
    last.stretch = !(word_like(u.cp) && word_like(next.cp)) && next.cp != U' ' &&
                   !(is_dash_or_ellipsis(u.cp) && next.cp == u.cp);
  }
  return out;
}

}  // namespace bp::text
