#include "text/typeset.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

#include "text/prepared_cache.hpp"
#include "text/unicode.hpp"
#include "text/units.hpp"

namespace bp::text {

namespace {

constexpr double kEps = 1e-6;
// Word-aware lines: a word boundary is preferred to a break inside a term or word as long as the
// line it ends fills at least this share of the measure.
constexpr double kShortLine = 0.3;

struct Range {
  size_t first, last;  // inclusive unit indices
  bool hard;           // ended by a newline or the end of the text
};

class Filler {
 public:
  Filler(const Units& u, const ParagraphFormat& f)
      : u_(u.units), f_(f), units_one_line_(u.one_line) {}

  double avail(bool first_line) const {
    return f_.width - f_.indent - (first_line ? f_.first_indent : 0);
  }

  // Last unit that prints (not hidden, not a trailing space) in [a, e]; npos if none.
  size_t print_end(size_t a, size_t e) const {
    for (size_t i = e + 1; i-- > a;)
      if (!u_[i].hidden() && !u_[i].space) return i;
    return npos;
  }

  // Natural width of [a, e] as a line: start/end trims applied, glue inside kept.
  double width(size_t a, size_t e) const {
    size_t pe = print_end(a, e);
    if (pe == npos) return 0;
    double w = -u_[a].start_trim;
    for (size_t i = a; i <= pe; ++i) {
      w += u_[i].advance;
      if (i < pe) w += u_[i].glue;
    }
    return w - u_[pe].end_trim;
  }

  // Greedy: the longest line from `a` that fits; at least one cluster. Word-aware text ends the
  // line at the last word boundary that fits, inside a term only when no boundary gives a line of
  // a reasonable length (kShortLine of the measure), inside a word only when nothing else does.
  Range next_line(size_t a, bool first_line) const {
    const double room = avail(first_line) + kEps;
    const size_t n = u_.size();
    double x = -u_[a].start_trim;
    std::array<size_t, 4> best{npos, npos, npos, npos};  // by WordJoin
    std::array<double, 4> best_w{};
    for (size_t i = a; i < n; ++i) {
      x += u_[i].advance;
      const double w = x - u_[i].end_trim;
      if (w > room) break;
      if (u_[i].brk == Break::Mandatory) return {a, i, true};
      if (u_[i].brk == Break::Allowed) {
        const auto tier = static_cast<size_t>(u_[i].join);
        best[tier] = i;
        best_w[tier] = w;
      }
      x += u_[i].glue;
    }
    if (f_.keep_terms)  // a word boundary or a seam, however short the line
      for (size_t t = 0; t <= static_cast<size_t>(WordJoin::InTerm); ++t)
        if (best[t] != npos && best_w[t] >= kShortLine * room) return {a, best[t], false};
    if (f_.keep_terms)
      for (size_t t = 0; t <= static_cast<size_t>(WordJoin::InTerm); ++t)
        if (best[t] != npos) return {a, best[t], false};
    for (size_t t = 0; t < best.size(); ++t)
      if (best[t] != npos && best_w[t] >= kShortLine * room) return {a, best[t], false};
    for (size_t b : best)
      if (b != npos) return {a, b, false};
    // Emergency: a single unbreakable piece wider than the measure (a long number in a narrow
    // cell). Break at the last cluster boundary that fits.
    x = -u_[a].start_trim;
    size_t e = a;
    for (size_t i = a; i < n; ++i) {
      x += u_[i].advance;
      if (x - u_[i].end_trim > room && i > a) break;
      if (u_[i].brk == Break::Mandatory) return {a, i, true};
      if (i + 1 < n && u_[i + 1].glyph_begin == u_[i + 1].glyph_end && !u_[i + 1].hidden())
        continue;  // inside a cluster
      e = i;
      x += u_[i].glue;
    }
    while (e + 1 < n && u_[e + 1].glyph_begin == u_[e + 1].glyph_end && !u_[e + 1].hidden()) ++e;
    return {a, e, u_[e].brk == Break::Mandatory};
  }

