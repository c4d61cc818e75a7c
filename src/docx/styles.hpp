// word/styles.xml: the paragraph styles every block of the document tree maps to, built from the
// PDF theme (fonts, sizes, leading, spacing, alignment) so Word and the PDF look alike. Heading 1–4
// carry w:outlineLvl 0–3 (navigation pane, TOC field); Body Text has the 2-character first-line
// indent; docDefaults set the CJK fonts (w:eastAsia), zh-CN language and CJK line breaking.
#pragma once

#include <string>

#include "document/document.hpp"
#include "layout/theme.hpp"

namespace bp::docx {

namespace style_id {
inline constexpr const char* kNormal = "Normal";
inline constexpr const char* kBody = "BodyText";
inline constexpr const char* kPlain = "PlainBody";
inline constexpr const char* kLabel = "Label";
inline constexpr const char* kCaption = "Caption";
inline constexpr const char* kNote = "Note";
inline constexpr const char* kRight = "RightLine";
inline constexpr const char* kTableTitle = "TableTitle";
inline constexpr const char* kHeaderBlock = "HeaderBlock";
inline constexpr const char* kTableHead = "TableHead";
inline constexpr const char* kTableText = "TableText";
inline constexpr const char* kTableNote = "TableNote";
inline constexpr const char* kTocHeading = "TOCHeading";
inline constexpr const char* kTocGroup = "TOCGroup";
inline constexpr const char* kTitlePage = "CoverTitle";
inline constexpr const char* kTitlePageSmall = "CoverLine";
inline constexpr const char* kHeader = "Header";
inline constexpr const char* kFooter = "Footer";
}  // namespace style_id

// "Heading1" … "Heading4" (levels outside 1–4 are clamped).
std::string heading_style(int level);
// "TOC1" … "TOC9".
std::string toc_style(int level);
const char* para_style(doc::ParaStyle s);

std::string styles_xml(const layout::Theme& theme);

}  // namespace bp::docx
