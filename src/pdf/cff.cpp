#include "pdf/cff.hpp"

#include <map>

namespace bp::pdf {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view d) : d_(d) {}
  uint32_t u8(size_t at) const {
    if (at >= d_.size()) throw CffError("CFF 表不完整（被截断）");
    return static_cast<unsigned char>(d_[at]);
  }
  uint32_t un(size_t at, unsigned n) const {
    uint32_t v = 0;
    for (unsigned i = 0; i < n; ++i) v = (v << 8) | u8(at + i);
    return v;
  }
  // An INDEX at `at`: returns the item boundaries and the offset just past it.
  struct Index {
    std::vector<std::pair<size_t, size_t>> items;
    size_t end = 0;
  };
  Index index(size_t at) const {
    Index ix;
    uint32_t count = un(at, 2);
    if (count == 0) {
      ix.end = at + 2;
      return ix;
    }
    unsigned off_size = u8(at + 2);
    if (off_size < 1 || off_size > 4) throw CffError("CFF 表的 INDEX 偏移长度无效");
    size_t offsets = at + 3;
    size_t data = offsets + (count + 1) * off_size - 1;
    for (uint32_t i = 0; i < count; ++i) {
      size_t a = data + un(offsets + i * off_size, off_size);
      size_t b = data + un(offsets + (i + 1) * off_size, off_size);
      ix.items.push_back({a, b});
    }
    ix.end = data + un(offsets + count * off_size, off_size);
    return ix;
  }
  // DICT: operator (12 x → 1200 + x) → operands (integers; reals skipped as 0).
  std::map<int, std::vector<long>> dict(size_t a, size_t b) const {
    std::map<int, std::vector<long>> out;
    std::vector<long> ops;
    size_t i = a;
    while (i < b) {
      uint32_t b0 = u8(i);
      if (b0 <= 21) {
        int op = static_cast<int>(b0);
        if (b0 == 12) op = 1200 + static_cast<int>(u8(++i));
        out[op] = ops;
        ops.clear();
        ++i;
      } else if (b0 == 28) {
        ops.push_back(static_cast<int16_t>(un(i + 1, 2)));
        i += 3;
      } else if (b0 == 29) {
        ops.push_back(static_cast<int32_t>(un(i + 1, 4)));
        i += 5;
      } else if (b0 == 30) {  // real: nibbles until 0xf
        ++i;
        while (i < b) {
          uint32_t v = u8(i++);
          if ((v & 0x0F) == 0x0F || (v >> 4) == 0x0F) break;
        }
        ops.push_back(0);
      } else if (b0 >= 32 && b0 <= 246) {
        ops.push_back(static_cast<long>(b0) - 139);
        ++i;
      } else if (b0 >= 247 && b0 <= 250) {
        ops.push_back((static_cast<long>(b0) - 247) * 256 + u8(i + 1) + 108);
        i += 2;
      } else if (b0 >= 251 && b0 <= 254) {
        ops.push_back(-(static_cast<long>(b0) - 251) * 256 - u8(i + 1) - 108);
        i += 2;
      } else {
        throw CffError("CFF 表的 DICT 含保留字节");
      }
    }
    return out;
  }

 private:
  std::string_view d_;
};

}  // namespace

CffInfo read_cff(std::string_view cff) {
  Reader r(cff);
  size_t hdr = r.u8(2);
  auto names = r.index(hdr);
  auto top = r.index(names.end);
  if (top.items.empty()) throw CffError("CFF 表缺少 Top DICT");
  auto d = r.dict(top.items[0].first, top.items[0].second);
  CffInfo info;
  info.cid_keyed = d.count(1230) > 0;  // ROS
  auto cs = d.find(17);                // CharStrings
  if (cs == d.end() || cs->second.empty()) throw CffError("CFF 表缺少 CharStrings");
  const size_t glyphs = r.index(static_cast<size_t>(cs->second.back())).items.size();
  auto ch = d.find(15);  // charset
  long charset_off = ch == d.end() || ch->second.empty() ? 0 : ch->second.back();
  info.charset.assign(1, 0);
  if (charset_off <= 2) {  // predefined charsets: identity for our purposes
    for (size_t g = 1; g < glyphs; ++g) info.charset.push_back(static_cast<uint32_t>(g));
    return info;
  }
  size_t at = static_cast<size_t>(charset_off);
  const uint32_t format = r.u8(at++);
  while (info.charset.size() < glyphs) {
    if (format == 0) {
      info.charset.push_back(r.un(at, 2));
      at += 2;
    } else if (format == 1 || format == 2) {
      uint32_t first = r.un(at, 2);
      uint32_t left = format == 1 ? r.u8(at + 2) : r.un(at + 2, 2);
      at += format == 1 ? 3 : 4;
      for (uint32_t k = 0; k <= left && info.charset.size() < glyphs; ++k)
        info.charset.push_back(first + k);
    } else {
      throw CffError("CFF 表的 charset 格式 " + std::to_string(format) + " 无法识别");
    }
  }
  return info;
}

CffCids read_cff_cids(std::string_view cff, const std::vector<uint32_t>& gids) {
  Reader r(cff);
  const auto names = r.index(r.u8(2));
  const auto top = r.index(names.end);
  if (top.items.empty()) throw CffError("CFF 表缺少 Top DICT");
  const auto d = r.dict(top.items[0].first, top.items[0].second);
  CffCids out;
  out.cid_keyed = d.count(1230) > 0;  // ROS
  if (!out.cid_keyed || gids.empty()) return out;
  const auto cs = d.find(17);  // CharStrings: only the count of its INDEX
  if (cs == d.end() || cs->second.empty()) throw CffError("CFF 表缺少 CharStrings");
  const uint32_t glyphs = r.un(static_cast<size_t>(cs->second.back()), 2);
  if (gids.back() >= glyphs) throw CffError("CFF 表的字形编号超出范围");
  const auto ch = d.find(15);  // charset
  const long charset_off = ch == d.end() || ch->second.empty() ? 0 : ch->second.back();
  auto g = gids.begin();
  if (charset_off <= 2) {  // predefined charsets: identity, as read_cff reads them
    for (; g != gids.end(); ++g) out.cid_of_gid.emplace_back(*g, *g);
    return out;
  }
  for (; g != gids.end() && *g == 0; ++g) out.cid_of_gid.emplace_back(0, 0);  // .notdef
  size_t at = static_cast<size_t>(charset_off);
  const uint32_t format = r.u8(at++);
  uint32_t next = 1;  // the glyph index the charset describes next
  while (g != gids.end()) {
    // One entry (format 0) or one range (formats 1, 2): glyphs next … next + count − 1 have CIDs
    // first … first + count − 1.
    uint32_t first = 0, count = 0;
    if (format == 0) {
      first = r.un(at, 2);
      count = 1;
      at += 2;
    } else if (format == 1 || format == 2) {
      first = r.un(at, 2);
      count = (format == 1 ? r.u8(at + 2) : r.un(at + 2, 2)) + 1;
      at += format == 1 ? 3 : 4;
    } else {
      throw CffError("CFF 表的 charset 格式 " + std::to_string(format) + " 无法识别");
    }
    for (; g != gids.end() && *g < next + count; ++g)
      out.cid_of_gid.emplace_back(*g, first + (*g - next));
    next += count;
  }
  return out;
}

}  // namespace bp::pdf