  std::vector<Range> fill(size_t a, bool first_line) const {
    std::vector<Range> out;
    out.reserve(4);  // most cells and headings: one allocation, not one per doubling
    while (a < u_.size()) {
      Range r = next_line(a, first_line);
      out.push_back(r);
      a = r.last + 1;
      if (!r.hard)
        while (a < u_.size() && u_[a].space) ++a;  // spaces at a soft break vanish
      first_line = false;
    }
    return out;
  }

  // Two lines of even length for centred text, preferring a break where the script changes or after
  // punctuation (办公室|2023年…) over one inside a run of Han characters (办公|室).
  std::optional<std::vector<Range>> even_two_lines() const {
    const size_t n = u_.size();
    if (n < 2 || u_[n - 1].brk != Break::Mandatory) return std::nullopt;
    for (size_t i = 0; i + 1 < n; ++i)
      if (u_[i].brk == Break::Mandatory) return std::nullopt;  // a hard break decides already
    double best = 1e300;
    std::optional<std::vector<Range>> out;
    for (size_t e = 0; e + 1 < n; ++e) {
      if (u_[e].brk != Break::Allowed) continue;
      size_t b = e + 1;
      while (b < n && u_[b].space) ++b;
      if (b >= n) continue;
      const double w1 = width(0, e), w2 = width(b, n - 1);
      if (w1 > avail(true) + kEps || w2 > avail(false) + kEps) continue;
      const bool inside_han = is_han(u_[e].cp) && is_han(u_[b].cp);
      // Word-aware text: a break inside a term or a word costs more than any imbalance.
      const double score = std::abs(w1 - w2) + (inside_han ? 0.2 * f_.width : 0) +
                           static_cast<int>(u_[e].join) * 2.0 * f_.width;
      if (score < best) {
        best = score;
        out = std::vector<Range>{{0, e, false}, {b, n - 1, true}};
      }
    }
    return out;
  }

  int counted(const Range& r) const {
    int c = 0;
    for (size_t i = r.first; i <= r.last; ++i) c += u_[i].counts ? 1 : 0;
    return c;
  }

  // A last line holding one character: end the line before it one opportunity earlier, if that
  // line stays reasonably full and the rest still fits on one line.
  void avoid_single_char_last_line(std::vector<Range>& lines) const {
    if (lines.size() < 2) return;
    const Range& last = lines.back();
    Range& prev = lines[lines.size() - 2];
    if (prev.hard || counted(last) != 1) return;
    const bool prev_first = lines.size() == 2;
    for (size_t e = prev.last; e-- > prev.first;) {
      if (u_[e].brk != Break::Allowed) continue;
      if (width(prev.first, e) < 0.75 * avail(prev_first)) return;
      auto rest = fill(e + 1, false);
      if (rest.size() == 1 && counted(rest[0]) >= 2) {
        prev.last = e;
        lines.back() = rest[0];
      }
      return;
    }
  }

  // Word-aware text (table cells): a last line of one character is never acceptable. Ends one of
  // the soft lines before it earlier (the nearest first, then further back; any opportunity) and
  // refills the rest; takes the first result whose last line holds two characters or more and
  // that needs at most one more line.
  void no_single_char_last_line(std::vector<Range>& lines) const {
    if (lines.size() < 2 || counted(lines.back()) != 1) return;
    const size_t limit = lines.size() + 1;
    for (size_t k = lines.size() - 1; k-- > 0;) {
      const Range& line = lines[k];
      if (line.hard) return;  // the single character follows a hard break: nothing to move
      for (size_t e = line.last; e-- > line.first;) {
        if (u_[e].brk != Break::Allowed) continue;
        if (f_.keep_terms && u_[e].join > WordJoin::InTerm) continue;
        std::vector<Range> trial(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k));
        trial.push_back({line.first, e, false});
        size_t b = e + 1;
        while (b < u_.size() && u_[b].space) ++b;
        if (b >= u_.size()) continue;
        for (const Range& r : fill(b, false)) trial.push_back(r);
        if (trial.size() <= limit && counted(trial.back()) >= 2) {
          lines = std::move(trial);
          return;
        }
      }
    }
  }

