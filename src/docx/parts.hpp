// The small package parts around document.xml and styles.xml: [Content_Types].xml, the
// relationships, core and app properties, settings (update fields on open, CJK 禁则 lists), the
// font table and the footer (centred PAGE field) / header. Everything is a pure function of its
// inputs.
#pragma once

#include <string>

#include "document/document.hpp"
#include "layout/theme.hpp"

namespace bp::docx {

// Relationship ids of word/_rels/document.xml.rels (fixed, so the XML has no generated ids).
inline constexpr const char* kRelStyles = "rId1";
inline constexpr const char* kRelSettings = "rId2";
inline constexpr const char* kRelFontTable = "rId3";
inline constexpr const char* kRelFooter = "rId4";
inline constexpr const char* kRelHeader = "rId5";

struct PartSet {
  bool footer = false;
  bool header = false;
  bool logo = false;  // word/media/logo.png (the title page's logo)
};

std::string content_types_xml(const PartSet& s);
std::string root_rels_xml();
std::string document_rels_xml(const PartSet& s);
// dcterms:created / modified from meta.epoch (omitted when 0).
std::string core_xml(const doc::Meta& meta);
std::string app_xml(const doc::Meta& meta);
std::string settings_xml(const layout::Theme& theme);
std::string font_table_xml(const layout::Theme& theme);
// Theme page_number ("— {n} —") with {n} as a PAGE field; "" when the theme has no page number.
std::string footer_xml(const layout::Theme& theme);
// Theme header_text with {title} = meta.title; "" when the theme has no running header.
std::string header_xml(const layout::Theme& theme, const doc::Meta& meta);

// "2023-11-14T22:13:20Z"
std::string w3cdtf(int64_t epoch);

}  // namespace bp::docx
