// Serialises the PDF file: PoDoFo's objects plus the raw objects of the structure tree
// (structure_tree.hpp), either
//   * packed: non-stream objects in compressed object streams, a cross-reference stream
//     (PDF 1.5, allowed by PDF/A-2) — theme pdf.object_streams, the default; or
//   * plain: every object on its own and a classic cross-reference table.
// PoDoFo 0.9.8 cannot write object streams, and re-parsing its output with libqpdf to repack it
// cost ≈ 2.3× the CPU time of the whole document (bench/pdf/README.md); this writer walks the
// objects once.
//
// Why object streams: a tagged file has one small dictionary per structure element (a table cell
// each), which written one by one would more than double the file. Streams (fonts, content, XMP
// metadata, ICC profile) are copied as they are (the XMP stays unfiltered). Deterministic: objects
// in number order, Flate (pdf/flate.hpp) at a fixed level, and the /ID is a digest of the bytes
// before the cross-reference section.
#pragma once

#include <podofo/podofo.h>

#include <stdexcept>
#include <string>

#include "pdf/flate.hpp"
#include "pdf/helper_thread.hpp"
#include "pdf/structure_tree.hpp"

namespace bp::pdf {

class PackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The object number above every object of `pdf` (where raw objects may start).
uint32_t next_object_number(const PoDoFo::PdfMemDocument& pdf);

// `flate` compresses on the caller's thread; the object streams are compressed by `helper` and
// the caller as they are serialised (the same bytes either way).
std::string write_file(const PoDoFo::PdfMemDocument& pdf, const RawObjects& raw,
                       bool object_streams, Flate& flate, HelperThread& helper);

}  // namespace bp::pdf