  Line place(const Range& r, bool first_line, const Units& all) const {
    Line line;
    line.last = r.hard;
    const size_t pe = print_end(r.first, r.last);
    const double room = avail(first_line);
    const double natural = width(r.first, r.last);
    line.natural = natural;
    double offset = f_.indent + (first_line ? f_.first_indent : 0);
    double per_gap = 0;
    if (pe != npos) {
      switch (f_.align) {
        case Align::Center:
          offset += std::max(0.0, (room - natural) / 2);
          break;
        case Align::Right:
          offset += std::max(0.0, room - natural);
          break;
        case Align::Justify:
          if (!r.hard && natural < room) {
            int gaps = 0;
            for (size_t i = r.first; i < pe; ++i) gaps += u_[i].stretch ? 1 : 0;
            if (gaps > 0) per_gap = (room - natural) / gaps;
            if (f_.max_stretch_em > 0 && per_gap > f_.max_stretch_em * u_[r.first].size)
              per_gap = 0;
          }
          break;
        case Align::Left:
          break;
      }
    }
    line.left = offset;
    double x = offset;
    if (pe != npos) {
      line.glyphs.reserve(pe - r.first + 1);  // a glyph per character, mostly
      for (size_t i = r.first; i <= pe; ++i) {
        const Unit& u = u_[i];
        if (u.hidden()) continue;
        const double start = i == r.first ? u.start_trim : 0;
        double gx = x - u.shift - start;
        for (uint32_t g = u.glyph_begin; g < u.glyph_end; ++g) {
          const UnitGlyph& ug = all.glyphs[g];
          PlacedGlyph pg{u.font, ug.gid, u.size, gx + ug.x_offset, ug.dy, {}};
          if (g == u.glyph_begin) pg.text = {u.cluster_text[0], u.cluster_text[1]};
          line.glyphs.push_back(pg);
          gx += ug.advance;
        }
        x += u.advance - start - (i == pe ? u.end_trim : 0);
        if (i < pe) x += u.glue + (u.stretch ? per_gap : 0);
      }
    }
    line.right = x;
    return line;
  }

  // Whether next_line(0, true) takes the whole text as one line: every width it compares with the
  // room fits (Units::one_line is the largest of them, summed as next_line sums them).
  bool one_line() const { return !u_.empty() && units_one_line_ <= avail(true) + kEps; }

  static constexpr size_t npos = static_cast<size_t>(-1);

 private:
  const std::vector<Unit>& u_;
  const ParagraphFormat& f_;
  double units_one_line_;
};

// Units::one_line: the widths next_line(0, true) compares with the room, in its order of sums;
// their largest. +inf if a hard break before the end (or none at the end) ends the line otherwise.
double one_line_width(const Units& units) {
  const auto& u = units.units;
  if (u.empty() || u.back().brk != Break::Mandatory) return std::numeric_limits<double>::infinity();
  double x = -u[0].start_trim;
  double widest = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < u.size(); ++i) {
    x += u[i].advance;
    widest = std::max(widest, x - u[i].end_trim);
    if (u[i].brk == Break::Mandatory && i + 1 < u.size())
      return std::numeric_limits<double>::infinity();
    x += u[i].glue;
  }
  return widest;
}

Units prepared_units(std::span<const StyledText> text, const ParagraphFormat& format,
                     ShapeCache& shaper, Coverage& coverage, WordBreaker* words,
                     LineBreaker* breaker) {
  Units u = make_units(text, format, shaper, coverage, words, breaker);
  u.one_line = one_line_width(u);
  return u;
}

}  // namespace

