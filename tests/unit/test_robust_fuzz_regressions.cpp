// Replays every input the fuzzers found (tests/fuzz-regressions/<target>/, docs/robustness.md)
// through the same public functions the fuzz targets call, with the same properties, so that the
// normal (ASan+UBSan) test suite keeps each fixed bug fixed without a clang fuzz build.
//   check/   department files: check never throws, diagnostics are well-formed, a file that passes
//            builds its JSON and document tree
//   render/  department files that pass check: PDF and XLSX are built (or fail with a documented,
//            per-department error)
//   money/   first byte = unit (even 万元, odd 元), then the text: parse_money / format_wan round
//   trip cff/     CFF tables: read_cff fails only with CffError
//   text/    first byte = width, then code points of 3 bytes (fuzz_text.cpp): line breaking and
//            typesetting never abort (libunibreak's assertions), only MissingGlyphsError escapes
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/context.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/document_for.hpp"
#include "app/pipeline.hpp"
#include "json/tables_json.hpp"
#include "model/money.hpp"
#include "pdf/cff.hpp"
#include "pdf/render.hpp"
#include "layout/context.hpp"
#include "text/coverage.hpp"
#include "text/linebreak.hpp"
#include "text/shape_cache.hpp"
#include "util/utf8.hpp"
#include "util/work_budget.hpp"
#include "xlsx/xlsx_writer.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> cases(const std::string& target) {
  std::vector<fs::path> out;
  const fs::path dir = test::source_dir() / "tests/fuzz-regressions" / target;
  std::error_code ec;
  for (auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void check_properties(const CheckedBudget& c) {
  for (const auto& d : c.diag.sorted()) {
    CHECK(d.code.size() == 4);
    CHECK_FALSE(d.message.empty());
  }
  if (!c.ok()) return;
  CHECK(nlohmann::json::accept(tables_to_json(*c.budget, *c.profile, *c.derived)));
  CHECK_FALSE(document_for(c, test::context()).blocks.empty());
}

}  // namespace

TEST_CASE("fuzz regressions: check", "[robust][fuzz]") {
  for (const auto& f : cases("check")) {
    INFO(f.filename().string());
    std::optional<CheckedBudget> c;
    REQUIRE_NOTHROW(
        c.emplace(check_budget_text(test::slurp(f), f.filename().string(), test::context())));
    check_properties(*c);
  }
}

TEST_CASE("fuzz regressions: render", "[robust][fuzz][pdf]") {
  const auto all = cases("render");
  if (all.empty()) return;
  Typesetting& ts = test::context().typesetting();
  const fs::path xlsx =
      fs::temp_directory_path() / ("bp-fuzz-regression." + std::to_string(::getpid()) + ".xlsx");
  for (const auto& f : all) {
    INFO(f.filename().string());
    const CheckedBudget c =
        check_budget_text(test::slurp(f), f.filename().string(), test::context());
    check_properties(c);
    if (!c.ok()) continue;
    const doc::Document d = document_for(c, test::context());
    const WorkBudget budget;
    try {
      const std::string pdf = pdf::render_to_bytes(d, ts.theme, ts.fonts, nullptr, &budget);
      CHECK(pdf.rfind("%PDF-", 0) == 0);
    } catch (const text::MissingGlyphsError&) {
    } catch (const LimitError&) {
    }
    REQUIRE_NOTHROW(
        xlsx::write_workbook(d, xlsx, xlsx::options_from_style(test::context().themes().get(), 0)));
  }
  std::error_code ec;
  fs::remove(xlsx, ec);
}

TEST_CASE("fuzz regressions: money", "[robust][fuzz]") {
  for (const auto& f : cases("money")) {
    INFO(f.filename().string());
    const std::string bytes = test::slurp(f);
    REQUIRE_FALSE(bytes.empty());
    const Unit unit = (bytes[0] & 1) ? Unit::Yuan : Unit::Wan;
    const MoneyParse r = parse_money(std::string_view(bytes).substr(1), unit);
    if (!r.value) {
      CHECK_FALSE(r.error.empty());
      continue;
    }
    CHECK(r.value->in_fen() <= kMaxAmountFen);
    CHECK(r.value->in_fen() >= -kMaxAmountFen);
    const MoneyParse again = parse_money(format_wan(*r.value), Unit::Wan);
    REQUIRE(again.value);
    CHECK(again.value->in_fen() == wan_hundredths(*r.value) * (kFenPerWan / 100));
  }
}

TEST_CASE("fuzz regressions: cff", "[robust][fuzz]") {
  for (const auto& f : cases("cff")) {
    INFO(f.filename().string());
    const std::string bytes = test::slurp(f);
    try {
      const pdf::CffInfo info = pdf::read_cff(bytes);
      REQUIRE_FALSE(info.charset.empty());
      CHECK(info.charset[0] == 0);
    } catch (const pdf::CffError&) {
    }
  }
}

TEST_CASE("fuzz regressions: text", "[robust][fuzz]") {
  Typesetting& ts = test::context().typesetting();
  for (const auto& f : cases("text")) {
    INFO(f.filename().string());
    const std::string bytes = test::slurp(f);
    REQUIRE_FALSE(bytes.empty());
    std::u32string cps;
    for (size_t i = 1; i + 3 <= bytes.size(); i += 3) {
      const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[k])); };
      cps.push_back((b(i) | b(i + 1) << 8 | b(i + 2) << 16) % 0x110000);
    }
    CHECK(text::line_breaks(cps).size() == cps.size());
    text::ShapeCache shaper;
    text::Coverage coverage;
    layout::Context lc(ts.theme, ts.fonts, shaper, coverage);
    try {
      (void)lc.set(utf8::from_u32(cps), ts.theme.body,
                   20 + static_cast<uint8_t>(bytes[0]) % 200);
    } catch (const text::MissingGlyphsError&) {
    }
  }
}
