// Output file names built from department codes and names. Whatever a YAML file says, the result is
// one plain path component: no '/', no '..', no control characters, bounded length (docs/cli.md).
#pragma once

#include <string>
#include <string_view>

namespace bp {

// Drops invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF), normalizes to NFC, replaces
// / \ : * ? " < > | and control characters (incl. NUL, DEL, the C1 controls, U+2028/2029, the
// bidirectional controls U+202A–U+202E, U+2066–U+2069, U+061C, non-characters and invalid UTF-8
// bytes) with '_', removes leading dots and spaces, cuts to at most `max_bytes` bytes on a UTF-8
// boundary, and never returns "" or "." / "..".
std::string sanitize_file_component(std::string_view s, size_t max_bytes = 120);

// "<code>-<name>" for a department, sanitized.
std::string department_file_stem(std::string_view code, std::string_view name);

}  // namespace bp
