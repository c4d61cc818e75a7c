#include "xlsx/column_widths.hpp"

#include <algorithm>
#include <cmath>

#include "document/grid.hpp"
#include "util/utf8.hpp"

namespace bp::xlsx {

namespace {

bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
         // Ambiguous-width punctuation that CJK fonts set full-width.
         c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2026 ||
         c == 0x00B7 || c == 0x2236;
}

// Decodes s[i] like utf8::decode, with ASCII (most of a table's digits and codes) taken directly.
utf8::Decoded next_char(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  return utf8::decode(s, i);
}

// Width a single cell asks for: its widest line plus indent (an em of indent is one CJK character).
double cell_units(const doc::Cell& c) {
  return (c.number ? number_units(*c.number) : text_units(c.text)) + 2.0 * c.indent_em;
}

bool numeric(const doc::Cell& c) {
  return c.number || (c.align != doc::Align::Left && !c.text.empty() &&
                      std::all_of(c.text.begin(), c.text.end(),
                                  [](char ch) { return ch >= '0' && ch <= '9'; }));
}

struct Needs {
  std::vector<double> all;      // units the widest content of each column asks for
  std::vector<double> numbers;  // units its widest number asks for (numbers never wrap)
};

void fit_one(const doc::Table& t, const FitLimits& lim, Needs& need) {
  const int ncols = static_cast<int>(need.all.size());
  struct Span {
    int col, n;
    double units;
  };
  std::vector<Span> spans;
  auto scan = [&](const std::vector<doc::Row>& rows, bool head) {
    auto g = doc::resolve_grid(rows, ncols);
    for (size_t r = 0; r < g.size(); ++r)
      for (int c = 0; c < ncols; ++c) {
        const auto& slot = g[r][c];
        if (!slot.cell || slot.row != static_cast<int>(r) || slot.col != c) continue;
        const int n = std::min(slot.cell->colspan, ncols - c);
        double u = cell_units(*slot.cell);
        if (head) u = std::min(u, lim.header_cap * n);
        if (n > 1) {
          spans.push_back({c, n, u});
          continue;
        }
        need.all[c] = std::max(need.all[c], u);
        if (!head && numeric(*slot.cell)) need.numbers[c] = std::max(need.numbers[c], u);
      }
  };
  scan(t.head, true);
  scan(t.body, false);
  for (const auto& s : spans) {
    double have = 0;
    for (int k = 0; k < s.n; ++k) have += std::min(need.all[s.col + k], lim.max_width);
    const double want = std::min(s.units, lim.max_width * s.n);
    if (have >= want) continue;
    for (int k = 0; k < s.n; ++k) need.all[s.col + k] += (want - have) / s.n;
  }
}

// Excel width for `units` of text: a 5 % margin covers Latin digits of CJK fonts being a little
// wider than Calibri's, plus the cell padding.
double width_for(double units, const FitLimits& lim) {
  return std::ceil(units * 1.05) + lim.padding;
}

ColumnFit finish(const Needs& need, const FitLimits& lim) {
  const size_t n = need.all.size();
  std::vector<double> natural(n), floor(n);
  ColumnFit f;
  double total = 0;
  for (size_t c = 0; c < n; ++c) {
    natural[c] = width_for(need.all[c], lim);
    f.widths.push_back(std::clamp(natural[c], lim.min_width, lim.max_width));
    floor[c] = std::max(std::min(f.widths[c], lim.min_text_width),
                        need.numbers[c] > 0 ? width_for(need.numbers[c], lim) : 0.0);
    total += f.widths[c];
  }
  if (lim.page_units > 0 && total > lim.page_units) {
    // Water-filling: find the level L so that Σ max(floor, min(width, L)) fits the page.
    auto sum_at = [&](double level) {
      double s = 0;
      for (size_t c = 0; c < n; ++c) s += std::max(floor[c], std::min(f.widths[c], level));
      return s;
    };
    double lo = 0, hi = lim.max_width;
    for (int it = 0; it < 50; ++it) {
      const double mid = (lo + hi) / 2;
      (sum_at(mid) > lim.page_units ? hi : lo) = mid;
    }
    const double level = std::floor(lo * 4) / 4;
    for (size_t c = 0; c < n; ++c) f.widths[c] = std::max(floor[c], std::min(f.widths[c], level));
  }
  for (size_t c = 0; c < n; ++c) f.wrap.push_back(natural[c] > f.widths[c]);
  return f;
}

}  // namespace

