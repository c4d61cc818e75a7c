// Finding a named theme: `--theme NAME` on the command line or `theme: NAME` in a department file.
// One function so that a site overlay (issue 17b) only has to put its themes/ directory first.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace bp::style {

// The file of theme `name`: NAME.yaml in the first of `search_dirs` (in order: e.g. a site
// overlay's themes/, then the installed config/themes/) that has it. A name is a file stem: not
// empty, no path separator, not starting with a dot. Throws ThemeError (E600, Chinese) naming the
// theme, every directory looked in and the themes that exist there.
std::filesystem::path resolve_theme(std::string_view name,
                                    const std::vector<std::filesystem::path>& search_dirs);

// The names of the themes in `search_dirs` (stems of *.yaml), sorted, without duplicates.
std::vector<std::string> list_themes(const std::vector<std::filesystem::path>& search_dirs);

}  // namespace bp::style
