#include "pdf/content_stream.hpp"

#include <cmath>
#include <map>
#include <vector>

#include "pdf/pdf_format.hpp"

namespace bp::pdf {

namespace {

void rules(std::string& out, const layout::Page& page, bool tagged) {
  if (page.rules.empty()) return;
  if (tagged) out += "/Artifact BMC\n";  // table grids and rules carry no content
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
  if (tagged) out += "EMC\n";
}

// The opening operator of an artifact of kind `tag` (layout/structure.hpp).
const char* artifact_open(int tag) {
  switch (tag) {
    case layout::kArtifactHeader:
      return "/Artifact <</Type/Pagination/Subtype/Header>> BDC\n";
    case layout::kArtifactFooter:
      return "/Artifact <</Type/Pagination/Subtype/Footer>> BDC\n";
    case layout::kArtifactPagination:
      return "/Artifact <</Type/Pagination>> BDC\n";
    default:
      return "/Artifact <</Type/Layout>> BDC\n";
  }
}

// A PDF text string in UTF-16BE with BOM, as hex (for /ActualText).
std::string utf16_hex(const std::u32string& s) {
  std::string out = "<FEFF";
  for (char32_t c : s) {
    if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      append_hex16(out, 0xD800 + (v >> 10));
      append_hex16(out, 0xDC00 + (v & 0x3FF));
    } else {
      append_hex16(out, c);
    }
  }
  return out + ">";
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
             const std::map<const text::Font*, FontRef>& fonts, double synthetic_bold)
      : out_(out), page_(page), fonts_(fonts), bold_em_(synthetic_bold) {}

  // `actual_text`: mark each glyph drawn for other characters than its ToUnicode entry says.
  void item(const layout::TextItem& it, bool actual_text) {
    const auto& g = it.glyphs;
    size_t i = 0;
    while (i < g.size()) {
      if (actual_text && differs(g[i])) {
        std::u32string s(1, g[i].text[0]);
        if (g[i].text[1]) s.push_back(g[i].text[1]);
        out_ += "/Span <</ActualText " + utf16_hex(s) + ">> BDC\n";
        run(it, i, i + 1);
        out_ += "EMC\n";
        ++i;
        continue;
      }
      // A run: same font, size and vertical offset.
      size_t j = i + 1;
      while (j < g.size() && g[j].font == g[i].font && g[j].size == g[i].size &&
             g[j].dy == g[i].dy && !(actual_text && differs(g[j])))
        ++j;
      run(it, i, j);
      i = j;
    }
  }

 private:
  bool differs(const text::PlacedGlyph& g) const {
    if (!g.text[0]) return false;  // a later glyph of a cluster: its text is the cluster head's
    const FontRef& f = fonts_.at(g.font);
    if (!f.unicode) return false;
    const auto it = f.unicode->find(g.gid);
    if (it == f.unicode->end()) return true;
    const std::u32string& u = it->second;
    return !(u.size() == (g.text[1] ? 2u : 1u) && u[0] == g.text[0] &&
             (!g.text[1] || u[1] == g.text[1]));
  }

  void run(const layout::TextItem& it, size_t a, size_t b) {
    const auto& g = it.glyphs;
    const FontRef& f = fonts_.at(g[a].font);
    if (f.resource != font_ || g[a].size != size_) {
      font_ = f.resource;
      size_ = g[a].size;
      out_ += '/' + font_ + ' ' + num(size_, 3) + " Tf\n";
    }
    // Synthetic bold: fill and stroke (2 Tr) with a line width proportional to the size; round
    // joins keep the corners of the strokes from spiking. Back to fill only (0 Tr) after it.
    const bool bold = g[a].font->synthetic_bold();
    if (bold) {
      const std::string width = num(bold_em_ * size_, 3);
      if (!stroking_) out_ += "2 Tr 1 j\n";
      if (width != stroke_) out_ += width + " w\n";
      stroke_ = width;
    } else if (stroking_) {
      out_ += "0 Tr\n";
    }
    stroking_ = bold;
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
  double bold_em_ = 0.03;
  bool stroking_ = false;              // text rendering mode 2 (synthetic bold) in effect
  std::string stroke_;                 // the line width set for it
  long long tc_ = 0;                   // current character spacing, in kern units (see run)
  long long line_x_ = 0, line_y_ = 0;  // origin of the current text line (BT starts at 0 0)
};

}  // namespace

std::string page_content(const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts, const PageMarks* marks,
                         double synthetic_bold) {
  std::string out;
  rules(out, page, marks != nullptr);
  if (!page.text.empty()) {
    out += "BT\n";
    TextWriter w(out, page, fonts, synthetic_bold);
    // Consecutive items of one element (or of one artifact kind) share a marked-content sequence.
    bool open = false;
    int open_mcid = -2, open_tag = 0;
    for (size_t i = 0; i < page.text.size(); ++i) {
      const auto& it = page.text[i];
      if (marks) {
        const int mcid = marks->mcid_of_item[i];
        if (!open || mcid != open_mcid || (mcid < 0 && it.tag != open_tag)) {
          if (open) out += "EMC\n";
          if (mcid >= 0)
            out += std::string("/") +
                   layout::role_name(marks->structure->nodes[static_cast<size_t>(it.tag)].role) +
                   " <</MCID " + std::to_string(mcid) + ">> BDC\n";
          else
            out += artifact_open(it.tag);
          open = true;
          open_mcid = mcid;
          open_tag = it.tag;
        }
      }
      w.item(it, marks && marks->mcid_of_item[i] >= 0);
    }
    if (open) out += "EMC\n";
    out += "ET\n";
  }
  return out;
}

}  // namespace bp::pdf
