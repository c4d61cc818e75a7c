#include "text/cff_subset_cache.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <stdexcept>

namespace bp::text {

namespace {

// A CFF table that does not look the way this cache expects: the cache switches itself off.
struct Unexpected : std::runtime_error {
  explicit Unexpected(int line = __builtin_LINE())
      : std::runtime_error("CFF layout not modelled (line " + std::to_string(line) + ")") {}
};

uint32_t u8(std::string_view d, size_t at) {
  if (at >= d.size()) throw Unexpected();
  return static_cast<unsigned char>(d[at]);
}
uint32_t un(std::string_view d, size_t at, unsigned n) {
  uint32_t v = 0;
  for (unsigned i = 0; i < n; ++i) v = (v << 8) | u8(d, at + i);
  return v;
}

struct Index {
  std::vector<std::string_view> items;
  size_t data = 0;  // where the INDEX's data begins
  size_t end = 0;
};
Index read_index(std::string_view d, size_t at) {
  Index ix;
  const uint32_t count = un(d, at, 2);
  if (count == 0) {
    ix.data = ix.end = at + 2;
    return ix;
  }
  const unsigned off_size = u8(d, at + 2);
  if (off_size < 1 || off_size > 4) throw Unexpected();
  const size_t offsets = at + 3;
  const size_t base = offsets + (count + 1) * off_size - 1;  // offsets count from 1
  uint32_t prev = un(d, offsets, off_size);
  if (prev != 1) throw Unexpected();
  ix.data = base + prev;
  for (uint32_t i = 1; i <= count; ++i) {
    const uint32_t next = un(d, offsets + i * off_size, off_size);
    if (next < prev || base + next > d.size()) throw Unexpected();
    ix.items.push_back(d.substr(base + prev, next - prev));
    prev = next;
  }
  ix.end = base + prev;
  return ix;
}

// One DICT operator: its operands' integer values and where its last operand begins.
struct Op {
  std::vector<long> args;
  size_t last_arg_at = 0;
  unsigned last_arg_len = 0;
};
// DICT operator (12 x → 1200 + x) → its operands.
std::map<int, Op> read_dict(std::string_view d) {
  std::map<int, Op> out;
  Op cur;
  size_t i = 0;
  while (i < d.size()) {
    const uint32_t b0 = u8(d, i);
    const size_t at = i;
    if (b0 <= 21) {
      int op = static_cast<int>(b0);
      if (b0 == 12) op = 1200 + static_cast<int>(u8(d, ++i));
      out[op] = std::move(cur);
      cur = Op();
      ++i;
      continue;
    }
    long v = 0;
    if (b0 == 28) {
      v = static_cast<int16_t>(un(d, i + 1, 2));
      i += 3;
    } else if (b0 == 29) {
      v = static_cast<int32_t>(un(d, i + 1, 4));
      i += 5;
    } else if (b0 == 30) {
      ++i;
      while (true) {
        const uint32_t n = u8(d, i++);
        if ((n & 0x0F) == 0x0F || (n >> 4) == 0x0F) break;
      }
    } else if (b0 >= 32 && b0 <= 246) {
      v = static_cast<long>(b0) - 139;
      i += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      v = (static_cast<long>(b0) - 247) * 256 + u8(d, i + 1) + 108;
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      v = -(static_cast<long>(b0) - 251) * 256 - u8(d, i + 1) - 108;
      i += 2;
    } else {
      throw Unexpected();
    }
    cur.args.push_back(v);
    cur.last_arg_at = at;
    cur.last_arg_len = static_cast<unsigned>(i - at);
  }
  return out;
}

// The position of a 4-byte offset operand (hb-subset's link4: 29 + 4 bytes) of `op`.
size_t link4_at(const std::map<int, Op>& dict, int op) {
  const auto it = dict.find(op);
  if (it == dict.end() || it->second.last_arg_len != 5) throw Unexpected();
  return it->second.last_arg_at + 1;
}

// Each Type 2 charstring byte as the first byte of a token: its length, and whether it is an
// operand (else an operator; 12 starts a two-byte operator).
struct Token {
  uint8_t length;
  bool operand;
};
constexpr std::array<Token, 256> kTokens = [] {
  std::array<Token, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b == 28)
      t[b] = {3, true};
    else if (b >= 32 && b <= 246)
      t[b] = {1, true};
    else if (b >= 247 && b <= 254)
      t[b] = {2, true};
    else if (b == 255)
      t[b] = {5, true};
    else
      t[b] = {static_cast<uint8_t>(b == 12 ? 2 : 1), false};
  }
  return t;
}();

