// Fonts and theme for the typeset backends (PDF, and DOCX's 目录 page numbers). Loading fonts
// (fontconfig, font files) is the slow part of a first PDF, so it happens once per process, on
// first use, and is shared by every department of a batch (FontSet is thread-safe).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp {

struct Typesetting {
  layout::Theme theme;
  text::FontSet fonts;
  Typesetting(const std::filesystem::path& theme_file, std::vector<std::filesystem::path> font_dirs)
      : theme(layout::Theme::load(theme_file)), fonts(std::move(font_dirs)) {}
};

// Lazily creates the Typesetting of a theme file and the project's font directories (searched
// before the system's; the site overlay's first). Throws on a broken theme file.
class LazyTypesetting {
 public:
  LazyTypesetting(std::filesystem::path theme_file, std::vector<std::filesystem::path> font_dirs)
      : theme_file_(std::move(theme_file)), font_dirs_(std::move(font_dirs)) {}
  Typesetting& get();

 private:
  std::filesystem::path theme_file_;
  std::vector<std::filesystem::path> font_dirs_;
  std::once_flag once_;
  std::unique_ptr<Typesetting> value_;
};

}  // namespace bp
