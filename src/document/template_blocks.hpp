// Turns rendered template text into document blocks (line syntax: templates/README.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.hpp"

namespace bp {

// `table` is asked for the blocks of a `@table NAME` line; it throws for an unknown name.
std::vector<doc::Block> text_to_blocks(const std::string& text,
                                       const std::function<std::vector<doc::Block>(const std::string&)>& table);

// Collapses doubled punctuation that appears where free text meets template text (。。 → 。, 。； → ；).
std::string tidy_punctuation(std::string s);

// Splits **bold** markup into spans (after tidy_punctuation).
std::vector<doc::Span> inline_spans(const std::string& text);

}  // namespace bp