namespace {
// Width of the widest piece between two break opportunities (without indents); break
// opportunities that cut deeper than `keep` do not count. Each piece's width is Filler::width of
// it, summed in one pass as Filler::width sums (the start trim, then per unit its advance and,
// before the last printing unit, its glue; less that unit's end trim): the same operations in the
// same order, without a scan back for the last printing unit and a second pass per piece.
double widest_piece(const Units& units, WordJoin keep = WordJoin::InTerm) {
  const auto& u = units.units;
  double w = 0;
  bool start = true, printed = false;
  double x = 0, at_print = 0, trim = 0;
  for (size_t i = 0; i < u.size(); ++i) {
    if (start) {
      x = -u[i].start_trim;
      printed = start = false;
    }
    x += u[i].advance;
    if (!u[i].hidden() && !u[i].space) {  // the piece's last printing unit so far
      at_print = x;
      trim = u[i].end_trim;
      printed = true;
    }
    x += u[i].glue;  // counts only if a printing unit follows in the piece
    if (u[i].brk == Break::Prohibited) continue;
    if (u[i].brk == Break::Allowed && u[i].join >= keep && i + 1 < u.size()) continue;
    w = std::max(w, printed ? at_print - trim : 0.0);
    start = true;
  }
  return w;
}
}  // namespace

namespace {
// The units of a Prepared nothing was prepared into (an empty cell): one immutable empty object
// shared by all, instead of an allocation per Prepared (a table's cells are default-constructed
// before prepare() replaces them; 9 700 allocations per document, issue 20t).
const std::shared_ptr<const Units>& no_units() {
  static const std::shared_ptr<const Units> none = std::make_shared<const Units>();
  return none;
}
}  // namespace

Prepared::Prepared() : units_(no_units()) {}
Prepared::~Prepared() = default;
Prepared::Prepared(Prepared&&) noexcept = default;
Prepared& Prepared::operator=(Prepared&&) noexcept = default;

Prepared Typesetter::prepare(std::span<const StyledText> text, const ParagraphFormat& format) {
  Prepared p;
  if (!cache_) {
    p.units_ = std::make_shared<const Units>(
        prepared_units(text, format, shaper_, coverage_, words_, breaker_));
    return p;
  }
  std::string& key = cache_->key_buffer();
  PreparedCache::key_into(key, text, format, format.word_aware && words_);
  if (auto hit = cache_->find(key)) {
    p.units_ = std::move(hit);
    return p;
  }
  const size_t reported = coverage_.events();
  Units made = prepared_units(text, format, shaper_, coverage_, words_, breaker_);
  // A long text is stored only when the document before prepared it too (a boilerplate paragraph
  // of a batch); a call that reported to Coverage never is.
  const bool clean = coverage_.events() == reported;
  const bool store = clean && (PreparedCache::memoised(text) || cache_->stored_if_recurring(key));
  if (store) {
    made.units.shrink_to_fit();  // kept in the memo: no spare capacity
    made.glyphs.shrink_to_fit();
  } else if (clean) {
    cache_->note_unstored(key);
  }
  auto units = std::make_shared<const Units>(std::move(made));
  if (store) cache_->insert(key, units);
  p.units_ = std::move(units);
  return p;
}

namespace {
std::vector<Range> line_ranges(const Units& units, const ParagraphFormat& format) {
  Filler filler(units, format);
  // One line: what fill() returns, and nothing below changes it (balance and the last-line rules
  // act on two lines or more).
  if (filler.one_line()) return {{0, units.units.size() - 1, true}};
  auto ranges = filler.fill(0, true);
  if (format.balance && ranges.size() == 2) {
    if (auto two = filler.even_two_lines()) ranges = *two;
  } else if (format.balance && ranges.size() > 2) {
    // Narrow the measure as long as the line count stays; place in the full measure.
    // Never narrower than the widest unbreakable piece: the emergency break would then split a
    // number ("12333.3|3") and still keep the line count.
    ParagraphFormat narrow = format;
    double lo = std::max(format.width / static_cast<double>(ranges.size()) - 1,
                         widest_piece(units) + format.indent - 0.01);
    double hi = format.width;
    for (int i = 0; i < 12 && hi - lo > 0.5; ++i) {
      narrow.width = (lo + hi) / 2;
      if (Filler(units, narrow).fill(0, true).size() <= ranges.size())
        hi = narrow.width;
      else
        lo = narrow.width;
    }
    narrow.width = hi;
    ranges = Filler(units, narrow).fill(0, true);
    if (format.word_aware) Filler(units, narrow).no_single_char_last_line(ranges);
  } else if (format.word_aware) {
    filler.no_single_char_last_line(ranges);
  } else if (format.avoid_single_char_last_line) {
    filler.avoid_single_char_last_line(ranges);
  }
  return ranges;
}
}  // namespace

