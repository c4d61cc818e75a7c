#include "pdf/flate.hpp"

#include <libdeflate.h>

#include <new>

namespace bp::pdf {

void Flate::Deleter::operator()(libdeflate_compressor* c) const {
  libdeflate_free_compressor(c);
}

Flate::Flate(int level) : compressor_(libdeflate_alloc_compressor(level)) {
  if (!compressor_) throw std::bad_alloc();
}

Flate::~Flate() = default;

std::string Flate::compress(std::string_view in) {
  std::string out(libdeflate_zlib_compress_bound(compressor_.get(), in.size()), '\0');
  const size_t n =
      libdeflate_zlib_compress(compressor_.get(), in.data(), in.size(), out.data(), out.size());
  // The bound is an upper limit for any input, so 0 (no room) cannot happen.
  if (n == 0) throw std::bad_alloc();
  out.resize(n);
  out.shrink_to_fit();  // the bound is about the input's size: give back the rest now
  return out;
}

void set_flate_stream(PoDoFo::PdfObject& object, std::string_view data, Flate& flate) {
  set_packed_stream(object, flate.compress(data));
}

void set_packed_stream(PoDoFo::PdfObject& object, std::string_view packed) {
  object.GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName("FlateDecode"));
  // SetRawData keeps the dictionary's /Filter and stores the bytes as they are.
  PoDoFo::PdfMemoryInputStream in(packed.data(), static_cast<PoDoFo::pdf_long>(packed.size()));
  object.GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(packed.size()));
}

}  // namespace bp::pdf