// True when a flattened Type 2 charstring may end in a seac-like endchar (4 operands or more):
// hb-subset then adds the accent's glyphs to the subset, which this cache does not model. Hint
// masks cannot occur without hints; a charstring holding one is not cached either.
bool may_pull_glyphs(std::string_view cs) {
  const auto* p = reinterpret_cast<const unsigned char*>(cs.data());
  const size_t size = cs.size();
  size_t i = 0;
  unsigned args = 0;
  while (i < size) {
    const unsigned char b0 = p[i];
    const Token t = kTokens[b0];
    i += t.length;
    if (t.operand) {
      ++args;
      continue;
    }
    if (b0 == 19 || b0 == 20 || b0 == 10 || b0 == 29 || b0 == 11)
      return true;  // hint masks; subroutine calls/returns (not flattened)
    if (b0 == 14) return args >= 4 || i != size;  // endchar must end the charstring
    args = 0;
  }
  return true;  // no endchar
}

void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}
void patch32(std::string& s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) s[at + k] = static_cast<char>((v >> (24 - 8 * k)) & 0xFF);
}
void patch16(std::string& s, size_t at, uint32_t v) {
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}

// An INDEX as hb-subset's CFFIndex::serialize_header writes it: the smallest offset size that
// holds the data's size + 1.
template <class Items>
std::string index_of(const Items& items) {
  std::string out;
  put16(out, static_cast<uint32_t>(items.size()));
  if (items.empty()) return out;
  size_t total = 0;
  for (const auto& s : items) total += s.size();
  unsigned bits = 0;
  for (size_t v = total + 1; v; v >>= 1) ++bits;
  const unsigned off_size = (bits + 7) / 8;
  out.push_back(static_cast<char>(off_size));
  out.reserve(out.size() + (items.size() + 1) * off_size + total);
  uint32_t offset = 1;
  auto put_offset = [&](uint32_t v) {
    for (unsigned k = off_size; k-- > 0;) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  };
  put_offset(offset);
  for (const auto& s : items) {
    offset += static_cast<uint32_t>(s.size());
    put_offset(offset);
  }
  for (const auto& s : items) out.append(s.data(), s.size());
  return out;
}

// hb-subset's serializer packs objects one after another and lays them out in the reverse order;
// an object packed with `share` that equals (byte for byte; none of these has links) an earlier
// shared object is dropped and the earlier one used instead.
class Packer {
 public:
  size_t pack(std::string bytes, bool share) {
    if (share)
      for (size_t k = 0; k < objects_.size(); ++k)
        if (shared_[k] && objects_[k] == bytes) return k;
    objects_.push_back(std::move(bytes));
    shared_.push_back(share);
    return objects_.size() - 1;
  }
  std::string& object(size_t k) { return objects_[k]; }
  // Absolute offsets once laid out after `root_size` bytes.
  std::vector<uint32_t> offsets(size_t root_size) const {
    std::vector<uint32_t> at(objects_.size());
    size_t pos = root_size;
    for (size_t k = objects_.size(); k-- > 0;) {
      at[k] = static_cast<uint32_t>(pos);
      pos += objects_[k].size();
    }
    return at;
  }
  void append_to(std::string& out) const {
    for (size_t k = objects_.size(); k-- > 0;) out += objects_[k];
  }
  size_t size() const {
    size_t n = 0;
    for (const auto& o : objects_) n += o.size();
    return n;
  }

 private:
  std::vector<std::string> objects_;
  std::vector<bool> shared_;
};

}  // namespace

bool CffSubsetCache::enabled() {
  std::unique_lock lock(mutex_);
  read_pending_locked();
  return !off_;
}

