// Sanity checks of the tables the engine relies on, made once when a face is loaded. A damaged
// font must stop the build with a message naming the file, never give a PDF whose glyphs have
// zero width (a hhea with numberOfHMetrics = 0, a cut hmtx) or silently hand the whole text to a
// fallback face (a zeroed cmap).
#pragma once

#include <hb.h>

#include <cstdint>
#include <filesystem>

#include "text/raii.hpp"

namespace bp::text {

// One table of a face, read big-endian with bounds checks (a read past its end gives 0).
class SfntTable {
 public:
  SfntTable(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob_.get(), &len_));
  }
  unsigned size() const { return len_; }
  bool present() const { return len_ > 0; }
  uint8_t u8(unsigned off) const { return off < len_ ? data_[off] : 0; }
  uint16_t u16(unsigned off) const {
    return off + 2 <= len_ ? static_cast<uint16_t>(data_[off] << 8 | data_[off + 1]) : 0;
  }
  int16_t s16(unsigned off) const { return static_cast<int16_t>(u16(off)); }
  uint32_t u32(unsigned off) const {
    return off + 4 <= len_ ? (uint32_t{u16(off)} << 16 | u16(off + 2)) : 0;
  }

 private:
  HbBlobPtr blob_;
  const uint8_t* data_ = nullptr;
  unsigned len_ = 0;
};

// Throws FontError (Chinese message naming `file`) unless: head is complete with its magic
// number and a units-per-em of 16–16384; hhea is complete with numberOfHMetrics ≥ 1; maxp has
// numGlyphs ≥ numberOfHMetrics; hmtx is as long as those two numbers say; cmap has a Unicode
// subtable that maps at least one character; the outlines are CFF (version 1) or glyf with a loca
// of the right length.
void validate_font_tables(hb_face_t* face, hb_font_t* font, const std::filesystem::path& file);

}  // namespace bp::text
