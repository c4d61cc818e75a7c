// Sanity checks of the tables the engine relies on, made once when a face is loaded. A damaged
// font must stop the build with a message naming the file, never give a PDF whose glyphs have
// zero width (a hhea with numberOfHMetrics = 0, a cut hmtx) or silently hand the whole text to a
// fallback face (a zeroed cmap).
#pragma once

#include <hb.h>

#include <filesystem>

namespace bp::text {

// Throws FontError (Chinese message naming `file`) unless: head is complete with its magic
// number and a units-per-em of 16–16384; hhea is complete with numberOfHMetrics ≥ 1; maxp has
// numGlyphs ≥ numberOfHMetrics; hmtx is as long as those two numbers say; cmap has a Unicode
// subtable that maps at least one character; the outlines are CFF (version 1) or glyf with a loca
// of the right length.
void validate_font_tables(hb_face_t* face, hb_font_t* font, const std::filesystem::path& file);

}  // namespace bp::text
