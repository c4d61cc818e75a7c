// Packs a PDF's non-stream objects into compressed object streams with a cross-reference stream
// (PDF 1.5, allowed by PDF/A-2), using libqpdf: a tagged file has one small dictionary per
// structure element (a table cell each), which written one by one would more than double the file.
// Stream data is copied as it is (no decoding or recompression); the XMP metadata stays
// uncompressed. The /ID is computed from the content (deterministic bytes).
#pragma once

#include <stdexcept>
#include <string>

namespace bp::pdf {

class PackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string pack_object_streams(const std::string& pdf);

}  // namespace bp::pdf
