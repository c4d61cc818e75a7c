// PoDoFo 0.9.8's compact serialisation of a direct object (`PdfVariant::Write` with
// ePdfWriteMode_Compact), written without PoDoFo's generic path: PoDoFo prints every number through
// a printf-style call that formats twice, every real through a locale-imbued std::ostringstream
// and escapes every name into a temporary string — ≈ 50 000 instructions for a page dictionary,
// most of what the object streams' PoDoFo objects cost (file_writer.cpp). The bytes are PoDoFo's
// own, token for token (tests/unit/test_pdf_object_text.cpp compares the two on every kind of
// value); strings, hex strings, raw data and null are still written by PoDoFo itself.
#pragma once

#include <podofo/podofo.h>

#include <string>

namespace bp::pdf {

// Appends `v` as PoDoFo would write it in compact mode (no encryption).
void append_object_text(std::string& out, const PoDoFo::PdfVariant& v);

}  // namespace bp::pdf