size_t CffSubsetCache::glyphs() {
  std::unique_lock lock(mutex_);
  read_pending_locked();
  return glyphs_.size();
}

bool CffSubsetCache::flattener_trusted() {
  std::unique_lock lock(mutex_);
  read_pending_locked();
  return !off_ && trust_ == Trust::trusted;
}

std::optional<std::set<uint32_t>> CffSubsetCache::flatten_missing(const std::set<uint32_t>& gids) {
  std::set<uint32_t> need;
  std::vector<uint32_t> todo;  // glyphs for the flattener
  {
    std::unique_lock lock(mutex_);
    read_pending_locked();
    if (off_) return std::nullopt;
    try {
      parse_original_locked();
    } catch (const Unexpected&) {
      off_ = true;
      glyphs_.clear();
      fds_.clear();
      return std::nullopt;
    }
    // The glyphs not known yet, .notdef first.
    std::vector<uint32_t> unknown;
    if (!glyphs_.count(0)) unknown.push_back(0);
    for (uint32_t g : gids) {
      if (g >= flattener_->glyph_count()) return std::nullopt;  // hb-subset's business
      if (g != 0 && !glyphs_.count(g)) unknown.push_back(g);
    }
    if (unknown.empty()) return need;
    if (trust_ == Trust::off) return std::set<uint32_t>(unknown.begin(), unknown.end());
    if (trust_ == Trust::unverified) {
      // A sample spread over the set: hb-subset makes it, and read_pending_locked compares.
      const size_t step = std::max<size_t>(1, unknown.size() / kSample);
      for (size_t k = 0; k < unknown.size(); k += step) need.insert(unknown[k]);
    }
    // One glyph of each font dict not known yet: its FontDICT and Private DICT as hb-subset
    // writes them.
    std::vector<bool> asked(fds_.size(), false);
    for (uint32_t g : unknown) {
      const uint32_t fd = original_fd(g);
      if (!fds_[fd].known && !asked[fd]) {
        asked[fd] = true;
        need.insert(g);
      }
    }
    if (trust_ != Trust::trusted) return need;
    for (uint32_t g : unknown)
      if (!need.count(g)) todo.push_back(g);
  }

  // Flattened without the lock (the flattener only reads the face): another thread may subset
  // the same face meanwhile.
  std::vector<std::pair<uint32_t, Glyph>> made;
  made.reserve(todo.size());
  std::string cs;
  for (uint32_t g : todo) {
    // A glyph the flattener refuses goes to hb-subset. (What it makes never holds what
    // may_pull_glyphs looks for: it refuses seac, and drops masks, calls and returns.)
    if (!flattener_->flatten(g, cs)) {
      need.insert(g);
      continue;
    }
    made.emplace_back(g, Glyph{cs, flattener_->cid(g), flattener_->fd(g)});
  }

  std::unique_lock lock(mutex_);
  read_pending_locked();
  if (off_) return std::nullopt;
  if (trust_ != Trust::trusted) {  // switched off meanwhile: every glyph made here is dropped
    for (const auto& [g, glyph] : made) need.insert(g);
    return need;
  }
  for (auto& [g, glyph] : made) glyphs_.try_emplace(g, std::move(glyph));
  return need;
}

void CffSubsetCache::verify_flattener_locked(const std::vector<uint32_t>& new_to_old) {
  if (trust_ == Trust::off) return;  // (learn_locked has read the original face)
  for (uint32_t g : new_to_old) {
    const auto it = glyphs_.find(g);
    if (it == glyphs_.end() || !flattener_->flatten(g, scratch_)) continue;  // refused: skipped
    if (scratch_ != it->second.charstring || flattener_->cid(g) != it->second.cid ||
        flattener_->fd(g) != it->second.fd) {
      trust_ = Trust::off;  // for good: the face's later glyphs come from hb-subset
      return;
    }
    ++verified_;
  }
  if (verified_ >= kTrustAfter) trust_ = Trust::trusted;
}

uint32_t CffSubsetCache::original_fd(uint32_t gid) const {
  if (gid >= flattener_->glyph_count()) throw Unexpected();
  return flattener_->fd(gid);
}

