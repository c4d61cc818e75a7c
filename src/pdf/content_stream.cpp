#include "pdf/content_stream.hpp"

#include <cmath>
#include <map>
#include <vector>

#include "pdf/pdf_format.hpp"

namespace bp::pdf {

namespace {

void rules(std::string& out, const layout::Page& page) {
  if (page.rules.empty()) return;
  out += "q 0 G 2 J 0 j\n";  // black, projecting caps: corners of the grid close cleanly
  double width = -1;
  for (const auto& r : page.rules) {
    if (r.width != width) {
      width = r.width;
      out += num(width) + " w\n";
    }
    out += num(r.x0) + ' ' + num(page.height - r.y0) + " m " + num(r.x1) + ' ' +
           num(page.height - r.y1) + " l S\n";
  }
  out += "Q\n";
}

long long hundredths(double v) {
  return std::llround(v * 100);
}

// An exact decimal of hundredths without trailing zeros: 1250 → "12.5", -7 → "-0.07".
std::string hundredths_text(long long v) {
  std::string s = v < 0 ? "-" : "";
  const unsigned long long a = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : v;
  s += std::to_string(a / 100);
  if (const unsigned long long f = a % 100) {
    s += '.';
    s += static_cast<char>('0' + f / 10);
    if (f % 10) s += static_cast<char>('0' + f % 10);
  }
  return s;
}

class TextWriter {
 public:
  TextWriter(std::string& out, const layout::Page& page,
             const std::map<const text::Font*, FontRef>& fonts)
      : out_(out), page_(page), fonts_(fonts) {}

  void item(const layout::TextItem& it) {
    const auto& g = it.glyphs;
    size_t i = 0;
    while (i < g.size()) {
      // A run: same font, size and vertical offset.
      size_t j = i + 1;
      while (j < g.size() && g[j].font == g[i].font && g[j].size == g[i].size && g[j].dy == g[i].dy)
        ++j;
      run(it, i, j);
      i = j;
    }
  }

 private:
  void run(const layout::TextItem& it, size_t a, size_t b) {
    const auto& g = it.glyphs;
    const FontRef& f = fonts_.at(g[a].font);
    if (f.resource != font_ || g[a].size != size_) {
      font_ = f.resource;
      size_ = g[a].size;
      out_ += '/' + font_ + ' ' + num(size_, 3) + " Tf\n";
    }
    // Td moves relative to the previous run's origin: shorter than an absolute Tm for every run
    // (a third of the raw content bytes). Positions are kept in exact 0.01 pt steps so that the
    // relative moves never accumulate rounding drift.
    const long long x = hundredths(it.x + g[a].x), y = hundredths(page_.height - it.y + g[a].dy);
    out_ += hundredths_text(x - line_x_) + ' ' + hundredths_text(y - line_y_) + " Td\n";
    line_x_ = x;
    line_y_ = y;
    // TJ adjustments in tenths of a thousandth of an em: the glyph's /W advance minus where the
    // next glyph really is.
    const double upem = f.font->upem();
    std::vector<long long> kern(b - a, 0);
    for (size_t k = a + 1; k < b; ++k) {
      const double w = f.font->advance(g[k - 1].gid) * 1000.0 / upem;
      kern[k - a] = std::llround((w - (g[k].x - g[k - 1].x) * 1000.0 / size_) * 10);
    }
    // Inter-character justification adds the same gap after most glyphs of a line: that gap
    // becomes the character spacing (Tc) and only the exceptions stay in the TJ array. Tc also
    // follows the run's last glyph, which moves nothing: the next run is placed by Td.
    const long long common = common_gap(kern);
    if (common != tc_) {
      tc_ = common;
      out_ += num(-static_cast<double>(common) / 10000.0 * size_, 4) + " Tc\n";
    }
    out_ += "[<";
    for (size_t k = a; k < b; ++k) {
      if (const long long rest = kern[k - a] - (k > a ? common : 0); k > a && rest != 0)
        out_ += ">" + hundredths_text(rest * 10) + "<";
      append_hex16(out_, f.subset->cid_of_gid.at(g[k].gid));
    }
    out_ += ">]TJ\n";
  }

  // The gap (tenths of a thousandth of an em) shared by most glyph pairs of a run, if it is not 0
  // and is shared by at least three pairs; else 0.
  static long long common_gap(const std::vector<long long>& kern) {
    std::map<long long, size_t> count;
    for (size_t i = 1; i < kern.size(); ++i) ++count[kern[i]];
    long long best = 0;
    size_t best_n = 0;
    for (const auto& [k, n] : count)
      if (n > best_n) {
        best = k;
        best_n = n;
      }
    return best_n >= 3 && 2 * best_n >= kern.size() - 1 ? best : 0;
  }

  std::string& out_;
  const layout::Page& page_;
  const std::map<const text::Font*, FontRef>& fonts_;
  std::string font_;
  double size_ = 0;
  long long tc_ = 0;                   // current character spacing, in kern units (see run)
  long long line_x_ = 0, line_y_ = 0;  // origin of the current text line (BT starts at 0 0)
};

}  // namespace

std::string page_content(const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts) {
  std::string out;
  rules(out, page);
  if (!page.text.empty()) {
    out += "BT\n";
    TextWriter w(out, page, fonts);
    for (const auto& it : page.text) w.item(it);
    out += "ET\n";
  }
  return out;
}

}  // namespace bp::pdf
