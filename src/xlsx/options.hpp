// What the xlsx backend takes from outside the document: the font (the theme's body font) and the
// creation time (SOURCE_DATE_EPOCH), so that the same input gives the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "text/word_break.hpp"

namespace bp::xlsx {

inline constexpr const char* kDefaultFont = "宋体";
// Written as the creation time when SOURCE_DATE_EPOCH is unset: 1980-01-01T00:00:00Z, the earliest
// time a zip entry can carry (libxlsxwriter reads 0 as "now", so 0 itself cannot be used).
inline constexpr int64_t kFixedCreated = 315532800;

struct XlsxOptions {
  std::string font = kDefaultFont;
  int64_t epoch = 0;     // SOURCE_DATE_EPOCH, 0 = unset
  text::TermList terms;  // budget terms header labels do not break inside (config/terms.txt)
};

// The family of the theme's body style (styles.body.font names a role in fonts:, or is a family
// itself). "" when the file is missing, unreadable or has no such entry.
std::string theme_body_font(const std::filesystem::path& theme_file);

// Creation time to write: the epoch, or kFixedCreated when it is 0 or negative.
int64_t creation_time(int64_t epoch);

// `font` (a department's theme's body family, which app/ reads from the loaded theme: the one
// style source), terms from <config_dir>/terms.txt (none when it does not exist; an unreadable file
// throws); `epoch` as given (SOURCE_DATE_EPOCH).
XlsxOptions options_with_font(std::string font, const std::filesystem::path& config_dir,
                              int64_t epoch);

// Font from <config_dir>/themes/default.yaml (else 宋体), terms from <config_dir>/terms.txt (none
// when it does not exist; an unreadable file throws); `epoch` as given (SOURCE_DATE_EPOCH).
XlsxOptions options_from_config(const std::filesystem::path& config_dir, int64_t epoch);

}  // namespace bp::xlsx