std::optional<std::set<uint32_t>> CffSubsetCache::missing(const std::set<uint32_t>& gids) {
  std::unique_lock lock(mutex_);
  read_pending_locked();
  if (off_ || !learned_) return std::nullopt;
  std::set<uint32_t> out;
  if (!glyphs_.count(0)) out.insert(0);
  for (uint32_t g : gids)
    if (!glyphs_.count(g)) out.insert(out.end(), g);
  return out;
}

std::optional<std::string> CffSubsetCache::assemble(const std::set<uint32_t>& gids) {
  {
    std::shared_lock lock(mutex_);
    if (off_ || (!learned_ && !pending_)) return std::nullopt;
    if (!pending_) {
      try {
        return assemble_locked(gids);
      } catch (const Unexpected&) {
        return std::nullopt;
      }
    }
  }
  std::unique_lock lock(mutex_);
  read_pending_locked();
  if (off_ || !learned_) return std::nullopt;
  try {
    return assemble_locked(gids);
  } catch (const Unexpected&) {
    return std::nullopt;
  }
}

std::optional<std::string> CffSubsetCache::assemble_locked(const std::set<uint32_t>& gids) const {
  // The subset's glyphs: .notdef, then the others in ascending original order (hb-subset
  // without RETAIN_GIDS).
  std::vector<const Glyph*> glyphs;
  glyphs.reserve(gids.size() + 1);
  auto add = [&](uint32_t g) {
    const auto it = glyphs_.find(g);
    if (it == glyphs_.end()) return false;
    glyphs.push_back(&it->second);
    return true;
  };
  if (!add(0)) return std::nullopt;
  for (uint32_t g : gids)
    if (g != 0 && !add(g)) return std::nullopt;
  const auto n = static_cast<uint32_t>(glyphs.size());

  // Font dicts kept, in ascending original order; each renumbered by its rank.
  std::vector<uint32_t> new_fd(fds_.size(), UINT32_MAX);
  for (const Glyph* g : glyphs) new_fd[g->fd] = 0;
  std::vector<uint32_t> kept;
  for (uint32_t fd = 0; fd < fds_.size(); ++fd)
    if (new_fd[fd] == 0) {
      if (!fds_[fd].known) return std::nullopt;
      new_fd[fd] = static_cast<uint32_t>(kept.size());
      kept.push_back(fd);
    }

  Packer packer;
  // Private DICTs, last font dict first (no local subrs: desubroutinized).
  std::vector<size_t> private_obj(fds_.size());
  for (size_t k = kept.size(); k-- > 0;)
    private_obj[kept[k]] = packer.pack(fds_[kept[k]].private_dict, true);

  // CharStrings.
  size_t charstrings_obj = 0;
  {
    std::vector<std::string_view> cs;
    cs.reserve(n);
    for (const Glyph* g : glyphs) cs.push_back(g->charstring);
    charstrings_obj = packer.pack(index_of(cs), false);
  }

  // FDArray: the dicts' data, then the INDEX header (two objects, laid out header first).
  std::vector<size_t> name_pos, private_pos;  // in the data object
  size_t fdarray_data_obj = 0, fdarray_obj = 0;
  {
    std::string data;
    std::vector<std::string_view> sizes;
    uint32_t next_sid = static_cast<uint32_t>(391 + top_strings_.size());
    for (size_t k = 0; k < kept.size(); ++k) {
      const FontDict& fd = fds_[kept[k]];
      name_pos.push_back(data.size() + fd.name_at);
      private_pos.push_back(data.size() + fd.private_at);
      data += fd.dict;
      patch16(data, name_pos.back(), fd.top_sid ? fd.top_sid : next_sid++);
      sizes.push_back(fd.dict);
    }
    std::string header = index_of(sizes);
    header.resize(header.size() - data.size());  // index_of appended the dicts: keep the header
    fdarray_data_obj = packer.pack(std::move(data), false);
    fdarray_obj = packer.pack(std::move(header), false);
  }

  // FDSelect, format 3 (hb-subset never writes format 0).
  size_t fdselect_obj = 0;
  {
    std::string s(1, '\x03');
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (uint32_t i = 0; i < n; ++i) {
      const uint32_t fd = new_fd[glyphs[i]->fd];
      if (ranges.empty() || ranges.back().second != fd) ranges.emplace_back(i, fd);
    }
    put16(s, static_cast<uint32_t>(ranges.size()));
    for (const auto& [first, fd] : ranges) {
      put16(s, first);
      s.push_back(static_cast<char>(fd));
    }
    put16(s, n);
    fdselect_obj = packer.pack(std::move(s), true);
  }

  // charset: CIDs of glyphs 1…n−1; format 0 when smaller than ranges, else 1 (or 2 when a range
  // has 256 glyphs or more), as hb-subset's plan_subset_charset chooses.
  size_t charset_obj = 0;
  {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // first CID, first glyph
    for (uint32_t i = 1; i < n; ++i)
      if (i == 1 || glyphs[i]->cid != glyphs[i - 1]->cid + 1)
        ranges.emplace_back(glyphs[i]->cid, i);
    bool two_byte = false;
    std::vector<uint32_t> left(ranges.size());
    for (size_t k = 0; k < ranges.size(); ++k) {
      const uint32_t next = k + 1 < ranges.size() ? ranges[k + 1].second : n;
      left[k] = next - ranges[k].second - 1;
      two_byte |= left[k] >= 0x100;
    }
    const size_t size0 = 1 + 2 * static_cast<size_t>(n - 1);
    const size_t size_ranges = 1 + (two_byte ? 4 : 3) * ranges.size();
    std::string s;
    if (size0 < size_ranges) {
      s.push_back('\x00');
      for (uint32_t i = 1; i < n; ++i) put16(s, glyphs[i]->cid);
    } else {
      s.push_back(two_byte ? '\x02' : '\x01');
      for (size_t k = 0; k < ranges.size(); ++k) {
        put16(s, ranges[k].first);
        if (two_byte)
          put16(s, left[k]);
        else
          s.push_back(static_cast<char>(left[k]));
      }
    }
    charset_obj = packer.pack(std::move(s), true);
  }

  packer.pack(std::string(2, '\0'), false);  // Global Subrs: empty

  // String INDEX: the Top DICT's strings, then the kept font dicts' names.
  {
    std::vector<std::string_view> strings(top_strings_.begin(), top_strings_.end());
    for (uint32_t fd : kept)
      if (!fds_[fd].top_sid) strings.push_back(fds_[fd].font_name);
    packer.pack(index_of(strings), true);
  }
  const size_t top_obj = packer.pack(top_, false);

  // Links: absolute offsets from the table's start.
  const std::vector<uint32_t> at = packer.offsets(root_.size());
  std::string& top = packer.object(top_obj);
  patch32(top, charset_at_, at[charset_obj]);
  patch32(top, charstrings_at_, at[charstrings_obj]);
  patch32(top, fdselect_at_, at[fdselect_obj]);
  patch32(top, fdarray_at_, at[fdarray_obj]);
  std::string& fdarray = packer.object(fdarray_data_obj);
  for (size_t k = 0; k < kept.size(); ++k)
    patch32(fdarray, private_pos[k], at[private_obj[kept[k]]]);

  std::string out;
  out.reserve(root_.size() + packer.size());
  out += root_;
  packer.append_to(out);
  return out;
}