Fit Typesetter::fit(const Prepared& text, const ParagraphFormat& format) const {
  const Units& units = *text.units_;
  Fit f;
  if (units.units.empty()) return f;
  if (Filler(units, format).one_line()) {  // the common case in column sizing: no ranges made
    f.lines = 1;
    return f;
  }
  if (!format.balance) {
    // The greedy lines, counted as they come (issue 20z: no vector of ranges per fit; column
    // sizing asks tens of thousands of fits per document). line_ranges() changes them only when
    // the last of two or more lines holds one counted character (the last-line rules): then it
    // is asked below.
    const Filler filler(units, format);
    const size_t n = units.units.size();
    Fit g;
    Range last{0, 0, true};
    for (size_t a = 0; a < n; ++g.lines) {
      last = filler.next_line(a, g.lines == 0);
      if (!last.hard) {
        if (units.units[last.last].join > WordJoin::InTerm) ++g.inner_breaks;
        if (units.units[last.last].join == WordJoin::InTerm) ++g.seam_breaks;
      }
      a = last.last + 1;
      if (!last.hard)
        while (a < n && units.units[a].space) ++a;  // spaces at a soft break vanish
    }
    g.single_last = g.lines > 1 && filler.counted(last) == 1;
    if (!g.single_last || !(format.word_aware || format.avoid_single_char_last_line)) return g;
  }
  const auto ranges = line_ranges(units, format);
  f.lines = static_cast<int>(ranges.size());
  for (const Range& r : ranges) {
    if (r.hard) continue;
    if (units.units[r.last].join > WordJoin::InTerm) ++f.inner_breaks;
    if (units.units[r.last].join == WordJoin::InTerm) ++f.seam_breaks;
  }
  if (ranges.size() > 1) {
    int c = 0;
    for (size_t i = ranges.back().first; i <= ranges.back().last; ++i)
      c += units.units[i].counts ? 1 : 0;
    f.single_last = c == 1;
  }
  return f;
}

std::vector<Line> Typesetter::set(const Prepared& text, const ParagraphFormat& format) const {
  const Units& units = *text.units_;
  std::vector<Line> out;
  if (units.units.empty()) return out;
  Filler filler(units, format);
  const auto ranges = line_ranges(units, format);
  out.reserve(ranges.size());
  for (size_t k = 0; k < ranges.size(); ++k) out.push_back(filler.place(ranges[k], k == 0, units));
  return out;
}

Extent Typesetter::measure(const Prepared& text, const ParagraphFormat& format) const {
  const Units& units = *text.units_;
  const auto& u = units.units;
  Filler filler(units, format);
  Extent e;
  e.min = widest_piece(units, WordJoin::InWord);
  e.term_min = widest_piece(units, WordJoin::InTerm);
  e.seam_min = widest_piece(units, WordJoin::InTermWord);
  size_t line = 0;
  bool first = true;
  for (size_t i = 0; i < u.size(); ++i) {
    if (u[i].brk == Break::Mandatory) {
      const double w = filler.width(line, i) + (first ? format.first_indent : 0);
      e.hard_lines.push_back(w + format.indent);
      e.max = std::max(e.max, w);
      line = i + 1;
      first = false;
    }
  }
  e.min += format.indent;
  e.term_min += format.indent;
  e.seam_min += format.indent;
  e.max += format.indent;
  e.max = std::max(e.max, e.term_min);
  e.seam_min = std::max(e.seam_min, e.min);
  e.term_min = std::max(e.term_min, e.seam_min);
  return e;
}

}  // namespace bp::text
