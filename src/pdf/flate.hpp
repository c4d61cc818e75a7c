// Flate (zlib format, RFC 1950) compression of the PDF's streams with libdeflate: content streams,
// font programs, ToUnicode maps, the ICC profile, object and cross-reference streams. libdeflate
// compresses a whole buffer at once, about 2–3× faster than zlib's streaming deflate at the same
// level and a little smaller (bench/pdf/README.md); readers inflate it like any FlateDecode data.
// PoDoFo 0.9.8 compresses with zlib itself, so streams are handed to it already compressed
// (set_flate_stream). Deterministic: the same input and level give the same bytes.
#pragma once

#include <podofo/podofo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct libdeflate_compressor;  // libdeflate.h

namespace bp::pdf {

class Flate {
 public:
  // libdeflate level 1–12. 6 (zlib's default) gives files a little smaller than zlib at level 6;
  // higher levels cost much more time for about 1 % (measured in bench/pdf/README.md).
  explicit Flate(int level = 6);
  ~Flate();
  Flate(const Flate&) = delete;
  Flate& operator=(const Flate&) = delete;

  // `in` compressed in zlib format. Throws std::bad_alloc when out of memory.
  std::string compress(std::string_view in);

 private:
  struct Deleter {
    void operator()(libdeflate_compressor* c) const;
  };
  std::unique_ptr<libdeflate_compressor, Deleter> compressor_;
  // Output buffer reused by compress(); a larger one (a font program) is given back at once to
  // keep a document's peak memory down.
  static constexpr size_t kKeptScratch = 256 * 1024;
  std::vector<char> scratch_;
};

// Sets `object`'s stream to `data` compressed by `flate`, with /Filter /FlateDecode.
void set_flate_stream(PoDoFo::PdfObject& object, std::string_view data, Flate& flate);
// The same for data compressed already (Flate::compress).
void set_packed_stream(PoDoFo::PdfObject& object, std::string_view packed);

}  // namespace bp::pdf
