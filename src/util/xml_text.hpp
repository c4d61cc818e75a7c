// Text that XML 1.0 can carry. Every OOXML writer (our DOCX parts, the strings handed to
// libxlsxwriter) passes what it writes through here, so no input can make a part ill-formed.
#pragma once

#include <string>
#include <string_view>

namespace bp {

// Drops control characters XML 1.0 forbids (C0 other than tab, line feed and carriage return) and
// replaces non-characters U+FFFE/U+FFFF and invalid UTF-8 bytes with U+FFFD. The loader already
// rejects such text in department files (E016); this covers every other source (catalogues,
// templates, themes, future inputs). Returns `s` unchanged when it is clean.
std::string xml_safe(std::string_view s);

// xml_safe(s) with & < > " escaped: text and attribute values of XML written by hand (the PDF's
// XMP metadata, the review report's HTML).
std::string xml_escape(std::string_view s);

// True when `s` is valid UTF-8 made only of XML 1.0 characters.
bool is_xml_safe(std::string_view s);

}  // namespace bp
