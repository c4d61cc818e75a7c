// An inline picture (the title page's logo) as DrawingML inside a run: <w:drawing><wp:inline> with
// the image part referenced by relationship id. Sizes in EMU (914 400 per inch, 12 700 per pt).
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <string>

namespace bp::docx {

inline constexpr const char* kRelLogo = "rId6";
inline constexpr const char* kLogoPart = "word/media/logo.png";

// Appends <w:r><w:drawing>…</w:drawing></w:r> to paragraph `p`.
void add_picture(pugi::xml_node p, const std::string& rel_id, int64_t cx_emu, int64_t cy_emu,
                 const std::string& name);

}  // namespace bp::docx
