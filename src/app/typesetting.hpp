// Fonts and theme for the typeset backends (PDF, and DOCX's 目录 page numbers). Loading fonts
// (fontconfig, font files) is the slow part of a first PDF, so it happens once per process, on
// first use, and is shared by every department of a batch (FontSet is thread-safe).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp {

struct Typesetting {
  layout::Theme theme;
  text::FontSet fonts;
  Typesetting(const std::filesystem::path& theme_file, std::vector<std::filesystem::path> font_dirs)
      : theme(layout::Theme::load(theme_file)), fonts(std::move(font_dirs)) {}
};

// Lazily creates the Typesetting of a configuration directory: theme config/themes/default.yaml,
// fonts from config/../fonts first, then the system's. Throws on a broken theme file.
class LazyTypesetting {
 public:
  explicit LazyTypesetting(std::filesystem::path config_dir) : config_dir_(std::move(config_dir)) {}
  Typesetting& get();
  // `build --pdf-tags on|off`: replaces the theme's pdf.tagged (set before the first get()).
  void override_pdf_tagged(std::optional<bool> tagged) { pdf_tagged_ = tagged; }

 private:
  std::filesystem::path config_dir_;
  std::optional<bool> pdf_tagged_;
  std::once_flag once_;
  std::unique_ptr<Typesetting> value_;
};

}  // namespace bp
