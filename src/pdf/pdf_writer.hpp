// Writes a laid-out document as PDF 1.7 bytes. PoDoFo builds the object graph (pages, Flate
// streams, outlines, link annotations, Info, catalog); the fonts and content streams are written as
// raw objects because PoDoFo 0.9.8 cannot embed CJK CFF fonts (STACK-NOTES).
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/page.hpp"

namespace bp::pdf {

struct FontStats {
  std::string name;  // PostScript name
  std::string file;
  int glyphs = 0;        // glyphs in the subset (without .notdef)
  size_t cff_bytes = 0;  // subset CFF size before Flate
  bool cid_equals_gid = true;
};

struct WriteStats {
  std::vector<FontStats> fonts;
  double subset_ms = 0;
};

struct WriteOptions {
  bool keep_hinting = false;  // keep the fonts' CFF hints in the subsets (theme fonts.hinting)
};

// Deterministic: no random IDs, dates only from meta.epoch (0 = no dates), stable object order.
std::string write_pdf(const layout::DocumentLayout& layout, const doc::Meta& meta,
                      WriteStats* stats = nullptr, const WriteOptions& options = {});

}  // namespace bp::pdf
