// The facts of a face the PDF needs besides its glyphs — PostScript name, units per em, bounding
// box, ascender and descender, cap height, italic angle, fixed pitch, serif class — read from the
// sfnt tables through HarfBuzz, exactly as FreeType reports them (FT_Get_Postscript_Name, the
// FT_Face fields, its OS/2 and post tables), so that a face is parsed once, by HarfBuzz, and not a
// second time by FreeType (≈ 3.3 M instructions a Noto CJK face). tests/unit/test_text_font_facts
// compares both readings on every installed font the tests use.
#pragma once

#include <hb.h>

#include <optional>
#include <string>

#include "text/font.hpp"

namespace bp::text {

// FreeType's sfnt_get_ps_name for a face that is not a variation instance: name ID 6, a Windows
// record (platform 3, encoding 0 or 1; the US English one, else the first) before a Macintosh
// Roman one, and only if every character is one a PostScript name may hold. nullopt when none.
std::optional<std::string> postscript_name(hb_face_t* face);

// The metrics as FreeType's FT_Face gives them for an sfnt face (head's unitsPerEm and bounding
// box; OS/2's typo ascender/descender when the table is complete for its version, else hhea's;
// post's italic angle and fixed pitch).
FontMetrics read_metrics(hb_face_t* face);

}  // namespace bp::text
