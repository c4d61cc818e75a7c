// Our own Type 2 charstring flattener (issue 20E): a glyph's charstring of a CID-keyed CFF face
// with its subroutine calls inlined and its hints dropped — byte for byte what hb-subset 6.0
// writes with HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING
// (cff1_cs_opset_flatten_t in hb-subset-cff1.cc, on the interpreter of hb-cff-interp-cs-common.hh
// and hb-cff1-interp-cs.hh).
//
// Why not the library: hb-subset spends ≈ 80 K instructions per glyph in its generic interpreter
// (53 M of a cold 434 run's 333 M); this one 8–17 K on Noto CJK (bench/pdf/README.md,
// "Round 9, 20E"). hb-subset stays the reference (tests, the cache's checks) and the fallback.
//
// What it models, as HarfBuzz does it: the advance width (the first stack entry when the first
// stem, hint mask, move or endchar has one operand too many) written once before that operator;
// hstem/vstem(hm), hintmask/cntrmask and their mask bytes dropped (the mask's size from the stems
// so far, counting the operands before the first mask as an implicit vstem); callsubr/callgsubr
// inlined (biases 107/1131/32768), `return` dropped, the charstring ended by `endchar`, also
// inside a subroutine; numbers written again in the shortest form (1 byte for −107…107, 2 bytes
// up to ±1131, 28 + int16 else, 255 + 16.16 for a fraction).
//
// Safety first: anything else — an arithmetic or reserved operator, dotsection, a seac-like
// endchar (4 operands), stack over- or underflow, subroutine depth beyond 10, a subroutine number
// out of range, a truncated charstring, no endchar — is refused (`flatten` returns false) and the
// glyph goes to hb-subset as before. The cache (text/cff_subset_cache.hpp) also checks the
// flattener against hb-subset's charstrings on each face before it trusts it.
//
// Reads the face's CFF table lazily through its INDEX offsets: only the charstrings and
// subroutines a glyph uses are touched (the mapped file's pages, given back after a subset).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::text {

class CffFlattener {
 public:
  // The flattener of `cff` (a whole CID-keyed 'CFF ' table, which must outlive it); nothing when
  // the table is not CID-keyed CFF or its structure does not read.
  static std::optional<CffFlattener> open(std::string_view cff);

  uint32_t glyph_count() const { return charstrings_.count; }
  uint32_t font_dict_count() const { return static_cast<uint32_t>(local_.size()); }
  // The font dict (FDSelect) and CID (charset) of an original glyph; `gid` < glyph_count().
  uint32_t fd(uint32_t gid) const;
  uint32_t cid(uint32_t gid) const;

  // Glyph `gid`'s charstring as the table holds it (tests read hb-subset's output with it).
  bool charstring(uint32_t gid, std::string_view& out) const { return charstrings_.item(gid, out); }

  // Appends glyph `gid`'s flattened charstring to `out` (cleared first); false when refused
  // (then `out` holds nothing useful).
  bool flatten(uint32_t gid, std::string& out) const;

  // Flattens a charstring given directly with these subroutines (tests: crafted charstrings).
  // `local` and `global` are INDEX bytes (count 0 for none).
  static bool flatten_charstring(std::string_view charstring, std::string_view local_index,
                                 std::string_view global_index, std::string& out);

  // An INDEX read through its offsets, item by item.
  struct Index {
    const unsigned char* offsets = nullptr;  // count + 1 offsets
    const unsigned char* data = nullptr;     // item data, offsets count from 1 before it
    size_t data_size = 0;
    uint32_t count = 0;
    unsigned off_size = 0;
    bool item(uint32_t i, std::string_view& out) const;
  };
  // An Index and the subroutine bias of its count.
  struct Subrs {
    Index index;
    int bias = 107;
  };

 private:
  std::string_view cff_;
  Index charstrings_;
  Subrs global_;
  std::vector<Subrs> local_;                              // per font dict
  std::vector<std::pair<uint32_t, uint32_t>> fd_ranges_;  // first glyph → font dict
  // charset: format 0 reads the table directly; formats 1 and 2 as ranges first glyph → first CID.
  size_t charset_at_ = 0;
  unsigned charset_format_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> cid_ranges_;
};

}  // namespace bp::text
