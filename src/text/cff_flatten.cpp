#include "text/cff_flatten.hpp"

#include <algorithm>
#include <array>
#include <cstring>
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

// str_encoder_t::encode_int / encode_num of hb-subset-cff-common.hh, at `w` (≤ 5 bytes).
inline unsigned char* put_num(unsigned char* w, Num n) {
  int v = n.v;
  if (n.fraction) {
    const auto u = static_cast<uint32_t>(v);
    w[0] = 255;
    w[1] = static_cast<unsigned char>(u >> 24);
    w[2] = static_cast<unsigned char>(u >> 16);
    w[3] = static_cast<unsigned char>(u >> 8);
    w[4] = static_cast<unsigned char>(u);
    return w + 5;
  }
  if (v >= -107 && v <= 107) {
    *w = static_cast<unsigned char>(v + 139);
    return w + 1;
  }
  if (v >= 108 && v <= 1131) {
    v -= 108;
    w[0] = static_cast<unsigned char>((v >> 8) + 247);
    w[1] = static_cast<unsigned char>(v);
    return w + 2;
  }
  if (v <= -108 && v >= -1131) {
    v = -v - 108;
    w[0] = static_cast<unsigned char>((v >> 8) + 251);
    w[1] = static_cast<unsigned char>(v);
    return w + 2;
  }
  v = std::clamp(v, -32768, 32767);
  w[0] = 28;
  w[1] = static_cast<unsigned char>(v >> 8);
  w[2] = static_cast<unsigned char>(v);
  return w + 3;
}

// Grows `out` (the flattened charstring so far ends at `w`) for `need` more bytes; returns the new
// `w` and sets `limit` to the end of the room.
unsigned char* grow(std::string& out, unsigned char* w, size_t need, unsigned char*& limit) {
  auto* base = reinterpret_cast<unsigned char*>(out.data());
  const auto used = static_cast<size_t>(w - base);
  out.resize(std::max<size_t>(2 * out.size(), used + need + 256));
  base = reinterpret_cast<unsigned char*>(out.data());
  limit = base + out.size();
  return base + used;
}

// The length of a 1- or 2-byte integer from its first byte (0: an operator, 28 or 255).
constexpr std::array<uint8_t, 256> kIntLength = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 32; b <= 254; ++b) t[b] = b <= 246 ? 1 : 2;
  return t;
}();

// The operand at `t` (its length checked when it was pushed).
Num decode(const unsigned char* t) {
  const unsigned b0 = t[0];
  if (b0 == 28) return {static_cast<int16_t>((t[1] << 8) | t[2]), false};
  if (b0 <= 246) return {static_cast<int>(b0) - 139, false};
  if (b0 <= 250) return {(static_cast<int>(b0) - 247) * 256 + t[1] + 108, false};
  if (b0 <= 254) return {-(static_cast<int>(b0) - 251) * 256 - t[1] - 108, false};
  const auto raw = static_cast<int32_t>((static_cast<uint32_t>(t[1]) << 24) |
                                        (static_cast<uint32_t>(t[2]) << 16) |
                                        (static_cast<uint32_t>(t[3]) << 8) | t[4]);
  if ((raw & 0xFFFF) == 0) return {raw >> 16, false};  // 16.16 integral: written as an integer
  return {raw, true};
}

