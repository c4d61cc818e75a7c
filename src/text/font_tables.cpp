#include "text/font_tables.hpp"

#include <cstdint>
#include <string>

#include "text/font.hpp"
#include "text/raii.hpp"

namespace bp::text {

namespace {

class Table {
 public:
  Table(hb_face_t* face, hb_tag_t tag) : blob_(hb_face_reference_table(face, tag)) {
    data_ = reinterpret_cast<const uint8_t*>(hb_blob_get_data(blob_.get(), &len_));
  }
  unsigned size() const { return len_; }
  bool present() const { return len_ > 0; }
  uint16_t u16(unsigned off) const {
    return off + 2 <= len_ ? static_cast<uint16_t>(data_[off] << 8 | data_[off + 1]) : 0;
  }
  uint32_t u32(unsigned off) const {
    return off + 4 <= len_ ? (uint32_t{u16(off)} << 16 | u16(off + 2)) : 0;
  }

 private:
  HbBlobPtr blob_;
  const uint8_t* data_ = nullptr;
  unsigned len_ = 0;
};

[[noreturn]] void broken(const std::filesystem::path& file, const std::string& what) {
  throw FontError("字体文件 " + file.string() + " 已损坏：" + what +
                  "（请重新安装或换用完好的字体文件；不会用其他字体代替）");
}

}  // namespace

void validate_font_tables(hb_face_t* face, hb_font_t* font, const std::filesystem::path& file) {
  const Table head(face, HB_TAG('h', 'e', 'a', 'd'));
  if (head.size() < 54) broken(file, "head 表缺失或不完整");
  if (head.u32(12) != 0x5F0F3CF5) broken(file, "head 表的标识不对");
  const unsigned upem = head.u16(18);
  if (upem < 16 || upem > 16384) broken(file, "head 表的 unitsPerEm 为 " + std::to_string(upem));

  const Table hhea(face, HB_TAG('h', 'h', 'e', 'a'));
  if (hhea.size() < 36) broken(file, "hhea 表缺失或不完整");
  const unsigned metrics = hhea.u16(34);
  if (metrics == 0) broken(file, "hhea 表的 numberOfHMetrics 为 0（所有字形都没有宽度）");

  const Table maxp(face, HB_TAG('m', 'a', 'x', 'p'));
  if (maxp.size() < 6) broken(file, "maxp 表缺失或不完整");
  const unsigned glyphs = maxp.u16(4);
  if (glyphs == 0) broken(file, "maxp 表的字形数为 0");
  if (metrics > glyphs)
    broken(file, "hhea 的 numberOfHMetrics（" + std::to_string(metrics) + "）大于字形数（" +
                     std::to_string(glyphs) + "）");

  const Table hmtx(face, HB_TAG('h', 'm', 't', 'x'));
  const unsigned long need = 4ul * metrics + 2ul * (glyphs - metrics);
  if (hmtx.size() < need)
    broken(file, "hmtx 表被截断（" + std::to_string(hmtx.size()) + " 字节，应有 " +
                     std::to_string(need) + " 字节）");

  // A usable Unicode cmap: HarfBuzz picks the Unicode subtable itself; a cmap that is missing,
  // zeroed or without such a subtable maps nothing (and every character would silently go to a
  // fallback face). A face may cover any repertoire, so one mapped character is enough here.
  (void)font;
  HbSetPtr mapped(hb_set_create());
  hb_face_collect_unicodes(face, mapped.get());
  if (hb_set_get_population(mapped.get()) == 0)
    broken(file, "cmap 表没有可用的 Unicode 子表（一个字符也找不到字形）");

  const Table cff(face, HB_TAG('C', 'F', 'F', ' '));
  if (cff.present()) {
    if (cff.size() < 4 || (cff.u16(0) >> 8) != 1) broken(file, "CFF 表的版本或表头不对");
    return;
  }
  const Table glyf(face, HB_TAG('g', 'l', 'y', 'f'));
  const Table loca(face, HB_TAG('l', 'o', 'c', 'a'));
  if (!glyf.present()) broken(file, "既没有 CFF 表也没有 glyf 表（没有字形轮廓）");
  const unsigned long loca_need = (glyphs + 1ul) * (head.u16(50) == 0 ? 2 : 4);
  if (loca.size() < loca_need)
    broken(file, "loca 表被截断（" + std::to_string(loca.size()) + " 字节，应有 " +
                     std::to_string(loca_need) + " 字节）");
}

}  // namespace bp::text
