// Subsetting one font for one document with the hb-subset plan API (STACK-NOTES): glyph IDs are
// renumbered (no RETAIN_GIDS), layout tables are dropped from the input so that no closure pulls in
// extra glyphs. For CFF outlines the 'CFF ' table of the result is what the PDF embeds
// (CIDFontType0C); for TrueType (glyf) outlines the whole subset font file (FontFile2 of a
// CIDFontType2), its glyphs addressed by their new glyph IDs (CID = GID, /CIDToGIDMap /Identity).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "text/font.hpp"

namespace bp::pdf {

class SubsetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FontSubset {
  std::string cff;                          // the subset's CFF table (CFF outlines)
  std::string sfnt;                         // the subset font file (TrueType outlines)
  std::map<uint32_t, uint32_t> cid_of_gid;  // original glyph ID → CID used in content streams
  bool cid_keyed = false;
  bool cid_equals_gid = true;  // read from the subset's charset, not assumed
};

// `gids` are original glyph IDs (0 is added). Throws SubsetError naming the font file. Unhinted
// subsets of a CID-keyed CFF face come from the face's cache of charstrings when it knows every
// glyph (text/cff_subset_cache.hpp; byte-identical to hb-subset's), else from hb-subset, whose
// table the cache then learns; `use_cache` false bypasses the cache (tests compare the two).
FontSubset subset_font(const text::Font& font, const std::set<uint32_t>& gids,
                       bool keep_hinting = false, bool use_cache = true);

}  // namespace bp::pdf
