#include "text/cff_flatten.hpp"

#include <algorithm>
#include <map>

namespace bp::text {

namespace {

constexpr unsigned kMaxStack = 48;      // Type 2's limit (HarfBuzz allows 513: we refuse earlier)
constexpr unsigned kMaxCallDepth = 10;  // HarfBuzz's kMaxCallLimit
constexpr unsigned kMaxOps = 10000;     // HarfBuzz's kMaxOps: tokens per glyph

uint32_t read_u(std::string_view d, size_t at, unsigned n, bool& ok) {
  if (at + n > d.size()) {
    ok = false;
    return 0;
  }
  uint32_t v = 0;
  for (unsigned i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(d[at + i]);
  return v;
}

// An INDEX at `at` of `d`; `end` receives where it ends.
bool read_index(std::string_view d, size_t at, CffFlattener::Index& ix, size_t& end) {
  bool ok = true;
  ix = {};
  ix.count = read_u(d, at, 2, ok);
  if (!ok) return false;
  if (ix.count == 0) {
    end = at + 2;
    return true;
  }
  ix.off_size = read_u(d, at + 2, 1, ok);
  if (!ok || ix.off_size < 1 || ix.off_size > 4) return false;
  const size_t offsets = at + 3;
  const size_t data = offsets + (static_cast<size_t>(ix.count) + 1) * ix.off_size;
  const uint32_t last =
      read_u(d, offsets + static_cast<size_t>(ix.count) * ix.off_size, ix.off_size, ok);
  if (!ok || last < 1 || data + last - 1 > d.size()) return false;
  ix.offsets = reinterpret_cast<const unsigned char*>(d.data()) + offsets;
  ix.data = reinterpret_cast<const unsigned char*>(d.data()) + data;
  ix.data_size = last - 1;
  end = data + last - 1;
  return true;
}

int bias_of(uint32_t count) {
  if (count < 1240) return 107;
  if (count < 33900) return 1131;
  return 32768;
}

// DICT operator (12 x → 1200 + x) → its integer operands (reals read as 0).
bool read_dict(std::string_view d, std::map<int, std::vector<long>>& out) {
  std::vector<long> cur;
  size_t i = 0;
  bool ok = true;
  while (i < d.size()) {
    const uint32_t b0 = read_u(d, i, 1, ok);
    if (b0 <= 21) {
      int op = static_cast<int>(b0);
      if (b0 == 12) op = 1200 + static_cast<int>(read_u(d, ++i, 1, ok));
      out[op] = std::move(cur);
      cur.clear();
      ++i;
    } else if (b0 == 28) {
      cur.push_back(static_cast<int16_t>(read_u(d, i + 1, 2, ok)));
      i += 3;
    } else if (b0 == 29) {
      cur.push_back(static_cast<int32_t>(read_u(d, i + 1, 4, ok)));
      i += 5;
    } else if (b0 == 30) {
      ++i;
      while (ok) {
        const uint32_t n = read_u(d, i++, 1, ok);
        if ((n & 0x0F) == 0x0F || (n >> 4) == 0x0F) break;
      }
      cur.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      cur.push_back(static_cast<long>(b0) - 139);
      i += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      cur.push_back((static_cast<long>(b0) - 247) * 256 + read_u(d, i + 1, 1, ok) + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      cur.push_back(-(static_cast<long>(b0) - 251) * 256 - read_u(d, i + 1, 1, ok) - 108);
      i += 2;
    } else {
      return false;
    }
    if (!ok) return false;
  }
  return true;
}

// An operand: an integer, or a 16.16 fraction (`raw`) that is not one.
struct Num {
  int32_t v;
  bool fraction;
};

// str_encoder_t::encode_int / encode_num of hb-subset-cff-common.hh.
inline void put_int(std::string& out, int v) {
  if (v >= -107 && v <= 107) {
    out.push_back(static_cast<char>(v + 139));
  } else if (v >= 108 && v <= 1131) {
    v -= 108;
    out.push_back(static_cast<char>((v >> 8) + 247));
    out.push_back(static_cast<char>(v & 0xFF));
  } else if (v <= -108 && v >= -1131) {
    v = -v - 108;
    out.push_back(static_cast<char>((v >> 8) + 251));
    out.push_back(static_cast<char>(v & 0xFF));
  } else {
    v = std::clamp(v, -32768, 32767);
    out.push_back('\x1c');
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
    out.push_back(static_cast<char>(v & 0xFF));
  }
}
inline void put_num(std::string& out, Num n) {
  if (!n.fraction) return put_int(out, n.v);
  const auto u = static_cast<uint32_t>(n.v);
  out.push_back('\xff');
  out.push_back(static_cast<char>(u >> 24));
  out.push_back(static_cast<char>((u >> 16) & 0xFF));
  out.push_back(static_cast<char>((u >> 8) & 0xFF));
  out.push_back(static_cast<char>(u & 0xFF));
}

// The interpreter of cff1_cs_opset_flatten_t with drop_hints, for one glyph.
bool flatten_glyph(const unsigned char* p, const unsigned char* end,
                   const CffFlattener::Subrs* local, const CffFlattener::Subrs& global,
                   std::string& out) {
  out.clear();
  Num stack[kMaxStack];
  unsigned count = 0;
  bool processed_width = false;
  unsigned arg_start = 0;  // 1 while the width is the stack's first entry, not written yet
  unsigned hstems = 0, vstems = 0, mask_bytes = 0;
  bool seen_mask = false;
  struct Frame {
    const unsigned char* p;
    const unsigned char* end;
  } calls[kMaxCallDepth];
  unsigned depth = 0;
  unsigned ops_left = kMaxOps;

  // cff1_cs_opset_t::check_width: the first of these operators decides whether the stack holds
  // the advance width below its operands.
  auto check_width = [&](bool has_width) {
    if (!processed_width) {
      if (count > 0 && has_width) arg_start = 1;
      processed_width = true;
    }
  };
  // flush_args_and_op: the width (once), the operands, the operator.
  auto flush = [&](unsigned op, int escaped = -1) {
    if (arg_start > 0) put_num(out, stack[0]);
    for (unsigned i = arg_start; i < count; ++i) put_num(out, stack[i]);
    out.push_back(static_cast<char>(op));
    if (escaped >= 0) out.push_back(static_cast<char>(escaped));
    count = 0;
    arg_start = 0;
  };
  // A hint operator dropped: only a pending width is written.
  auto drop = [&] {
    if (arg_start > 0) put_num(out, stack[0]);
    count = 0;
    arg_start = 0;
  };

  for (;;) {
    if (!--ops_left || p >= end) return false;
    const unsigned b0 = *p++;
    if (b0 >= 32 || b0 == 28) {
      if (count == kMaxStack) return false;
      Num& n = stack[count++];
      n.fraction = false;
      if (b0 == 28) {
        if (end - p < 2) return false;
        n.v = static_cast<int16_t>((p[0] << 8) | p[1]);
        p += 2;
      } else if (b0 <= 246) {
        n.v = static_cast<int>(b0) - 139;
      } else if (b0 <= 254) {
        if (p >= end) return false;
        const int w = (static_cast<int>(b0) - (b0 <= 250 ? 247 : 251)) * 256 + *p++ + 108;
        n.v = b0 <= 250 ? w : -w;
      } else {  // 255: 16.16 fixed; integral values are written again as integers
        if (end - p < 4) return false;
        const auto raw = static_cast<int32_t>((static_cast<uint32_t>(p[0]) << 24) |
                                              (static_cast<uint32_t>(p[1]) << 16) |
                                              (static_cast<uint32_t>(p[2]) << 8) | p[3]);
        p += 4;
        if ((raw & 0xFFFF) == 0) {
          n.v = raw >> 16;
        } else {
          n.v = raw;
          n.fraction = true;
        }
      }
      continue;
    }
    switch (b0) {
      case 1:   // hstem
      case 18:  // hstemhm
        check_width(count & 1);
        hstems += count / 2;
        drop();
        break;
      case 3:   // vstem
      case 23:  // vstemhm
        check_width(count & 1);
        vstems += count / 2;
        drop();
        break;
      case 19:  // hintmask
      case 20:  // cntrmask
        check_width(count & 1);
        if (!seen_mask) {  // operands before the first mask: an implicit vstem
          vstems += count / 2;
          mask_bytes = (hstems + vstems + 7) >> 3;
          seen_mask = true;
        }
        if (static_cast<size_t>(end - p) < mask_bytes) return false;
        drop();
        p += mask_bytes;
        break;
      case 21:  // rmoveto
        check_width(count > 2);
        flush(b0);
        break;
      case 4:   // vmoveto
      case 22:  // hmoveto
        check_width(count > 1);
        flush(b0);
        break;
      case 5:   // rlineto
      case 6:   // hlineto
      case 7:   // vlineto
      case 8:   // rrcurveto
      case 24:  // rcurveline
      case 25:  // rlinecurve
      case 26:  // vvcurveto
      case 27:  // hhcurveto
      case 30:  // vhcurveto
      case 31:  // hvcurveto
        flush(b0);
        break;
      case 10:    // callsubr
      case 29: {  // callgsubr
        const CffFlattener::Subrs* subrs = b0 == 10 ? local : &global;
        if (count == 0 || subrs == nullptr || depth == kMaxCallDepth) return false;
        const Num n = stack[--count];
        if (n.fraction) return false;
        const long k = static_cast<long>(n.v) + subrs->bias;
        std::string_view body;
        if (k < 0 || k >= static_cast<long>(subrs->index.count) ||
            !subrs->index.item(static_cast<uint32_t>(k), body))
          return false;
        calls[depth++] = {p, end};
        p = reinterpret_cast<const unsigned char*>(body.data());
        end = p + body.size();
        break;
      }
      case 11:  // return
        if (depth == 0) return false;
        --depth;
        p = calls[depth].p;
        end = calls[depth].end;
        break;
      case 14:  // endchar (4 operands: seac, which pulls in other glyphs — refused)
        check_width(count & 1);
        if (count >= 4) return false;
        flush(b0);
        return true;
      case 12: {
        if (p >= end) return false;
        const unsigned b1 = *p++;
        // hflex, flex, hflex1, flex1 with their operand counts; dotsection and the arithmetic
        // operators are refused.
        const unsigned want = b1 == 34 ? 7 : b1 == 35 ? 13 : b1 == 36 ? 9 : b1 == 37 ? 11 : 0;
        if (want == 0 || count != want) return false;
        flush(12, static_cast<int>(b1));
        break;
      }
      default:  // reserved
        return false;
    }
  }
}

}  // namespace

bool CffFlattener::Index::item(uint32_t i, std::string_view& out) const {
  if (i >= count) return false;
  auto offset = [&](uint32_t k) {
    const unsigned char* q = offsets + static_cast<size_t>(k) * off_size;
    uint32_t v = 0;
    for (unsigned b = 0; b < off_size; ++b) v = (v << 8) | q[b];
    return v;
  };
  const uint32_t from = offset(i), to = offset(i + 1);
  if (from < 1 || to < from || to - 1 > data_size) return false;
  out = std::string_view(reinterpret_cast<const char*>(data) + from - 1, to - from);
  return true;
}

std::optional<CffFlattener> CffFlattener::open(std::string_view cff) {
  CffFlattener f;
  f.cff_ = cff;
  bool ok = true;
  const size_t header_size = read_u(cff, 2, 1, ok);
  if (!ok) return std::nullopt;
  Index names, tops, strings;
  size_t at = 0;
  if (!read_index(cff, header_size, names, at) || !read_index(cff, at, tops, at) ||
      !read_index(cff, at, strings, at) || !read_index(cff, at, f.global_.index, at))
    return std::nullopt;
  f.global_.bias = bias_of(f.global_.index.count);
  std::string_view top_bytes;
  if (tops.count != 1 || !tops.item(0, top_bytes)) return std::nullopt;
  std::map<int, std::vector<long>> top;
  if (!read_dict(top_bytes, top) || !top.count(1230)) return std::nullopt;  // not CID-keyed
  auto operand = [&](int op, long& v) {
    const auto it = top.find(op);
    if (it == top.end() || it->second.empty() || it->second.back() < 0) return false;
    v = it->second.back();
    return true;
  };
  long charstrings = 0, fdselect = 0, fdarray = 0, charset = 0;
  if (!operand(17, charstrings) || !operand(1237, fdselect) || !operand(1236, fdarray) ||
      !operand(15, charset) || charset <= 2)  // predefined charsets: not in a CID-keyed font
    return std::nullopt;
  size_t end = 0;
  if (!read_index(cff, static_cast<size_t>(charstrings), f.charstrings_, end)) return std::nullopt;
  const uint32_t glyphs = f.charstrings_.count;
  if (glyphs == 0) return std::nullopt;

  // FDArray: each font dict's Private DICT and its local subroutines.
  Index fds;
  if (!read_index(cff, static_cast<size_t>(fdarray), fds, end) || fds.count == 0 || fds.count > 255)
    return std::nullopt;
  for (uint32_t k = 0; k < fds.count; ++k) {
    std::string_view fd_bytes;
    std::map<int, std::vector<long>> fd;
    if (!fds.item(k, fd_bytes) || !read_dict(fd_bytes, fd)) return std::nullopt;
    Subrs subrs;
    subrs.index.count = 0;
    const auto priv = fd.find(18);
    if (priv != fd.end()) {
      if (priv->second.size() != 2 || priv->second[0] < 0 || priv->second[1] < 0 ||
          static_cast<size_t>(priv->second[0] + priv->second[1]) > cff.size())
        return std::nullopt;
      const auto private_at = static_cast<size_t>(priv->second[1]);
      std::map<int, std::vector<long>> private_dict;
      if (!read_dict(cff.substr(private_at, static_cast<size_t>(priv->second[0])), private_dict))
        return std::nullopt;
      const auto sub = private_dict.find(19);
      if (sub != private_dict.end()) {
        if (sub->second.empty() || sub->second.back() < 0 ||
            !read_index(cff, private_at + static_cast<size_t>(sub->second.back()), subrs.index,
                        end))
          return std::nullopt;
        subrs.bias = bias_of(subrs.index.count);
      }
    }
    f.local_.push_back(subrs);
  }

  // FDSelect, formats 0 and 3.
  {
    auto sel = static_cast<size_t>(fdselect);
    const uint32_t format = read_u(cff, sel, 1, ok);
    if (format == 0) {
      for (uint32_t g = 0; g < glyphs && ok; ++g) {
        const uint32_t fd = read_u(cff, sel + 1 + g, 1, ok);
        if (f.fd_ranges_.empty() || f.fd_ranges_.back().second != fd)
          f.fd_ranges_.emplace_back(g, fd);
      }
    } else if (format == 3) {
      const uint32_t ranges = read_u(cff, sel + 1, 2, ok);
      for (uint32_t k = 0; k < ranges && ok; ++k)
        f.fd_ranges_.emplace_back(read_u(cff, sel + 3 + 3 * k, 2, ok),
                                  read_u(cff, sel + 5 + 3 * k, 1, ok));
    } else {
      return std::nullopt;
    }
    if (!ok || f.fd_ranges_.empty() || f.fd_ranges_[0].first != 0) return std::nullopt;
    for (size_t k = 0; k < f.fd_ranges_.size(); ++k)
      if (f.fd_ranges_[k].second >= fds.count ||
          (k > 0 && f.fd_ranges_[k].first <= f.fd_ranges_[k - 1].first))
        return std::nullopt;
  }

  // charset: glyph → CID.
  {
    f.charset_at_ = static_cast<size_t>(charset);
    f.charset_format_ = read_u(cff, f.charset_at_, 1, ok);
    if (!ok) return std::nullopt;
    if (f.charset_format_ == 0) {
      if (f.charset_at_ + 1 + 2 * static_cast<size_t>(glyphs - 1) > cff.size()) return std::nullopt;
    } else if (f.charset_format_ == 1 || f.charset_format_ == 2) {
      size_t r = f.charset_at_ + 1;
      uint32_t g = 1;
      while (g < glyphs) {
        const uint32_t first = read_u(cff, r, 2, ok);
        const uint32_t left = read_u(cff, r + 2, f.charset_format_ == 1 ? 1 : 2, ok);
        if (!ok) return std::nullopt;
        r += f.charset_format_ == 1 ? 3 : 4;
        f.cid_ranges_.emplace_back(g, first);
        g += left + 1;
      }
    } else {
      return std::nullopt;
    }
  }
  return f;
}

uint32_t CffFlattener::fd(uint32_t gid) const {
  const auto it = std::upper_bound(fd_ranges_.begin(), fd_ranges_.end(), gid,
                                   [](uint32_t g, const auto& r) { return g < r.first; });
  return std::prev(it)->second;
}

uint32_t CffFlattener::cid(uint32_t gid) const {
  if (gid == 0) return 0;
  if (charset_format_ == 0) {
    const size_t at = charset_at_ + 1 + 2 * static_cast<size_t>(gid - 1);
    return (static_cast<uint32_t>(static_cast<unsigned char>(cff_[at])) << 8) |
           static_cast<unsigned char>(cff_[at + 1]);
  }
  const auto it = std::upper_bound(cid_ranges_.begin(), cid_ranges_.end(), gid,
                                   [](uint32_t g, const auto& r) { return g < r.first; });
  return std::prev(it)->second + (gid - std::prev(it)->first);
}

bool CffFlattener::flatten(uint32_t gid, std::string& out) const {
  std::string_view cs;
  if (!charstrings_.item(gid, cs)) return false;
  const Subrs& local = local_[fd(gid)];
  const auto* p = reinterpret_cast<const unsigned char*>(cs.data());
  return flatten_glyph(p, p + cs.size(), &local, global_, out);
}

bool CffFlattener::flatten_charstring(std::string_view charstring, std::string_view local_index,
                                      std::string_view global_index, std::string& out) {
  Subrs local, global;
  size_t end = 0;
  if (!read_index(local_index, 0, local.index, end) ||
      !read_index(global_index, 0, global.index, end))
    return false;
  local.bias = bias_of(local.index.count);
  global.bias = bias_of(global.index.count);
  const auto* p = reinterpret_cast<const unsigned char*>(charstring.data());
  return flatten_glyph(p, p + charstring.size(), &local, global, out);
}

}  // namespace bp::text
