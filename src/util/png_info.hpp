// The size of a PNG image from its header (signature + IHDR), for the title-page logo: the layout
// needs its aspect ratio and `check` rejects a file that is not a PNG before any build. Decoding
// is left to pdf/png_image.hpp (PDF) and Word (DOCX).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace bp {

struct PngInfo {
  uint32_t width = 0, height = 0;
};

// nullopt with `why` (Chinese) when the file cannot be read or is not a PNG with a sane size.
std::optional<PngInfo> read_png_info(const std::filesystem::path& file, std::string* why = nullptr);

}  // namespace bp