int char_units(char32_t cp) {
  if (cp == utf8::kInvalid) return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  return wide(cp) ? 2 : 1;
}

int text_units(std::string_view text) {
  int best = 0, line = 0;
  for (size_t i = 0; i < text.size();) {
    auto d = next_char(text, i);
    i += d.len;
    if (d.cp == '\n') {
      best = std::max(best, line);
      line = 0;
      continue;
    }
    line += char_units(d.cp);
  }
  return std::max(best, line);
}

std::string format_number(const doc::Number& n) {
  const bool neg = n.scaled < 0;
  // Magnitude without overflow on INT64_MIN.
  uint64_t v = neg ? 0 - static_cast<uint64_t>(n.scaled) : static_cast<uint64_t>(n.scaled);
  std::string digits = std::to_string(v);
  const int dec = std::max(0, n.decimals);
  if (static_cast<int>(digits.size()) <= dec) digits.insert(0, dec + 1 - digits.size(), '0');
  std::string intpart = digits.substr(0, digits.size() - dec),
              frac = digits.substr(digits.size() - dec);
  std::string grouped;
  for (size_t i = 0; i < intpart.size(); ++i) {
    if (i && (intpart.size() - i) % 3 == 0) grouped += ',';
    grouped += intpart[i];
  }
  return (neg ? "-" : "") + grouped + (dec ? "." + frac : "");
}

int number_units(const doc::Number& n) {
  // format_number's length (every character of it is ASCII: one unit each), without building it.
  const bool neg = n.scaled < 0;
  uint64_t v = neg ? 0 - static_cast<uint64_t>(n.scaled) : static_cast<uint64_t>(n.scaled);
  int digits = 1;
  for (; v >= 10; v /= 10) ++digits;
  const int dec = std::max(0, n.decimals);
  const int int_digits = std::max(digits, dec + 1) - dec;
  return (neg ? 1 : 0) + int_digits + (int_digits - 1) / 3 + (dec ? dec + 1 : 0);
}

int table_columns(const doc::Table& t) {
  if (!t.column_widths.empty()) return static_cast<int>(t.column_widths.size());
  int n = 0;
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& r : *rows) {
      int w = 0;
      for (const auto& c : r.cells) w += c.colspan;
      n = std::max(n, w);
    }
  return std::max(n, 1);
}

ColumnFit fit_columns(const doc::Table& t, const FitLimits& lim) {
  return fit_columns(std::vector{&t}, lim);
}

ColumnFit fit_columns(const std::vector<const doc::Table*>& tables, const FitLimits& lim) {
  int ncols = 1;
  for (const auto* t : tables) ncols = std::max(ncols, table_columns(*t));
  Needs need{std::vector<double>(ncols, 0.0), std::vector<double>(ncols, 0.0)};
  for (const auto* t : tables) {
    const size_t own = table_columns(*t);
    Needs one{std::vector<double>(own, 0.0), std::vector<double>(own, 0.0)};
    fit_one(*t, lim, one);
    for (size_t c = 0; c < own; ++c) {
      need.all[c] = std::max(need.all[c], one.all[c]);
      need.numbers[c] = std::max(need.numbers[c], one.numbers[c]);
    }
  }
  return finish(need, lim);
}

int wrapped_lines(std::string_view text, double width, double padding) {
  // Greedy fill as Excel wraps CJK text: character by character (Latin a little wider, see
  // width_for); every '\n' starts a new line.
  const double usable = std::max(2.0, width - padding);
  int lines = 1;
  double line = 0;
  for (size_t i = 0; i < text.size();) {
    auto d = next_char(text, i);
    i += d.len;
    if (d.cp == '\n') {
      ++lines;
      line = 0;
      continue;
    }
    const int u = char_units(d.cp);
    const double w = u == 1 ? 1.05 : u;
    if (line > 0 && line + w > usable + 1e-9) {
      ++lines;
      line = 0;
    }
    line += w;
  }
  return lines;
}

}  // namespace bp::xlsx
