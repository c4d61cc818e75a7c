// Checks of the parsed YAML tree that do not depend on the schema: every scalar (keys included) is
// text a document, a file name or a terminal can show, and the file uses only the YAML the loader
// understands. Run before the schema is read, so that no later stage (line breaking asserts on
// non-characters, XML forbids control characters) ever sees such text.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "model/diagnostics.hpp"

namespace bp {

// E016: a non-character, a control character other than tab and line feed, a line or paragraph
//       separator (U+2028/U+2029), or a lone surrogate (written as a "\u" escape) in any scalar;
//       a bidi control (U+202A–U+202E, U+2066–U+2069, U+061C) in any scalar.
// E017: an invisible character (U+200B–U+200F, U+2060–U+2064, U+FEFF) in a name or a code (map
//       keys, and the values of keys such as code, name, project, item, unit, under catalog:).
// E018: a tag outside YAML's core schema (!!binary, !foo …).
// Positions point at the character itself when it is written literally in `raw`, else at the
// scalar. Returns false when it reported an error.
bool check_yaml_texts(const YAML::Node& root, const std::string& raw, Diagnostics& diag);

// Core schema tags (and the non-specific "?" / "!").
bool is_core_tag(const std::string& tag);

}  // namespace bp
