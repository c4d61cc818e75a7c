#include "pdf/content_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <vector>

#include "pdf/pdf_format.hpp"

namespace bp::pdf {

GlyphTable GlyphTable::make(const text::Font& font, const FontSubset& subset,
                            const std::map<uint32_t, std::u32string>* unicode) {
  GlyphTable t;
  const double upem = font.upem();
  for (const auto& [gid, cid] : subset.cid_of_gid) {  // ascending glyph IDs
    t.gids.push_back(gid);
    t.cids.push_back(cid);
    t.advance.push_back(font.advance(gid) * 1000.0 / upem);  // as TextWriter::run computed it
    const std::u32string* u = nullptr;
    if (unicode)
      if (const auto it = unicode->find(gid); it != unicode->end()) u = &it->second;
    t.unicode.push_back(u);
  }
  if (!t.gids.empty()) {
    t.bits_.assign(t.gids.back() / 64 + 1, 0);
    for (uint32_t g : t.gids) t.bits_[g / 64] |= uint64_t{1} << (g % 64);
    t.rank_.resize(t.bits_.size());
    uint32_t before = 0;
    for (size_t w = 0; w < t.bits_.size(); ++w) {
      t.rank_[w] = before;
      before += popcount(t.bits_[w]);
    }
  }
  return t;
}

namespace {

void rules(std::string& out, const layout::Page& page, bool tagged) {
  if (page.rules.empty()) return;
  if (tagged) out += "/Artifact BMC\n";  // table grids and rules carry no content
  out += "q 0 G 2 J 0 j\n";  // black, projecting caps: corners of the grid close cleanly
  // The rules of one width are the subpaths of one path, stroked once (ISO 32000-1 8.5.3.1: S
  // strokes every subpath of the current path): 2 bytes less per rule. Opaque black painted once
  // or twice over the same area gives the same pixels (checked with pdftoppm, bench/pdf/README.md
  // "Round 8, 20C").
  double width = -1;
  for (const auto& r : page.rules) {
    if (r.width != width) {
      if (width >= 0) out += "S\n";
      width = r.width;
      append_num(out, width);
      out += " w\n";
    }
    append_num(out, r.x0);
    out += ' ';
    append_num(out, page.height - r.y0);
    out += " m ";
    append_num(out, r.x1);
    out += ' ';
    append_num(out, page.height - r.y1);
    out += " l\n";
  }
  out += "S\nQ\n";
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

// One byte of a literal string: the delimiters and the backslash escaped; a carriage return
// escaped too, since an unescaped end-of-line in a literal string reads as a line feed
// (ISO 32000-1 7.3.4.2). Every other byte, binary ones included, stands for itself.
void append_literal_byte(std::string& out, uint32_t byte) {
  const char c = static_cast<char>(byte);
  if (c == '(' || c == ')' || c == '\\') {
    out += '\\';
  } else if (c == '\r') {
    out += "\\r";
    return;
  }
  out += c;
}

long long hundredths(double v) {
  return std::llround(v * 100);
}

// Appends an exact decimal of hundredths without trailing zeros: 1250 → "12.5", -7 → "-0.07".
void append_hundredths(std::string& s, long long v) {
  if (v < 0) s += '-';
  const unsigned long long a = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : v;
  char buf[24];
  s.append(buf, std::to_chars(buf, buf + sizeof buf, a / 100).ptr);
  if (const unsigned long long f = a % 100) {
    s += '.';
    s += static_cast<char>('0' + f / 10);
    if (f % 10) s += static_cast<char>('0' + f % 10);
  }
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
        out_ += "/Span <</ActualText ";
        out_ += utf16_hex(s);
        out_ += ">> BDC\n";
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
  // The font resource of a glyph's font: consecutive glyphs mostly share one.
  const FontRef& ref(const text::Font* font) {
    if (font != last_font_) {
      last_font_ = font;
      last_ref_ = &fonts_.at(font);
    }
    return *last_ref_;
  }

  bool differs(const text::PlacedGlyph& g) {
    if (!g.text[0]) return false;  // a later glyph of a cluster: its text is the cluster head's
    const FontRef& f = ref(g.font);
    if (!f.unicode) return false;
    const std::u32string* u = nullptr;
    if (f.table) {
      const size_t k = f.table->find(g.gid);
      if (k < f.table->gids.size()) u = f.table->unicode[k];
    } else if (const auto it = f.unicode->find(g.gid); it != f.unicode->end()) {
      u = &it->second;
    }
    if (!u) return true;
    return !(u->size() == (g.text[1] ? 2u : 1u) && (*u)[0] == g.text[0] &&
             (!g.text[1] || (*u)[1] == g.text[1]));
  }

  void run(const layout::TextItem& it, size_t a, size_t b) {
    const auto& g = it.glyphs;
    const FontRef& f = ref(g[a].font);
    if (f.resource != font_ || g[a].size != size_) {
      font_ = f.resource;
      size_ = g[a].size;
      out_ += '/';
      out_ += font_;
      out_ += ' ';
      append_num(out_, size_, 3);
      out_ += " Tf\n";
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
    append_hundredths(out_, x - line_x_);
    out_ += ' ';
    append_hundredths(out_, y - line_y_);
    out_ += " Td\n";
    line_x_ = x;
    line_y_ = y;
    // Each glyph's CID and advance (thousandths of an em), from the table when there is one.
    cid_.resize(b - a);
    advance_.resize(b - a);
    for (size_t k = a; k < b; ++k) {
      if (f.table) {
        const size_t i = f.table->find(g[k].gid);
        if (i < f.table->gids.size()) {
          cid_[k - a] = f.table->cids[i];
          advance_[k - a] = f.table->advance[i];
          continue;
        }
      }
      cid_[k - a] = f.subset->cid_of_gid.at(g[k].gid);
      advance_[k - a] = f.font->advance(g[k].gid) * 1000.0 / f.font->upem();
    }
    // TJ adjustments in tenths of a thousandth of an em: the glyph's /W advance minus where the
    // next glyph really is.
    kern_.assign(b - a, 0);
    for (size_t k = a + 1; k < b; ++k)
      kern_[k - a] =
          std::llround((advance_[k - 1 - a] - (g[k].x - g[k - 1].x) * 1000.0 / size_) * 10);
    // Inter-character justification adds the same gap after most glyphs of a line: that gap
    // becomes the character spacing (Tc) and only the exceptions stay in the TJ array. Tc also
    // follows the run's last glyph, which moves nothing: the next run is placed by Td.
    const long long common = common_gap();
    if (common != tc_) {
      tc_ = common;
      append_num(out_, -static_cast<double>(common) / 10000.0 * size_, 4);
      out_ += " Tc\n";
    }
    // The CIDs as literal strings of two bytes each (ISO 32000-1 7.3.4.2), half the length of the
    // hex strings they replaced: a fifth of the content bytes less to write and to deflate.
    out_ += "[(";
    for (size_t k = a; k < b; ++k) {
      if (const long long rest = kern_[k - a] - (k > a ? common : 0); k > a && rest != 0) {
        out_ += ')';
        append_hundredths(out_, rest * 10);
        out_ += '(';
      }
      append_literal_byte(out_, cid_[k - a] >> 8);
      append_literal_byte(out_, cid_[k - a] & 0xFF);
    }
    out_ += ")]TJ\n";
  }

  // The gap (tenths of a thousandth of an em) shared by most glyph pairs of the run in kern_, if
  // it is not 0 and is shared by at least three pairs; else 0. Ties go to the smallest gap.
  long long common_gap() {
    counts_.clear();  // (gap, pairs): a run has few distinct gaps
    for (size_t i = 1; i < kern_.size(); ++i) {
      auto c = std::find_if(counts_.begin(), counts_.end(),
                            [&](const auto& p) { return p.first == kern_[i]; });
      if (c == counts_.end())
        counts_.push_back({kern_[i], 1});
      else
        ++c->second;
    }
    long long best = 0;
    size_t best_n = 0;
    for (const auto& [k, n] : counts_)
      if (n > best_n || (n == best_n && k < best)) {
        best = k;
        best_n = n;
      }
    return best_n >= 3 && 2 * best_n >= kern_.size() - 1 ? best : 0;
  }

  std::string& out_;
  const layout::Page& page_;
  const std::map<const text::Font*, FontRef>& fonts_;
  const text::Font* last_font_ = nullptr;
  const FontRef* last_ref_ = nullptr;
  std::string font_;
  double size_ = 0;
  double bold_em_ = 0.03;
  bool stroking_ = false;              // text rendering mode 2 (synthetic bold) in effect
  std::string stroke_;                 // the line width set for it
  long long tc_ = 0;                   // current character spacing, in kern units (see run)
  long long line_x_ = 0, line_y_ = 0;  // origin of the current text line (BT starts at 0 0)
  // Buffers of run(), kept between runs.
  std::vector<uint32_t> cid_;
  std::vector<double> advance_;
  std::vector<long long> kern_;
  std::vector<std::pair<long long, size_t>> counts_;
};

}  // namespace

std::string page_content(const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts, const PageMarks* marks,
                         double synthetic_bold) {
  std::string out;
  append_page_content(out, page, fonts, marks, synthetic_bold);
  return out;
}

void append_page_content(std::string& out, const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts, const PageMarks* marks,
                         double synthetic_bold) {
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
          if (mcid >= 0) {
            out += '/';
            out += layout::role_name(marks->structure->nodes[static_cast<size_t>(it.tag)].role);
            out += "<</MCID ";  // no spaces around delimiters: 2 bytes of each of ≈ 3 000
            char buf[16];
            out.append(buf, std::to_chars(buf, buf + sizeof buf, mcid).ptr);
            out += ">>BDC\n";
          } else {
            out += artifact_open(it.tag);
          }
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
}

}  // namespace bp::pdf
