// Which page orientation a block is set on. Shared by the PDF layout and the DOCX writer so that
// both put a wide table's heading and caption on the same landscape page as the table.
#pragma once

#include <cstddef>

#include "document/document.hpp"

namespace bp::doc {

// Whether blocks[i] goes on a landscape page: a table by its own flag; a heading or a table
// caption (TableTitle paragraph) by what follows it, so that it is not left behind on a portrait
// page; everything else portrait. False past the end.
bool on_landscape_page(const Document& d, size_t i);

}  // namespace bp::doc
