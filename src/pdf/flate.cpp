#include "pdf/flate.hpp"

#include <libdeflate.h>

#include <new>

namespace bp::pdf {

void Flate::Deleter::operator()(libdeflate_compressor* c) const {
  libdeflate_free_compressor(c);
}

Flate::Flate() : text_(libdeflate_alloc_compressor(kTextLevel)) {
  if (!text_) throw std::bad_alloc();
}

Flate::~Flate() = default;

std::string Flate::compress(std::string_view in, Packing packing) {
  std::unique_ptr<libdeflate_compressor, Deleter> font_program;
  if (packing == Packing::kFontProgram) {
    font_program.reset(libdeflate_alloc_compressor(kFontProgramLevel));
    if (!font_program) throw std::bad_alloc();
  }
  libdeflate_compressor* c = font_program ? font_program.get() : text_.get();
  // Into the compressor's scratch buffer (kept between calls: no zero-filled string of the bound's
  // size per stream), then one copy of exactly the compressed size.
  const size_t bound = libdeflate_zlib_compress_bound(c, in.size());
  if (scratch_.size() < bound) scratch_.resize(bound);
  const size_t n =
      libdeflate_zlib_compress(c, in.data(), in.size(), scratch_.data(), scratch_.size());
  // The bound is an upper limit for any input, so 0 (no room) cannot happen.
  if (n == 0) throw std::bad_alloc();
  std::string out(scratch_.data(), n);
  if (scratch_.size() > kKeptScratch) std::vector<char>().swap(scratch_);  // a font program's
  return out;
}

void set_flate_stream(ObjectStore& store, Ref r, std::string_view data, Flate& flate) {
  set_packed_stream(store, r, flate.compress(data));
}

}  // namespace bp::pdf