void CffSubsetCache::learn(const std::set<uint32_t>& gids, std::string_view cff,
                           std::vector<uint32_t> new_to_old) {
  std::unique_lock lock(mutex_);
  read_pending_locked();
  if (off_) return;
  pending_gids_ = gids;
  pending_cff_.assign(cff);
  pending_new_to_old_ = std::move(new_to_old);
  pending_ = true;
}

void CffSubsetCache::read_pending_locked() {
  if (!pending_) return;
  pending_ = false;
  const std::set<uint32_t> gids = std::move(pending_gids_);
  const std::string cff = std::move(pending_cff_);
  const std::vector<uint32_t> new_to_old = std::move(pending_new_to_old_);
  pending_gids_.clear();
  pending_cff_.clear();
  pending_new_to_old_.clear();
  if (off_) return;
  try {
    // The self-check: the same subset from the cache must be hb-subset's, byte for byte (when
    // the cache now holds every glyph of it).
    if (learn_locked(gids, cff, new_to_old)) {
      const std::optional<std::string> again = assemble_locked(gids);
      if (!again || *again != cff) off_ = true;
    }
    // The flattener's check: its charstrings of these glyphs must be hb-subset's (also when
    // the table held a glyph the cache does not keep).
    if (!off_) verify_flattener_locked(new_to_old);
  } catch (const Unexpected&) {
    off_ = true;
  }
  if (off_) {  // nothing is kept for a face the cache cannot make
    glyphs_.clear();
    fds_.clear();
  }
}