// The interpreter of cff1_cs_opset_flatten_t with drop_hints, for one glyph. One function without
// lambdas, so that its state stays in registers; the stack holds where each operand's bytes are
// (1- and 2-byte integers, nearly all of them, are copied as they are).
bool flatten_glyph(const unsigned char* p, const unsigned char* end,
                   const CffFlattener::Subrs* local, const CffFlattener::Subrs& global,
                   std::string& out) {
  // The flattened charstring, written through `w` into `out` (grown ahead of each operator: at
  // most 5 bytes an operand and 2 bytes of operator).
  if (out.size() < 512) out.resize(std::max<size_t>(512, out.capacity()));
  unsigned char* w = reinterpret_cast<unsigned char*>(out.data());
  unsigned char* limit = w + out.size();
  const unsigned char* stack[kMaxStack];
  unsigned count = 0;
  // Nearly always the operands of an operator follow each other in one charstring or subroutine,
  // all 1- and 2-byte integers, which hb-subset writes in the same bytes: then (`copy`) they are
  // copied at once, from `stack[0]` to `run_end`.
  bool copy = false;
  const unsigned char* run_end = nullptr;
  bool processed_width = false;
  bool width = false;  // the stack's first entry is the advance width, not written yet
  unsigned hstems = 0, vstems = 0, mask_bytes = 0;
  bool seen_mask = false;
  struct Frame {
    const unsigned char* p;
    const unsigned char* end;
  } calls[kMaxCallDepth];
  unsigned depth = 0;
  unsigned ops_left = kMaxOps;
  unsigned op = 0;
  int escaped = -1;

  for (;;) {
    if (p >= end) return false;
    unsigned b0 = *p;
    if (kIntLength[b0]) {  // a run of 1- and 2-byte integers, the bulk of a charstring
      const unsigned before = count;
      copy = before == 0 || (copy && p == run_end);
      unsigned length = kIntLength[b0];
      do {
        if (count == kMaxStack) return false;
        stack[count++] = p;
        p += length;
      } while (p < end && (length = kIntLength[*p]) != 0);
      if (p > end || ops_left <= count - before) return false;
      ops_left -= count - before;
      run_end = p;
      continue;
    }
    if (!--ops_left) return false;
    if (b0 == 28 || b0 == 255) {
      const size_t length = b0 == 28 ? 3 : 5;
      if (count == kMaxStack || static_cast<size_t>(end - p) < length) return false;
      copy = false;  // written again (28 within ±1131, 255 for an integer) or not: decided below
      stack[count++] = p;
      p += length;
      continue;
    }
    ++p;
    // cff1_cs_opset_t::check_width: the first stem, mask, move or endchar decides whether the
    // stack holds the advance width below its operands.
    switch (b0) {
      case 1:   // hstem
      case 18:  // hstemhm
        if (!processed_width) width = count & 1, processed_width = true;
        hstems += count / 2;
        goto drop;
      case 3:   // vstem
      case 23:  // vstemhm
        if (!processed_width) width = count & 1, processed_width = true;
        vstems += count / 2;
        goto drop;
      case 19:  // hintmask
      case 20:  // cntrmask
        if (!processed_width) width = count & 1, processed_width = true;
        if (!seen_mask) {  // operands before the first mask: an implicit vstem
          vstems += count / 2;
          mask_bytes = (hstems + vstems + 7) >> 3;
          seen_mask = true;
        }
        if (static_cast<size_t>(end - p) < mask_bytes) return false;
        p += mask_bytes;
        goto drop;
      case 21:  // rmoveto
        if (!processed_width) width = count > 2, processed_width = true;
        op = b0;
        goto flush;
      case 4:   // vmoveto
      case 22:  // hmoveto
        if (!processed_width) width = count > 1, processed_width = true;
        op = b0;
        goto flush;
      case 14:  // endchar (4 operands: seac, which pulls in other glyphs — refused)
        if (!processed_width) width = count & 1, processed_width = true;
        if (count >= 4) return false;
        op = b0;
        goto flush;
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
        op = b0;
        goto flush;
      case 10:    // callsubr
      case 29: {  // callgsubr
        const CffFlattener::Subrs* subrs = b0 == 10 ? local : &global;
        if (count == 0 || subrs == nullptr || depth == kMaxCallDepth) return false;
        const Num n = decode(stack[--count]);
        run_end = stack[count];  // the operands left end where the subroutine number began
        if (n.fraction) return false;
        const long k = static_cast<long>(n.v) + subrs->bias;
        std::string_view body;
        if (k < 0 || k >= static_cast<long>(subrs->index.count) ||
            !subrs->index.item(static_cast<uint32_t>(k), body))
          return false;
        calls[depth++] = {p, end};
        p = reinterpret_cast<const unsigned char*>(body.data());
        end = p + body.size();
        continue;
      }
      case 11:  // return
        if (depth == 0) return false;
        --depth;
        p = calls[depth].p;
        end = calls[depth].end;
        continue;
      case 12: {
        if (p >= end) return false;
        const unsigned b1 = *p++;
        // hflex, flex, hflex1, flex1 with their operand counts; dotsection and the arithmetic
        // operators are refused.
        const unsigned want = b1 == 34 ? 7 : b1 == 35 ? 13 : b1 == 36 ? 9 : b1 == 37 ? 11 : 0;
        if (want == 0 || count != want) return false;
        op = 12;
        escaped = static_cast<int>(b1);
        goto flush;
      }
      default:  // reserved
        return false;
    }

  drop:  // a hint operator dropped: only a pending width is written
    if (width) {
      if (limit - w < 16) w = grow(out, w, 16, limit);
      w = put_num(w, decode(stack[0]));
      width = false;
    }
    count = 0;
    continue;

  flush : {  // flush_args_and_op: the width (once), the operands, the operator
    const size_t need = 5 * (static_cast<size_t>(count) + 1) + 2;
    if (static_cast<size_t>(limit - w) < need) w = grow(out, w, need, limit);
    // The width first, if any, then the operands: 1- and 2-byte integers as they are (hb-subset
    // writes them in the same bytes), others written again.
    if (copy && count > 0) {
      const auto size = static_cast<size_t>(run_end - stack[0]);
      std::memcpy(w, stack[0], size);
      w += size;
    } else {
      for (unsigned i = 0; i < count; ++i) {
        const unsigned char* t = stack[i];
        const unsigned t0 = t[0];
        const unsigned length = kIntLength[t0];
        if (length == 1) {
          *w++ = static_cast<unsigned char>(t0);
        } else if (length == 2) {
          w[0] = static_cast<unsigned char>(t0);
          w[1] = t[1];
          w += 2;
        } else {
          w = put_num(w, decode(t));
        }
      }
    }
    *w++ = static_cast<unsigned char>(op);
    if (op == 12) {
      *w++ = static_cast<unsigned char>(escaped);
    } else if (op == 14) {
      out.resize(static_cast<size_t>(w - reinterpret_cast<unsigned char*>(out.data())));
      return true;
    }
    count = 0;
    width = false;
  }
  }
}

}  // namespace

bool CffFlattener::Index::item(uint32_t i, std::string_view& out) const {
  if (i >= count) return false;
  const unsigned char* q = offsets + static_cast<size_t>(i) * off_size;
  uint32_t from = 0, to = 0;
  switch (off_size) {
    case 1:
      from = q[0];
      to = q[1];
      break;
    case 2:
      from = (q[0] << 8) | q[1];
      to = (q[2] << 8) | q[3];
      break;
    case 3:
      from = (q[0] << 16) | (q[1] << 8) | q[2];
      to = (q[3] << 16) | (q[4] << 8) | q[5];
      break;
    default:
      from = (static_cast<uint32_t>(q[0]) << 24) | (q[1] << 16) | (q[2] << 8) | q[3];
      to = (static_cast<uint32_t>(q[4]) << 24) | (q[5] << 16) | (q[6] << 8) | q[7];
      break;
  }
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
