// Checks of the parsed YAML tree that do not depend on the schema: every scalar (keys included) is
// text a document, a file name or a terminal can show, and the file uses only the YAML the loader
// understands. Run before the schema is read, so that no later stage (line breaking asserts on
// non-characters, XML forbids control characters) ever sees such text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "util/yaml_tree.hpp"

namespace bp {

// E016: a non-character, a control character other than tab and line feed, a line or paragraph
//       separator (U+2028/U+2029), or a lone surrogate (written as a "\u" escape) in any scalar;
//       a bidi control (U+202A–U+202E, U+2066–U+2069, U+061C) in any scalar.
// E017: an invisible character (U+200B–U+200F, U+2060–U+2064, U+FEFF) in a name or a code (map
//       keys, and the values of keys such as code, name, project, item, unit, under catalog:).
// E018: a tag outside YAML's core schema (!!binary, !foo …).
// Positions point at the character itself when it is written literally in `raw`, else at the
// scalar. Returns false when it reported an error.
bool check_yaml_texts(const yaml::Node& root, const std::string& raw, Diagnostics& diag);

// E016 for the characters libyaml refuses anywhere in a file (controls other than tab, line feed
// and carriage return; U+FFFE, U+FFFF) or reads as line breaks (U+0085, U+2028, U+2029), at most
// one report per line, at the character. Such a character in a scalar is what E016 is about
// anyway; in a comment or between tokens it is reported too (libyaml could not read past it).
// Returns the text with each replaced by as many "_" as it has bytes, so that the parse goes on
// and finds the file's other problems at unchanged positions; nullopt when there is none (the
// common case: one pass over the bytes, no copy).
std::optional<std::string> replace_refused_chars(const std::string& text, Diagnostics& diag);

// Core schema tags (and the non-specific "?" / "!").
bool is_core_tag(std::string_view tag);

}  // namespace bp