void CffSubsetCache::parse_original_locked() {
  if (parsed_original_) return;
  // The original face is read once, by the flattener's parser: each glyph's font dict (FDSelect)
  // and CID (charset), the font dicts' subroutines. A face it cannot read (not CID-keyed, an
  // FDSelect format other than 0 or 3, …) is not modelled: the cache is off, hb-subset as before.
  flattener_ = CffFlattener::open(original_);
  if (!flattener_) throw Unexpected();
  fds_.assign(flattener_->font_dict_count(), FontDict());
  parsed_original_ = true;
}

bool CffSubsetCache::learn_locked(const std::set<uint32_t>& gids, std::string_view cff,
                                  const std::vector<uint32_t>& new_to_old) {
  parse_original_locked();

  // The subset must hold exactly .notdef and the glyphs asked for (no seac components).
  const auto n = static_cast<uint32_t>(new_to_old.size());
  {
    std::set<uint32_t> asked = gids;
    asked.insert(0);
    if (asked.size() != n || !std::equal(asked.begin(), asked.end(), new_to_old.begin()))
      return false;
  }

  const size_t names_at = u8(cff, 2);
  const Index names = read_index(cff, names_at);
  const Index tops = read_index(cff, names.end);
  if (tops.items.size() != 1) throw Unexpected();
  const std::string_view top_bytes = tops.items[0];
  const auto top = read_dict(top_bytes);
  if (!top.count(1230) || top.count(18) || top.count(16)) throw Unexpected();
  const size_t charset_at = link4_at(top, 15), charstrings_at = link4_at(top, 17),
               fdselect_at = link4_at(top, 1237), fdarray_at = link4_at(top, 1236);
  const Index strings = read_index(cff, tops.end);
  const Index gsubrs = read_index(cff, strings.end);
  if (!gsubrs.items.empty()) throw Unexpected();

  std::string top_copy(top_bytes);
  for (size_t p : {charset_at, charstrings_at, fdselect_at, fdarray_at}) patch32(top_copy, p, 0);
  const std::string_view root = cff.substr(0, tops.data);
  if (!learned_) {
    root_ = root;
    top_ = top_copy;
    charset_at_ = charset_at;
    charstrings_at_ = charstrings_at;
    fdselect_at_ = fdselect_at;
    fdarray_at_ = fdarray_at;
  } else if (root_ != root || top_ != top_copy) {
    throw Unexpected();
  }

  auto offset = [&](size_t p) { return static_cast<size_t>(un(top_bytes, p, 4)); };
  const Index charstrings = read_index(cff, offset(charstrings_at));
  if (charstrings.items.size() != n) throw Unexpected();
  const Index fdarray = read_index(cff, offset(fdarray_at));

  // New font dict k → original font dict, from the glyphs (ascending original order).
  std::vector<uint32_t> orig_fd_of(n);
  for (uint32_t i = 0; i < n; ++i) orig_fd_of[i] = original_fd(new_to_old[i]);
  std::vector<uint32_t> kept(orig_fd_of.begin(), orig_fd_of.end());
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  if (kept.size() != fdarray.items.size()) throw Unexpected();

  // Strings: the Top DICT's (hb-subset numbers them first), then the names of the kept font
  // dicts that are not among them.
  size_t top_string_count = 0;
  for (const auto& [op, operands] : top)
    if (op <= 4 || op == 1200 || op == 1221 || op == 1222 || op == 1230)
      for (size_t a = 0; a < operands.args.size() && a < (op == 1230 ? 2u : 1u); ++a)
        if (operands.args[a] >= 391)
          top_string_count =
              std::max(top_string_count, static_cast<size_t>(operands.args[a] - 390));
  if (strings.items.size() < top_string_count) throw Unexpected();
  std::vector<std::string> top_strings(strings.items.begin(),
                                       strings.items.begin() + top_string_count);
  if (!learned_)
    top_strings_ = top_strings;
  else if (top_strings_ != top_strings)
    throw Unexpected();

  size_t next_name = top_string_count;
  for (size_t k = 0; k < kept.size(); ++k) {
    const std::string_view dict = fdarray.items[k];
    const auto ops = read_dict(dict);
    const auto name = ops.find(1238);
    const auto priv = ops.find(18);
    if (name == ops.end() || name->second.last_arg_len != 3 || priv == ops.end() ||
        priv->second.args.size() != 2 || priv->second.last_arg_len != 5)
      throw Unexpected();
    FontDict fd;
    fd.known = true;
    const long sid = name->second.args.back();
    if (sid < static_cast<long>(391 + top_string_count)) {
      fd.top_sid = static_cast<uint32_t>(sid);  // one of the Top DICT's strings
      if (sid < 391) throw Unexpected();
      fd.font_name = strings.items[sid - 391];
    } else if (sid == static_cast<long>(391 + next_name) && next_name < strings.items.size()) {
      fd.font_name = strings.items[next_name++];
    } else {
      throw Unexpected();
    }
    fd.dict = dict;
    fd.name_at = name->second.last_arg_at + 1;
    fd.private_at = priv->second.last_arg_at + 1;
    const auto size = static_cast<size_t>(priv->second.args[0]);
    const auto at = static_cast<size_t>(priv->second.args[1]);
    if (size == 0 || at + size > cff.size()) throw Unexpected();
    fd.private_dict = cff.substr(at, size);
    const auto private_ops = read_dict(fd.private_dict);
    if (private_ops.count(19)) throw Unexpected();  // local subrs: not desubroutinized
    patch16(fd.dict, fd.name_at, 0);
    patch32(fd.dict, fd.private_at, 0);
    FontDict& known = fds_[kept[k]];
    if (!known.known)
      known = std::move(fd);
    else if (known.dict != fd.dict || known.name_at != fd.name_at ||
             known.private_at != fd.private_at || known.private_dict != fd.private_dict ||
             known.font_name != fd.font_name || known.top_sid != fd.top_sid)
      throw Unexpected();
  }
  if (next_name != strings.items.size()) throw Unexpected();

  // CIDs from the subset's charset.
  std::vector<uint32_t> cid(n, 0);
  {
    size_t at = offset(charset_at);
    const uint32_t format = u8(cff, at++);
    uint32_t g = 1;
    while (g < n) {
      if (format == 0) {
        cid[g++] = un(cff, at, 2);
        at += 2;
      } else if (format == 1 || format == 2) {
        const uint32_t first = un(cff, at, 2);
        const uint32_t left = format == 1 ? u8(cff, at + 2) : un(cff, at + 2, 2);
        at += format == 1 ? 3 : 4;
        for (uint32_t k = 0; k <= left && g < n; ++k) cid[g++] = first + k;
      } else {
        throw Unexpected();
      }
    }
  }

  bool complete = true;
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view cs = charstrings.items[i];
    if (may_pull_glyphs(cs)) {  // never assembled: its subsets come from hb-subset
      complete = false;
      continue;
    }
    Glyph& g = glyphs_[new_to_old[i]];
    if (g.charstring.empty()) {
      g.charstring = cs;
      g.cid = cid[i];
      g.fd = orig_fd_of[i];
    } else if (g.charstring != cs || g.cid != cid[i] || g.fd != orig_fd_of[i]) {
      throw Unexpected();
    }
  }
  learned_ = true;
  return complete;
}

}  // namespace bp::text
