// text/cff_flatten.hpp: our Type 2 charstring flattener must write, glyph for glyph, the bytes
// hb-subset 6.0 writes with HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_NO_HINTING, and
// refuse what it does not model.
#include <catch2/catch.hpp>

#include <hb.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../tools/engine_support.hpp"
#include "pdf/font_subset.hpp"
#include "text/cff_flatten.hpp"
#include "text/cff_subset_cache.hpp"
#include "text/font.hpp"
#include "util/utf8.hpp"

using namespace bp;

namespace {

std::string_view cff_table(const text::Font& font, text::HbBlobPtr& keep) {
  keep.reset(hb_face_reference_table(font.hb_face(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned len = 0;
  const char* data = hb_blob_get_data(keep.get(), &len);
  return {data, len};
}

// Every Nth glyph of the face and every glyph of the examples' text: flattened by us and by
// hb-subset (one subset of them all), compared byte for byte.
void compare_face(const text::Font& font) {
  INFO(font.file().string() << " face " << font.face_index());
  text::HbBlobPtr blob;
  const auto flattener = text::CffFlattener::open(cff_table(font, blob));
  REQUIRE(flattener.has_value());
  const uint32_t count = flattener->glyph_count();
  REQUIRE(count == hb_face_get_glyph_count(font.hb_face()));
  std::set<uint32_t> gids;
  const uint32_t step = count > 20000 ? 23 : 7;  // Noto CJK: 65 535 glyphs, Fandol ≈ 10 000
  for (uint32_t g = 1; g < count; g += step) gids.insert(g);
  gids.insert(count - 1);
  for (const auto& e : std::filesystem::directory_iterator("examples/2023"))
    if (e.path().extension() == ".yaml") {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      for (char32_t c : utf8::to_u32(ss.str()))
        if (const uint32_t g = font.glyph(c)) gids.insert(g);
    }
  REQUIRE(gids.size() > 1500);

  const std::string subset = pdf::subset_font(font, gids, false, /*use_cache=*/false).cff;
  const auto ours = text::CffFlattener::open(subset);
  REQUIRE(ours.has_value());
  REQUIRE(ours->glyph_count() == gids.size() + 1);
  std::vector<uint32_t> olds = {0};
  olds.insert(olds.end(), gids.begin(), gids.end());
  size_t refused = 0, equal = 0;
  std::string flat;
  for (uint32_t n = 0; n < olds.size(); ++n) {
    std::string_view expected;
    REQUIRE(ours->charstring(n, expected));
    if (!flattener->flatten(olds[n], flat)) {
      ++refused;
      continue;
    }
    INFO("glyph " << olds[n]);
    REQUIRE(flat == expected);
    CHECK(flattener->cid(olds[n]) == ours->cid(n));
    ++equal;
  }
  CHECK(refused == 0);  // Noto CJK uses nothing the flattener refuses
  CHECK(equal == olds.size());
}

// A Type 2 number as a font would write it (1 byte, 2 bytes, 28 + int16).
std::string num(int v) {
  std::string s;
  if (v >= -107 && v <= 107) {
    s.push_back(static_cast<char>(v + 139));
  } else if (v >= 108 && v <= 1131) {
    s.push_back(static_cast<char>(((v - 108) >> 8) + 247));
    s.push_back(static_cast<char>((v - 108) & 0xFF));
  } else if (v <= -108 && v >= -1131) {
    s.push_back(static_cast<char>(((-v - 108) >> 8) + 251));
    s.push_back(static_cast<char>((-v - 108) & 0xFF));
  } else {
    s += "\x1c";
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
    s.push_back(static_cast<char>(v & 0xFF));
  }
  return s;
}
std::string nums(std::initializer_list<int> vs) {
  std::string s;
  for (int v : vs) s += num(v);
  return s;
}
std::string op(int o) {
  return std::string(1, static_cast<char>(o));
}
std::string op12(int o) {
  return std::string("\x0c") + static_cast<char>(o);
}
const std::string endchar = op(14), rmoveto = op(21), hmoveto = op(22), hlineto = op(6),
                  hstemhm = op(18), hstem = op(1), vstem = op(3), hintmask = op(19),
                  cntrmask = op(20), callsubr = op(10), callgsubr = op(29), ret = op(11);

// An INDEX of `items` (offSize 1 or 2).
std::string index_of(const std::vector<std::string>& items) {
  std::string s;
  s.push_back(static_cast<char>(items.size() >> 8));
  s.push_back(static_cast<char>(items.size() & 0xFF));
  if (items.empty()) return s;
  size_t total = 1;
  for (const auto& i : items) total += i.size();
  const int off_size = total > 255 ? 2 : 1;
  s.push_back(static_cast<char>(off_size));
  size_t offset = 1;
  auto put = [&](size_t v) {
    if (off_size == 2) s.push_back(static_cast<char>(v >> 8));
    s.push_back(static_cast<char>(v & 0xFF));
  };
  put(offset);
  for (const auto& i : items) put(offset += i.size());
  for (const auto& i : items) s += i;
  return s;
}

std::optional<std::string> flat(const std::string& cs, const std::vector<std::string>& local = {},
                                const std::vector<std::string>& global = {}) {
  std::string out;
  if (!text::CffFlattener::flatten_charstring(cs, index_of(local), index_of(global), out))
    return std::nullopt;
  return out;
}

bool refuses(const std::string& cs, const std::vector<std::string>& local = {},
             const std::vector<std::string>& global = {}) {
  return !flat(cs, local, global).has_value();
}

}  // namespace

TEST_CASE("CffFlattener: Noto CJK charstrings identical to hb-subset's", "[text][cff][slow]") {
  for (const char* family : {"Noto Serif CJK SC", "Noto Sans CJK SC"})
    for (bool bold : {false, true}) {
      const text::Font& font = testing::shared_fonts().get(family, bold);
      if (font.synthetic_bold()) continue;  // the regular face's outlines
      compare_face(font);
    }
}

TEST_CASE("CffFlattener: a CID-keyed face whose CIDs are not its glyph IDs", "[text][cff]") {
  const std::filesystem::path file =
      "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf";
  if (!std::filesystem::exists(file)) {
    WARN("FandolFang-Regular.otf not installed");
    return;
  }
  compare_face(text::Font(file, 0));
}

TEST_CASE("CffFlattener: width, hints and masks", "[text][cff]") {
  // No width: the operators as they are.
  const std::string path = nums({10, 20}) + rmoveto + nums({30}) + hlineto + endchar;
  CHECK(flat(path) == path);
  // A width before the first move (rmoveto with 3 operands), hmoveto with 2, endchar with 1.
  CHECK(flat(nums({500, 10, 20}) + rmoveto + endchar) == nums({500, 10, 20}) + rmoveto + endchar);
  CHECK(flat(nums({500, 10}) + hmoveto + endchar) == nums({500, 10}) + hmoveto + endchar);
  CHECK(flat(nums({500}) + endchar) == nums({500}) + endchar);
  // Only the first stem or move decides: a later odd count is no width.
  CHECK(flat(nums({10, 20}) + rmoveto + nums({1, 2, 3}) + op(5) + endchar) ==
        nums({10, 20}) + rmoveto + nums({1, 2, 3}) + op(5) + endchar);
  // Stems dropped; the width they carried written where they were.
  CHECK(flat(nums({-300, 10, 20, 30, 40}) + hstem + nums({5, 6}) + vstem + nums({1, 2}) + rmoveto +
             endchar) == nums({-300, 1, 2}) + rmoveto + endchar);
  CHECK(flat(nums({10, 20}) + hstem + nums({1, 2}) + rmoveto + endchar) ==
        nums({1, 2}) + rmoveto + endchar);
  // hintmask: 5 hstems + an implicit vstem of 4 pairs = 9 stems, 2 mask bytes, then cntrmask.
  const std::string mask2 = "\xff\x80";
  CHECK(flat(nums({700, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) + hstemhm + nums({1, 2, 3, 4, 5, 6, 7, 8}) +
             hintmask + mask2 + nums({1, 2}) + rmoveto + cntrmask + mask2 + nums({3}) + hlineto +
             hintmask + std::string("\x01\x00", 2) + endchar) ==
        nums({700, 1, 2}) + rmoveto + nums({3}) + hlineto + endchar);
  // A mask's bytes that look like operators are skipped, not read (here: endchar, 14).
  CHECK(flat(nums({1, 2}) + hstem + hintmask + "\x0e" + nums({4, 5}) + rmoveto + endchar) ==
        nums({4, 5}) + rmoveto + endchar);
}

TEST_CASE("CffFlattener: numbers written again", "[text][cff]") {
  // 28 + int16 for small values → 1 or 2 bytes; beyond ±1131 stays 28.
  CHECK(flat(std::string("\x1c\x00\x32\x1c\x01\xf4\x1c\x04\xd2\x1c\xfb\x2e", 12) + op(5) +
             endchar) == nums({50, 500, 1234, -1234}) + op(5) + endchar);
  // 16.16: integral values as integers, fractions as they are.
  CHECK(flat(std::string("\xff\x00\x05\x00\x00\xff\xff\xfb\x00\x00", 10) + hmoveto + endchar) ==
        nums({5, -5}) + hmoveto + endchar);
  const std::string half("\xff\x00\x05\x80\x00", 5);
  CHECK(flat(half + nums({7}) + op(5) + endchar) == half + nums({7}) + op(5) + endchar);
  // Boundaries of the 1- and 2-byte forms.
  CHECK(flat(nums({107, 108, -107, -108, 1131, -1131, 1132, -1132}) + op(8) + endchar) ==
        nums({107, 108, -107, -108, 1131, -1131, 1132, -1132}) + op(8) + endchar);
}

TEST_CASE("CffFlattener: subroutines inlined", "[text][cff]") {
  // Local subr 0 (bias 107) and global subr 1; `return` dropped, the stack shared.
  const std::vector<std::string> local = {nums({30}) + hlineto + ret};
  const std::vector<std::string> global = {"", nums({1, 2}) + ret};
  CHECK(flat(nums({0, 0}) + rmoveto + nums({-107}) + callsubr + nums({-106}) + callgsubr + op(5) +
                 endchar,
             local, global) ==
        nums({0, 0}) + rmoveto + nums({30}) + hlineto + nums({1, 2}) + op(5) + endchar);
  // endchar inside a subroutine ends the glyph (the rest of the caller is not read).
  const std::vector<std::string> ends = {nums({10, 20}) + rmoveto + endchar};
  CHECK(flat(nums({-107}) + callsubr + "\x0c\x0a", ends) == nums({10, 20}) + rmoveto + endchar);
  // Nested calls, 10 deep: inlined; 11 deep: refused.
  std::vector<std::string> chain;
  for (int k = 0; k < 11; ++k) chain.push_back(nums({-107 + k + 1}) + callsubr + ret);
  chain.back() = nums({9}) + hlineto + ret;
  std::vector<std::string> ten(chain.begin() + 1, chain.end());
  for (int k = 0; k < 9; ++k) ten[k] = nums({-107 + k + 1}) + callsubr + ret;
  CHECK(flat(nums({-107}) + callsubr + endchar, ten) == nums({9}) + hlineto + endchar);
  CHECK(refuses(nums({-107}) + callsubr + endchar, chain));
  // The bias follows the count: 1240 subrs → 1131.
  std::vector<std::string> many(1240, ret);
  many[0] = nums({4}) + hlineto + ret;
  CHECK(flat(nums({-1131}) + callsubr + endchar, many) == nums({4}) + hlineto + endchar);
}

TEST_CASE("CffFlattener: refuses what it does not model", "[text][cff]") {
  const std::vector<std::string> local = {nums({1}) + hlineto + ret};
  CHECK(refuses(nums({1, 2}) + op12(10) + hlineto + endchar));   // add
  CHECK(refuses(nums({1}) + op12(0) + endchar));                 // dotsection
  CHECK(refuses(nums({0, 10, 20, 65, 66}) + endchar));           // seac
  CHECK(refuses(nums({10, 20, 65, 66}) + endchar));              // seac, no width
  CHECK(refuses(nums({1, 2}) + rmoveto + nums({3}) + hlineto));  // no endchar
  CHECK(refuses(nums({1, 2}) + rmoveto + ret + endchar));        // return at top
  CHECK(refuses(nums({-106}) + callsubr + endchar, local));      // subr out of range
  CHECK(refuses(nums({-107}) + callgsubr + endchar, local));     // no global subrs
  CHECK(refuses(callsubr + endchar, local));                     // stack underflow
  CHECK(refuses(nums({1, 2}) + op(2) + endchar));                // reserved
  CHECK(refuses(nums({1, 2, 3}) + op12(34) + endchar));          // hflex: 7 operands
  CHECK(flat(nums({1, 2, 3, 4, 5, 6, 7}) + op12(34) + endchar) ==
        nums({1, 2, 3, 4, 5, 6, 7}) + op12(34) + endchar);
  CHECK(refuses(std::string("\x1c\x01", 2)));       // truncated number
  CHECK(refuses(nums({1, 2}) + hstem + hintmask));  // truncated mask
  std::string deep;
  for (int k = 0; k < 49; ++k) deep += num(k);
  CHECK(refuses(deep + op(8) + endchar));  // stack overflow
  std::string full;
  for (int k = 0; k < 48; ++k) full += num(k);
  CHECK(flat(full + op(8) + endchar) == full + op(8) + endchar);
  // A subroutine that calls itself: depth limit, refused.
  CHECK(refuses(nums({-107}) + callsubr + endchar, {nums({-107}) + callsubr + ret}));
}

TEST_CASE("CffSubsetCache: the flattener is verified on the face, then trusted", "[text][cff]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font font(serif.file(), serif.face_index());  // its own cache
  text::CffSubsetCache* cache = font.cff_subset_cache();
  std::set<uint32_t> gids;
  for (char32_t c : utf8::to_u32("二〇二三年部门预算公开目录收支总表财政拨款一般公共预算支出"))
    gids.insert(font.glyph(c));
  for (uint32_t g = 1000; g < 30000; g += 701) gids.insert(g);
  CHECK_FALSE(cache->flattener_trusted());
  const pdf::FontSubset first = pdf::subset_font(font, gids);
  CHECK(cache->flattener_trusted());
  CHECK(first.cff == pdf::subset_font(font, gids, false, /*use_cache=*/false).cff);
  // Glyphs never seen: flattened, no hb-subset table needed beyond new font dicts.
  std::set<uint32_t> more = gids;
  for (uint32_t g = 40000; g < 60000; g += 997) more.insert(g);
  REQUIRE(cache->flatten_missing(more).has_value());
  CHECK(pdf::subset_font(font, more).cff ==
        pdf::subset_font(font, more, false, /*use_cache=*/false).cff);
  CHECK(cache->flatten_missing(more)->empty());
}

TEST_CASE("CffSubsetCache: a flattener that disagrees with hb-subset is switched off",
          "[text][cff]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font font(serif.file(), serif.face_index());  // its own cache
  text::CffSubsetCache* cache = font.cff_subset_cache();
  std::set<uint32_t> gids;
  for (uint32_t g = 2000; g < 32000; g += 1000) gids.insert(g);
  // hb-subset's table with one operand of glyph 2000's charstring changed (same length): the
  // cache's own assembly still matches it, the flattener no longer does.
  std::string table = pdf::subset_font(font, gids, false, /*use_cache=*/false).cff;
  {
    const auto read = text::CffFlattener::open(table);
    REQUIRE(read.has_value());
    std::string_view cs;
    REQUIRE(read->charstring(1, cs));
    const size_t at = static_cast<size_t>(cs.data() - table.data());
    // Its first token is an operand: its last byte changed by one bit.
    const auto b0 = static_cast<unsigned char>(table[at]);
    REQUIRE((b0 == 28 || (b0 >= 32 && b0 <= 254)));
    const size_t last = at + (b0 == 28 ? 2 : b0 >= 247 ? 1 : 0);
    if (last == at)
      table[at] = static_cast<char>(b0 == 246 ? 245 : b0 + 1);  // still a 1-byte integer
    else
      table[last] = static_cast<char>(table[last] ^ 1);
  }
  std::vector<uint32_t> new_to_old = {0};
  new_to_old.insert(new_to_old.end(), gids.begin(), gids.end());
  cache->learn(gids, table, new_to_old);
  CHECK_FALSE(cache->flattener_trusted());
  CHECK(cache->enabled());  // the cache itself stays on: hb-subset makes what it lacks
  std::set<uint32_t> fresh;
  for (uint32_t g = 40000; g < 60000; g += 499) fresh.insert(g);
  REQUIRE(cache->flatten_missing(fresh).has_value());
  CHECK(cache->flatten_missing(fresh)->size() == fresh.size());  // nothing flattened
  CHECK(pdf::subset_font(font, fresh).cff ==
        pdf::subset_font(font, fresh, false, /*use_cache=*/false).cff);
  CHECK_FALSE(cache->flattener_trusted());
}
