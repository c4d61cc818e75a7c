// The layout sets a document in the format-neutral style (style/theme.hpp): the same Theme the
// DOCX and XLSX read, under the names the layout code has always used.
#pragma once

#include "style/theme.hpp"

namespace bp::layout {

using style::FontRole;
using style::Margins;
using style::Style;
using style::TableTheme;
using style::Theme;
using style::ThemeError;
using style::TitlePageTheme;
using style::TocTheme;

}  // namespace bp::layout
