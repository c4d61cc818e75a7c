// Flate (zlib format, RFC 1950) compression of the PDF's streams with libdeflate: content streams,
// font programs, ToUnicode maps, the ICC profile, object and cross-reference streams. libdeflate
// compresses a whole buffer at once, about 2–3× faster than zlib's streaming deflate at the same
// level and a little smaller (bench/pdf/README.md); readers inflate it like any FlateDecode data.
// Deterministic: the same input and level give the same bytes.
//
// Two levels, by what the stream holds (measured on the examples, bench/pdf/README.md "Round 7,
// 20y"): text — content streams, object streams (the structure tree), ToUnicode maps, the ICC
// profile, the cross-reference stream — repeats a lot and is packed at level 5, which is 25–35 %
// quicker than 6 for 0.3–1.5 % more bytes; a font program (CFF charstrings, glyf outlines) is dense
// binary that no level shrinks by more than a fifth, and level 1 packs it twice as fast as 6 for
// 1.3 % more bytes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/object_store.hpp"

struct libdeflate_compressor;  // libdeflate.h

namespace bp::pdf {

// What a stream holds, which sets its level (above).
enum class Packing {
  kText,         // content, object, cross-reference and ToUnicode streams, the ICC profile
  kFontProgram,  // an embedded font program
};

class Flate {
 public:
  // libdeflate levels 1–12 for text and for font programs. Levels above 6 cost much more time for
  // about 1 % (measured in bench/pdf/README.md).
  static constexpr int kTextLevel = 5;
  static constexpr int kFontProgramLevel = 1;
  Flate();
  ~Flate();
  Flate(const Flate&) = delete;
  Flate& operator=(const Flate&) = delete;

  // `in` compressed in zlib format at the level of `packing`. Throws std::bad_alloc when out of
  // memory.
  std::string compress(std::string_view in, Packing packing = Packing::kText);

 private:
  struct Deleter {
    void operator()(libdeflate_compressor* c) const;
  };
  // Kept for the thread's life (its tables are 652 KB at level 5). A font program's compressor
  // (200 KB at level 1) is made for the call and freed after it: a document has one program per
  // face, and a kept one would add to every thread's memory.
  std::unique_ptr<libdeflate_compressor, Deleter> text_;
  // Output buffer reused by compress(); a larger one (a font program) is given back at once to
  // keep a document's peak memory down.
  static constexpr size_t kKeptScratch = 256 * 1024;
  std::vector<char> scratch_;
};

// Sets object `r`'s stream to `data` compressed by `flate`, with /Filter /FlateDecode (data
// compressed already: set_packed_stream, object_store.hpp).
void set_flate_stream(ObjectStore& store, Ref r, std::string_view data, Flate& flate);

}  // namespace bp::pdf
