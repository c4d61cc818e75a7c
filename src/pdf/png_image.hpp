// A PNG file decoded for an image XObject, as PoDoFo 0.9.8's PdfImage::LoadFromPng did (the
// object model until round 12; bench/pdf/README.md "Round 12, 20O"), so that a logo's objects keep
// their bytes: libpng with gray expanded to 8 bits, tRNS turned into alpha, 16 bits stripped to 8
// and interlacing undone; an alpha channel split off into a soft mask; palette images kept as
// indices with their palette — except the soft mask of a palette image of 1, 2 or 4 bits with a
// tRNS chunk, whose packed indices PoDoFo read in the wrong bit order (png_image.cpp). Image data is compressed by zlib at its default level in PoDoFo's
// 4 KB steps (flate_like_podofo), not by libdeflate: a logo is rare and small, and its bytes stay.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bp::pdf {

struct PngImage {
  uint32_t width = 0, height = 0;
  int bits = 8;  // bits per component of `samples`
  enum class Colour { kGray, kRgb, kIndexed } colour = Colour::kRgb;
  std::string samples;
  std::string palette;  // kIndexed: RGB triples
  bool has_mask = false;
  std::string mask;  // 8-bit alpha, width × height, when has_mask
};

// Throws std::runtime_error (its reason in Chinese) when the file cannot be read as PNG.
PngImage decode_png(const std::string& file);

// `data` in zlib format at zlib's default level, fed to deflate in 4 096-byte blocks.
std::string flate_like_podofo(std::string_view data);

}  // namespace bp::pdf
