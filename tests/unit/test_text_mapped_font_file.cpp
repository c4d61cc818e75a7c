// text/mapped_font_file.hpp: the pages of a font file that hb-subset read are given back after the
// subset, and nothing read from the face afterwards changes (glyphs, subsets, PDF bytes).
#include <catch2/catch.hpp>

#include <hb.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "../tools/engine_support.hpp"
#include "pdf/font_subset.hpp"
#include "text/font.hpp"
#include "text/mapped_font_file.hpp"

using namespace bp;

namespace {

// Resident kB of the mapping that holds `p` (/proc/self/smaps), -1 when not found.
long resident_kb(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<uintptr_t>(p);
  std::string line;
  bool in = false;
  while (std::getline(smaps, line)) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      in = lo <= at && at < hi;
    } else if (in && line.rfind("Rss:", 0) == 0) {
      return std::stol(line.substr(4));
    }
  }
  return -1;
}

std::set<uint32_t> gids_of(const text::Font& font, std::u32string_view text) {
  std::set<uint32_t> out;
  for (char32_t c : text)
    if (const uint32_t g = font.glyph(c)) out.insert(g);
  return out;
}

}  // namespace

TEST_CASE("MappedFontFile: a file that cannot be mapped", "[text][font]") {
  CHECK(text::MappedFontFile::open("/nonexistent/font.ttc") == nullptr);
  CHECK(text::MappedFontFile::open("/") == nullptr);  // not a regular file
}

TEST_CASE("MappedFontFile: release_pages drops the pages read, not the data", "[text][font]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  auto map = text::MappedFontFile::open(serif.file());
  REQUIRE(map != nullptr);
  text::HbBlobPtr blob(map->blob(map));
  REQUIRE(blob);
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  REQUIRE(len == map->size());
  // Touch every 64th page: resident now.
  uint64_t sum = 0;
  for (size_t i = 0; i < len; i += 64 * 4096) sum += static_cast<unsigned char>(data[i]);
  CHECK(resident_kb(data) > 0);
  map->release_pages();
  CHECK(resident_kb(data) == 0);
  uint64_t again = 0;
  for (size_t i = 0; i < len; i += 64 * 4096) again += static_cast<unsigned char>(data[i]);
  CHECK(again == sum);
  map.reset();  // the blob keeps the mapping
  CHECK(hb_face_count(blob.get()) >= 1);
}

TEST_CASE("a face subset after its file's pages were given back is the same", "[text][font][pdf]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font font(serif.file(), serif.face_index());  // its own cache
  const auto gids = gids_of(font, U"第一部分部门预算（一）“三公”经费2023年。");
  // hb-subset's path gives the pages back itself (pdf/font_subset.cpp): a second subset reads the
  // file again, as does shaping.
  const std::string first = pdf::subset_font(font, gids, false, /*use_cache=*/false).cff;
  const uint32_t bu = font.glyph(U'部');
  font.release_file_pages();
  CHECK(font.glyph(U'部') == bu);
  CHECK(pdf::subset_font(font, gids, false, /*use_cache=*/false).cff == first);
  CHECK(pdf::subset_font(font, gids).cff == first);  // learned by the cache
  CHECK(pdf::subset_font(font, gids).cff == first);  // from the cache
}

TEST_CASE("every hb-subset of a face gives its pages back, also one of the missing glyphs only",
          "[text][font][pdf]") {
  const text::Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  const text::Font font(serif.file(), serif.face_index());  // its own cache
  text::HbBlobPtr blob(hb_face_reference_blob(font.hb_face()));
  const char* data = hb_blob_get_data(blob.get(), nullptr);
  REQUIRE(data != nullptr);
  const auto known = gids_of(font, U"第一部分部门预算（一）“三公”经费2023年。");
  // The whole set through hb-subset (the cache learns it).
  pdf::subset_font(font, known);
  CHECK(resident_kb(data) == 0);
  // Known glyphs and new ones: hb-subset makes the new ones alone (pdf/font_subset.cpp), and the
  // subset is the one hb-subset makes for the whole set.
  auto more = known;
  const auto extra = gids_of(font, U"机关运行经费政府采购国有资产占用");
  more.insert(extra.begin(), extra.end());
  REQUIRE(more.size() > known.size());
  const std::string partial = pdf::subset_font(font, more).cff;
  CHECK(resident_kb(data) == 0);
  CHECK(partial == pdf::subset_font(font, more, false, /*use_cache=*/false).cff);
}
