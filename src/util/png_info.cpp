#include "util/png_info.hpp"

#include <array>
#include <fstream>

namespace bp {

std::optional<PngInfo> read_png_info(const std::filesystem::path& file, std::string* why) {
  auto fail = [&](const std::string& w) -> std::optional<PngInfo> {
    if (why) *why = w;
    return std::nullopt;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return fail("找不到文件 " + file.string());
  std::ifstream in(file, std::ios::binary);
  std::array<unsigned char, 24> h{};
  if (!in.read(reinterpret_cast<char*>(h.data()), h.size()))
    return fail(file.string() + " 太短，不是 PNG 图片");
  static constexpr unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  for (int i = 0; i < 8; ++i)
    if (h[i] != kSig[i]) return fail(file.string() + " 不是 PNG 图片（请另存为 .png）");
  if (h[12] != 'I' || h[13] != 'H' || h[14] != 'D' || h[15] != 'R')
    return fail(file.string() + " 的 PNG 文件头已损坏");
  auto u32 = [&](int at) {
    return uint32_t{h[at]} << 24 | uint32_t{h[at + 1]} << 16 | uint32_t{h[at + 2]} << 8 | h[at + 3];
  };
  PngInfo info{u32(16), u32(20)};
  if (info.width == 0 || info.height == 0 || info.width > 10000 || info.height > 10000)
    return fail(file.string() + " 的尺寸不对（" + std::to_string(info.width) + "×" +
                std::to_string(info.height) + " 像素；应在 1–10000 像素之间）");
  return info;
}

}  // namespace bp
