// Themes and fonts for the typeset backends (PDF, and DOCX's 目录 page numbers). Loading fonts
// (fontconfig, font files) is the slow part of a first PDF, so it happens once per process, on
// first use, and is shared by every department of a batch (FontSet is thread-safe). Themes are
// small YAML files, loaded once each by name when a department (or --theme) first asks for one; the
// document tree reads the title-page slots of a theme, so JSON/XLSX/TXT outputs load themes but
// never fonts.
#pragma once

#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "layout/theme.hpp"
#include "text/font_set.hpp"

namespace bp {

// Where themes and fonts are looked up, in order (a site overlay's directories first).
struct TypesettingDirs {
  std::vector<std::filesystem::path> themes;
  std::vector<std::filesystem::path> fonts;
  std::string default_theme = "default";  // --theme, else "default"
};

// The themes of a run, by name (style::resolve_theme over TypesettingDirs::themes, which come
// from config_layers theme_dirs), each loaded and checked once and shared by every department.
class Themes {
 public:
  Themes(std::vector<std::filesystem::path> dirs, std::string default_name)
      : dirs_(std::move(dirs)), default_(std::move(default_name)) {}
  // Theme `name` ("" = the run's default), loaded on first use. Thread-safe; the reference stays
  // valid for the Themes' lifetime. Throws ThemeError (E600 not found, E601 unreadable) — the same
  // error again for every later call with that name, without reading the file again.
  const layout::Theme& get(const std::string& name = "");
  // `build --pdf-tags on|off`: replaces pdf.tagged of every theme, loaded already or later (set
  // before any department is built).
  void override_pdf_tagged(std::optional<bool> tagged);

 private:
  std::vector<std::filesystem::path> dirs_;
  std::string default_;
  std::optional<bool> pdf_tagged_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<layout::Theme>> loaded_;
  std::map<std::string, std::exception_ptr> failed_;  // themes that could not be found or read
};

struct Typesetting {
  // Loads the run's theme (ThemeError when it cannot be found or read). fontconfig starts only if
  // the per-user font cache cannot answer (text/font_cache.hpp).
  Typesetting(Themes& themes, std::vector<std::filesystem::path> font_dirs);
  const layout::Theme& theme;  // the run's theme: --theme, else default.yaml
  text::FontSet fonts;
  // `fonts` with theme `t`'s own font directories (fonts.dirs) added.
  text::FontSet& fonts_for(const layout::Theme& t);
};

// Lazily creates the Typesetting of a configuration: fonts from the font directories first, then
// the system's. Throws on a broken theme file.
class LazyTypesetting {
 public:
  LazyTypesetting(Themes& themes, std::vector<std::filesystem::path> font_dirs)
      : themes_(themes), font_dirs_(std::move(font_dirs)) {}
  Typesetting& get();

 private:
  Themes& themes_;
  std::vector<std::filesystem::path> font_dirs_;
  std::once_flag once_;
  std::unique_ptr<Typesetting> value_;
};

}  // namespace bp
