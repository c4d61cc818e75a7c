// Small helpers over pugixml for writing OOXML parts: elements with a w:val, on/off flags, and
// serialisation without indentation behind a fixed XML declaration (standalone="yes"), so the bytes
// depend only on the tree.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace bp::docx::xml {

// The WordprocessingML main namespace and the others the parts use.
inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A document with the XML declaration and a root element `root` (e.g. "w:document").
pugi::xml_node start(pugi::xml_document& d, const char* root);

pugi::xml_node add(pugi::xml_node parent, const char* name);
// <name w:val="v"/>
pugi::xml_node add_val(pugi::xml_node parent, const char* name, std::string_view v);
pugi::xml_node add_val(pugi::xml_node parent, const char* name, long long v);
pugi::xml_node attr(pugi::xml_node n, const char* name, std::string_view v);
pugi::xml_node attr(pugi::xml_node n, const char* name, long long v);

// Text safe for XML 1.0 (util/xml_text.hpp): forbidden C0 controls are dropped, U+FFFE/U+FFFF and
// invalid bytes become U+FFFD (pugixml would write them verbatim and make the part unreadable).
// attr(), add_text() and to_string() apply it too.
std::string clean_text(std::string_view s);

// Adds <w:t> with `text` (xml:space="preserve" when leading/trailing/double spaces would be lost).
pugi::xml_node add_text(pugi::xml_node run, std::string_view text);

std::string to_string(const pugi::xml_document& d);

}  // namespace bp::docx::xml
