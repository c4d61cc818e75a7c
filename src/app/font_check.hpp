// The theme's fonts checked before anything is built: every family loads (a missing or broken font
// is a configuration error, reported once with exit 2 before any department), and — for `check` —
// every character a department's document prints is covered, so that `build` never fails on a
// missing glyph after `check` passed.
#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/pipeline.hpp"

namespace bp {

// What stops a command before any department: the message (theme file or font named) and a hint.
struct PreflightError {
  std::string message, hint;
};

// Loads the theme and every font family it names, in every weight the layout asks for. A broken
// theme or a font that cannot be loaded is returned, in Chinese; nullopt when all is well.
std::optional<PreflightError> preflight_typesetting(const Context& ctx);

// Loads the run's theme (--theme, else default; the overlay's first) without its fonts: what every
// format needs (the document tree reads its title-page slots, the XLSX its family and sizes). A
// theme that cannot be found or read is returned as preflight_typesetting returns it.
std::optional<PreflightError> preflight_theme(const Context& ctx);

// Adds 错误[E627] to `c.diag` for every character of the department's document (tables, 说明,
// headings, title page) that no font of the theme covers — at the character's first place in the
// department file (FILE:LINE:COL), or at the file when it comes from a template or catalogue.
// `source` is the department file's text. Needs a checked budget (c.ok()).
void check_font_coverage(CheckedBudget& c, const Context& ctx, const std::string& source);

}  // namespace bp
