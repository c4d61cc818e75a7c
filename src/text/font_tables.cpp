#include "text/font_tables.hpp"

#include <cstdint>
#include <string>

#include "text/font.hpp"
#include "text/raii.hpp"

namespace bp::text {

namespace {

[[noreturn]] void broken(const std::filesystem::path& file, const std::string& what) {
  throw FontError("字体文件 " + file.string() + " 已损坏：" + what +
                  "（请重新安装或换用完好的字体文件；不会用其他字体代替）");
}

// A few characters nearly every font maps are tried first (the cmap accelerator they build is the
// one shaping uses anyway); only a face mapping none of them has its whole cmap collected (≈ 1.8 M
// instructions for a CJK face).
bool maps_any_character(hb_face_t* face, hb_font_t* font) {
  for (const hb_codepoint_t probe : {0x20u, 0x30u, 0x41u, 0x4E00u, 0x3002u}) {
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font, probe, &glyph) && glyph != 0) return true;
  }
  HbSetPtr mapped(hb_set_create());
  hb_face_collect_unicodes(face, mapped.get());
  return hb_set_get_population(mapped.get()) != 0;
}

}  // namespace

void validate_font_tables(hb_face_t* face, hb_font_t* font, const std::filesystem::path& file) {
  const SfntTable head(face, HB_TAG('h', 'e', 'a', 'd'));
  if (head.size() < 54) broken(file, "head 表缺失或不完整");
  if (head.u32(12) != 0x5F0F3CF5) broken(file, "head 表的标识不对");
  const unsigned upem = head.u16(18);
  if (upem < 16 || upem > 16384) broken(file, "head 表的 unitsPerEm 为 " + std::to_string(upem));

  const SfntTable hhea(face, HB_TAG('h', 'h', 'e', 'a'));
  if (hhea.size() < 36) broken(file, "hhea 表缺失或不完整");
  const unsigned metrics = hhea.u16(34);
  if (metrics == 0) broken(file, "hhea 表的 numberOfHMetrics 为 0（所有字形都没有宽度）");

  const SfntTable maxp(face, HB_TAG('m', 'a', 'x', 'p'));
  if (maxp.size() < 6) broken(file, "maxp 表缺失或不完整");
  const unsigned glyphs = maxp.u16(4);
  if (glyphs == 0) broken(file, "maxp 表的字形数为 0");
  if (metrics > glyphs)
    broken(file, "hhea 的 numberOfHMetrics（" + std::to_string(metrics) + "）大于字形数（" +
                     std::to_string(glyphs) + "）");

  const SfntTable hmtx(face, HB_TAG('h', 'm', 't', 'x'));
  const unsigned long need = 4ul * metrics + 2ul * (glyphs - metrics);
  if (hmtx.size() < need)
    broken(file, "hmtx 表被截断（" + std::to_string(hmtx.size()) + " 字节，应有 " +
                     std::to_string(need) + " 字节）");

  // A usable Unicode cmap: HarfBuzz picks the Unicode subtable itself; a cmap that is missing,
  // zeroed or without such a subtable maps nothing (and every character would silently go to a
  // fallback face). A face may cover any repertoire, so one mapped character is enough here.
  if (!maps_any_character(face, font))
    broken(file, "cmap 表没有可用的 Unicode 子表（一个字符也找不到字形）");

  const SfntTable cff(face, HB_TAG('C', 'F', 'F', ' '));
  if (cff.present()) {
    if (cff.size() < 4 || (cff.u16(0) >> 8) != 1) broken(file, "CFF 表的版本或表头不对");
    return;
  }
  const SfntTable glyf(face, HB_TAG('g', 'l', 'y', 'f'));
  const SfntTable loca(face, HB_TAG('l', 'o', 'c', 'a'));
  if (!glyf.present()) broken(file, "既没有 CFF 表也没有 glyf 表（没有字形轮廓）");
  const unsigned long loca_need = (glyphs + 1ul) * (head.u16(50) == 0 ? 2 : 4);
  if (loca.size() < loca_need)
    broken(file, "loca 表被截断（" + std::to_string(loca.size()) + " 字节，应有 " +
                     std::to_string(loca_need) + " 字节）");
}

}  // namespace bp::text
