// PDF/A-2u (ISO 19005-2, level U) and the PDF/UA-1 identification: the XMP metadata packet that
// mirrors the Info dictionary (title, author, subject, keywords, tools, dates from
// SOURCE_DATE_EPOCH only) and declares pdfaid / pdfuaid, and the sRGB output intent (the ICC
// profile of Debian's icc-profiles-free, compiled in; see CMakeLists.txt).
#pragma once

#include <string>
#include <string_view>

#include "document/document.hpp"
#include "pdf/flate.hpp"
#include "pdf/object_store.hpp"

namespace bp::pdf {

// The embedded sRGB ICC profile (generated at build time).
std::string_view srgb_icc_profile();

// The XMP packet. `ua`: also claims PDF/UA-1 (with the extension schema PDF/A asks for).
std::string xmp_metadata(const doc::Meta& meta, const std::string& creator,
                         const std::string& producer, bool ua);

// Adds /Metadata (uncompressed, as PDF/A requires) and /OutputIntents to the catalog (its ICC
// profile compressed by `flate`).
void add_pdfa(ObjectStore& store, const doc::Meta& meta, const std::string& creator,
              const std::string& producer, bool ua, Flate& flate);

}  // namespace bp::pdf
