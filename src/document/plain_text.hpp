// A plain UTF-8 rendering of the document tree (`--format txt`): headings, paragraphs, tables as
// tab-separated rows. For review in any editor, diffs between years, and tests of the narrative.
#pragma once

#include <string>

#include "document/document.hpp"

namespace bp {

std::string document_to_text(const doc::Document& d);

}  // namespace bp
