// A page's content stream from its display list: rules as stroked lines, text as BT … TJ … ET with
// 2-byte CIDs (Identity-H) in literal strings and TJ position adjustments for everything that is
// not the glyph's own /W advance (justification, Han–Latin space, punctuation compression, tabular
// digits).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "layout/page.hpp"
#include "pdf/font_subset.hpp"

namespace bp::pdf {

// What content streams need of each glyph of one font's subset, in arrays looked up once per
// glyph instead of three map look-ups and a HarfBuzz call (GlyphTable::make in the writer).
struct GlyphTable {
  std::vector<uint32_t> gids;                  // ascending
  std::vector<uint32_t> cids;                  // the CID of gids[i] (FontSubset::cid_of_gid)
  std::vector<double> advance;                 // its advance in thousandths of an em
  std::vector<const std::u32string*> unicode;  // its ToUnicode text (nullptr: none)

  static GlyphTable make(const text::Font& font, const FontSubset& subset,
                         const std::map<uint32_t, std::u32string>* unicode);
  // Index of `gid` in gids, or gids.size(). Every glyph of a page is looked up (twice when
  // tagged): a bitmap of the glyph IDs with the count of set bits before each word answers in a
  // few instructions, where a binary search of a CJK document's ≈ 2 000 glyphs took eleven steps.
  // 12 KB for a face of 65 536 glyphs.
  size_t find(uint32_t gid) const {
    const size_t w = gid / 64;
    if (w >= bits_.size()) return gids.size();
    const uint64_t below = uint64_t{1} << (gid % 64);
    const uint64_t word = bits_[w];
    if (!(word & below)) return gids.size();
    return rank_[w] + popcount(word & (below - 1));
  }

 private:
  // Set bits of `v` (SWAR: the build targets plain x86-64, where std::popcount is a libgcc call).
  static unsigned popcount(uint64_t v) {
    v = v - ((v >> 1) & 0x5555555555555555ULL);
    v = (v & 0x3333333333333333ULL) + ((v >> 2) & 0x3333333333333333ULL);
    v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return static_cast<unsigned>((v * 0x0101010101010101ULL) >> 56);
  }
  std::vector<uint64_t> bits_;  // bit gid % 64 of word gid / 64: gid is in gids
  std::vector<uint32_t> rank_;  // set bits in the words before each word
};

struct FontRef {
  size_t index = 0;      // order of first use; resource name "F<index+1>"
  std::string resource;  // "F1"
  const text::Font* font = nullptr;
  const FontSubset* subset = nullptr;
  // What the ToUnicode CMap says each glyph stands for (gid → characters); a glyph drawn for other
  // characters gets them as /ActualText.
  const std::map<uint32_t, std::u32string>* unicode = nullptr;
  // The same facts in arrays (optional: without it the maps above and the font are asked).
  const GlyphTable* table = nullptr;
};

// Marked content of a tagged page: the MCID of each text item (-1: an artifact, whose kind is the
// item's tag) and the structure element names the sequences are opened with.
struct PageMarks {
  std::vector<int> mcid_of_item;
  const layout::Structure* structure = nullptr;
};

// Without `marks` the content is untagged (no marked content at all). `synthetic_bold`: stroke
// width (em of the text size) of glyphs of a synthetic bold font (text::Font::synthetic_bold):
// they are filled and stroked (text rendering mode 2), as Word and WPS embolden a font without a
// bold face; pages without such glyphs carry no rendering-mode operators at all.
std::string page_content(const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts,
                         const PageMarks* marks = nullptr, double synthetic_bold = 0.03);
// The same appended to `out` (after the page's image operators, without a copy). Thread-safe:
// pages may be written on two threads at once.
void append_page_content(std::string& out, const layout::Page& page,
                         const std::map<const text::Font*, FontRef>& fonts,
                         const PageMarks* marks = nullptr, double synthetic_bold = 0.03);

}  // namespace bp::pdf
