#include "text/font_facts.hpp"

#include "text/font_tables.hpp"

namespace bp::text {

namespace {

// sfdriver.c's sfnt_ps_map: bit (c & 7) of byte (c >> 3) says whether ASCII character c may stand
// in a PostScript name (printable, but not space, %, (, ), /, <, >, [, ], {, }).
constexpr unsigned char kPsChars[16] = {0x00, 0x00, 0x00, 0x00, 0xDE, 0x7C, 0xFF, 0xAF,
                                        0xFF, 0xFF, 0xFF, 0xD7, 0xFF, 0xFF, 0xFF, 0x57};
bool postscript_char(unsigned c) {
  return c < 0x80 && (kPsChars[c >> 3] & (1u << (c & 7))) != 0;
}

struct NameRecord {
  unsigned platform, encoding, language, id, length, offset;
};

}  // namespace

std::optional<std::string> postscript_name(hb_face_t* face) {
  const SfntTable name(face, HB_TAG('n', 'a', 'm', 'e'));
  if (name.size() < 6) return std::nullopt;
  const unsigned count = name.u16(2), storage = name.u16(4);
  std::optional<NameRecord> win, apple;
  for (unsigned i = 0; i < count; ++i) {
    const unsigned at = 6 + 12 * i;
    if (at + 12 > name.size()) break;
    const NameRecord r{name.u16(at),     name.u16(at + 2), name.u16(at + 4),
                       name.u16(at + 6), name.u16(at + 8), name.u16(at + 10)};
    // FreeType drops a record whose string lies outside the table.
    if (r.id != 6 || r.length == 0 || storage + r.offset + r.length > name.size()) continue;
    const bool is_win = r.platform == 3 && (r.encoding == 0 || r.encoding == 1);
    const bool is_apple = r.platform == 1 && r.encoding == 0;
    if (is_win && (r.language == 0x409 || !win)) win = r;
    if (is_apple && (r.language == 0 || !apple)) apple = r;
  }
  auto read = [&](const NameRecord& r, bool utf16) -> std::optional<std::string> {
    std::string s;
    const unsigned base = storage + r.offset, step = utf16 ? 2 : 1;
    for (unsigned k = 0; k + step <= r.length; k += step) {
      const unsigned hi = utf16 ? name.u8(base + k) : 0, c = name.u8(base + k + step - 1);
      if (hi != 0 || !postscript_char(c)) return std::nullopt;  // one bad character: no name
      s += static_cast<char>(c);
    }
    return s;
  };
  std::optional<std::string> out;
  if (win) out = read(*win, true);
  if (!out && apple) out = read(*apple, false);
  return out;
}

FontMetrics read_metrics(hb_face_t* face) {
  FontMetrics m;
  const SfntTable head(face, HB_TAG('h', 'e', 'a', 'd'));  // complete: validate_font_tables
  m.units_per_em = head.u16(18);
  m.bbox[0] = head.s16(36);
  m.bbox[1] = head.s16(38);
  m.bbox[2] = head.s16(40);
  m.bbox[3] = head.s16(42);

  const SfntTable post(face, HB_TAG('p', 'o', 's', 't'));
  if (post.size() >= 32) {
    m.italic_angle = static_cast<double>(static_cast<int32_t>(post.u32(4))) / 65536.0;
    m.fixed_pitch = post.u32(12) != 0;
  } else {
    m.italic_angle = 0;
    m.fixed_pitch = false;
  }

  // FreeType treats an OS/2 table shorter than its version needs as missing.
  const SfntTable os2(face, HB_TAG('O', 'S', '/', '2'));
  const unsigned version = os2.u16(0);
  const unsigned need = version >= 5 ? 100 : version >= 2 ? 96 : version >= 1 ? 86 : 78;
  if (os2.size() >= 78 && os2.size() >= need) {
    m.ascender = os2.s16(68);
    m.descender = os2.s16(70);
    if (version >= 2 && os2.s16(88) > 0) m.cap_height = os2.s16(88);
    const int family_class = os2.s16(30) >> 8;  // sFamilyClass's high byte: 1–7 are serif classes
    m.serif = family_class >= 1 && family_class <= 7;
  } else {
    const SfntTable hhea(face, HB_TAG('h', 'h', 'e', 'a'));
    m.ascender = hhea.s16(4);
    m.descender = hhea.s16(6);
  }
  return m;
}

}  // namespace bp::text
