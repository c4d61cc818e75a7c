// Fuzz target (f): the text pipeline on arbitrary code points. The bytes are read as code points
// (3 bytes each, little endian, modulo 0x110000 — so controls, surrogates, non-characters, bidi
// controls and unassigned planes all occur), then:
//   1. line_breaks() on them directly: libunibreak must never be reached with a code point it
//      asserts on, whatever the source of the text;
//   2. the typesetter (shaping, font fallback, line breaking, justification) with the theme's
//      fonts, at a width taken from the first byte;
//   3. the loader: a valid department file whose name and a free text hold the code points as
//      YAML escapes. It must either reject them (E016/E017, with a position) or accept text that
//      has no non-character, control (other than tab/newline), surrogate or bidi control; the
//      accepted text gives a file name that is one clean path component, and xml_safe() makes
//      any text XML 1.0.
//
// Properties: no crash or sanitizer report; the only exception is MissingGlyphsError (a character
// no font covers, which a build reports); every line's glyphs stay inside the paragraph.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/typesetting.hpp"
#include "fuzz_support.hpp"
#include "layout/context.hpp"
#include "model/load.hpp"
#include "text/coverage.hpp"
#include "text/linebreak.hpp"
#include "text/shape_cache.hpp"
#include "util/char_classes.hpp"
#include "util/file_names.hpp"
#include "util/utf8.hpp"
#include "util/xml_text.hpp"

namespace {

const std::string& example() {
  static const std::string text = [] {
    std::ifstream in(std::filesystem::path(BP_SOURCE_DIR) / "tests/data/minimal.yaml",
                     std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}

std::string escaped(const std::u32string& cps) {
  std::string out;
  char buf[16];
  for (char32_t c : cps) {
    std::snprintf(buf, sizeof buf, "\\U%08X", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

// Replaces the value of the first line starting with `prefix` by `value`.
std::string with_line(const std::string& text, const std::string& prefix,
                      const std::string& value) {
  const size_t at = text.find(prefix);
  if (at == std::string::npos) return text;
  const size_t end = text.find('\n', at);
  return text.substr(0, at) + prefix + value +
         text.substr(end == std::string::npos ? text.size() : end);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)bp::fuzz::context().typesetting();
  (void)example();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const double width = 20 + data[0] % 200;  // pt
  std::u32string cps;
  for (size_t i = 1; i + 3 <= size; i += 3)
    cps.push_back((data[i] | data[i + 1] << 8 | data[i + 2] << 16) % 0x110000);

  // 1. The line breaker alone.
  const auto breaks = bp::text::line_breaks(cps);
  BP_FUZZ_ASSERT(breaks.size() == cps.size());

  // 2. The typesetter, on the text as UTF-8 (surrogates become U+FFFD there).
  bp::Typesetting& ts = bp::fuzz::context().typesetting();
  bp::text::ShapeCache shaper;
  bp::text::Coverage coverage;
  bp::layout::Context lc(ts.theme, ts.fonts, shaper, coverage);
  const std::string utf8 = bp::utf8::from_u32(cps);
  try {
    for (const auto& line : lc.set(utf8, ts.theme.body, width)) {
      for (const auto& g : line.glyphs) BP_FUZZ_ASSERT(std::isfinite(g.x));
    }
  } catch (const bp::text::MissingGlyphsError&) {
  }

  // 3. The loader's guarantee for the same code points.
  std::string yaml = with_line(example(), "  name: ", "\"" + escaped(cps) + "\"");
  bp::Diagnostics diag("fuzz.yaml");
  const auto budget = bp::load_budget_text(yaml, "fuzz.yaml", diag);
  bool rejected = false;
  for (const auto& d : diag.all())
    if (d.code == "E016" || d.code == "E017") {
      rejected = true;
      BP_FUZZ_ASSERT(d.pos.line > 0);
    }
  if (budget && !rejected) {
    const std::string& name = budget->dept.name.value;
    for (size_t i = 0; i < name.size();) {
      const auto d = bp::utf8::decode(name, i);
      BP_FUZZ_ASSERT(d.valid());
      BP_FUZZ_ASSERT(!bp::chars::is_noncharacter(d.cp) && !bp::chars::is_control(d.cp) &&
                     !bp::chars::is_bidi_control(d.cp) && !bp::chars::is_invisible(d.cp));
      i += d.len;
    }
    const std::string stem = bp::department_file_stem("434", name);
    BP_FUZZ_ASSERT(!stem.empty() && stem.find('/') == std::string::npos && stem != "." &&
                   stem != ".." && stem.size() <= 120);
  }
  BP_FUZZ_ASSERT(bp::is_xml_safe(bp::xml_safe(utf8)));
  return 0;
}
