// Shaping without hb_shape (text/direct_shaping.hpp) gives HarfBuzz's exact answer: every run of
// the examples' and config/'s text, and random CJK/ASCII strings, shaped both ways in every face
// the themes use (Noto Serif/Sans CJK SC regular and bold, the Fandol faces of the gongwen theme),
// plain and with tabular digits, in the Han and Latin scripts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "../tools/engine_support.hpp"
#include "text/direct_shaping.hpp"
#include "text/shape_cache.hpp"
#include "util/utf8.hpp"

using namespace bp;
using namespace bp::text;

namespace {

const std::filesystem::path kSource = BP_SOURCE_DIR;
const std::filesystem::path kFandol = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";

// The lines of every text file below the examples and config/.
std::vector<std::u32string> project_lines() {
  std::vector<std::u32string> out;
  for (const char* dir : {"examples", "config"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(kSource / dir)) {
      if (!e.is_regular_file()) continue;
      const auto ext = e.path().extension();
      if (ext != ".yaml" && ext != ".txt" && ext != ".md" && ext != ".csv") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string line;
      while (std::getline(in, line)) out.push_back(utf8::to_u32(line));
    }
  }
  return out;
}

// Every distinct character of `lines`, and the maximal runs of plain characters in them (the
// runs the typesetter hands to ShapeCache are pieces of such lines).
std::vector<std::u32string> samples(const std::vector<std::u32string>& lines) {
  std::set<char32_t> chars;
  std::set<std::u32string> runs;
  for (const auto& l : lines) {
    std::u32string run;
    for (char32_t c : l) {
      chars.insert(c);
      if (plain_char(c)) {
        run.push_back(c);
      } else {
        if (!run.empty()) runs.insert(run);
        run.clear();
      }
    }
    if (!run.empty()) runs.insert(run);
  }
  std::vector<std::u32string> out(runs.begin(), runs.end());
  for (char32_t c : chars) out.push_back(std::u32string(1, c));
  // Random strings: Han of the common block, ASCII, CJK punctuation and full-width forms mixed,
  // and digits with separators (amounts) — seeded, so that a failure repeats.
  std::mt19937 rng(20);
  const std::u32string pool =
      U"0123456789.,-%‰()（）、，。：；！？“”《》—…·ABCDEFGHIJKLMNOPQRSTUVWXYZ"
      U"abcdefghijklmnopqrstuvwxyz ／＋－＝①②③ⅠⅡ℃≤≥±×÷■□";
  for (int k = 0; k < 600; ++k) {
    std::u32string s;
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) {
      switch (rng() % 3) {
        case 0:
          s.push_back(static_cast<char32_t>(0x4E00 + rng() % (0x9FA5 - 0x4E00)));
          break;
        case 1:
          s.push_back(pool[rng() % pool.size()]);
          break;
        default:
          s.push_back(static_cast<char32_t>(0x21 + rng() % (0x7F - 0x21)));
      }
    }
    out.push_back(s);
  }
  return out;
}

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].gid != b[i].gid || a[i].cluster != b[i].cluster || a[i].advance != b[i].advance ||
        a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset)
      return false;
  return true;
}

std::string describe(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

}  // namespace

TEST_CASE("direct shaping equals hb_shape on the project's text in every theme face",
          "[text][shape]") {
  FontSet& fonts = testing::shared_fonts();
  if (std::filesystem::exists(kFandol)) fonts.add_dir(kFandol);
  std::vector<const Font*> faces;
  for (const char* family : {"Noto Serif CJK SC", "Noto Sans CJK SC", "FandolSong", "FandolHei",
                             "FandolFang", "FandolKai"})
    for (bool bold : {false, true}) {
      try {
        faces.push_back(&fonts.get(family, bold));
      } catch (const FontError&) {
        if (std::string_view(family).starts_with("Noto")) throw;  // the default theme's faces
        WARN("no " << family << ": not compared");
      }
    }
  REQUIRE(faces.size() >= 4);

  const auto runs = samples(project_lines());
  REQUIRE(runs.size() > 1000);
  ShapeCache direct, harfbuzz;
  harfbuzz.set_direct(false);
  size_t compared = 0;
  for (const Font* font : faces) {
    for (hb_script_t script : {HB_SCRIPT_HAN, HB_SCRIPT_LATIN}) {
      for (bool tabular : {false, true}) {
        for (const auto& run : runs) {
          // Only characters the face covers reach it (the typesetter picks a covering face).
          bool covered = true;
          for (char32_t c : run) covered = covered && font->covers(c);
          if (!covered) continue;
          const auto& a = direct.shape(*font, script, run, tabular);
          const auto& b = harfbuzz.shape(*font, script, run, tabular);
          ++compared;
          if (!same(a, b))
            FAIL_CHECK(font->postscript_name()
                       << " script " << script << (tabular ? " tabular" : "") << ": "
                       << describe(run));
        }
      }
    }
  }
  INFO("compared " << compared << " runs, " << direct.direct() << " shaped directly");
  CHECK(harfbuzz.direct() == 0);
  // The direct path must serve most of it, or it saves nothing (a regression to watch).
  CHECK(direct.direct() * 2 > compared);
}

TEST_CASE("plain characters: no marks, ignorables, decomposables or fraction slash",
          "[text][shape]") {
  for (char32_t c : {U'财', U'A', U'1', U' ', U'，', U'（', U'—', U'…', U'％', U'①', U'℃'})
    CHECK(plain_char(c));
  // Combining acute, zero-width space, ZWJ, variation selector, fraction slash, é (decomposes),
  // a CJK compatibility ideograph (decomposes to 豈), kana with a voiced mark, soft hyphen, NBSP.
  for (char32_t c : {U'\u0301', U'\u200B', U'\u200D', U'\uFE0F', U'\u2044', U'\u00E9', U'\uF900',
                     U'\u304C', U'\u00AD', U'\u00A0', U'\u302A', U'\u2260', U'\n', U'\t'})
    CHECK_FALSE(plain_char(c));
}
