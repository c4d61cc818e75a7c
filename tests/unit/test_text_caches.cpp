// The caches of typeset text (text/prepared_cache, text/typeset_caches) and the Flate streams
// (pdf/flate): a memo hit gives the same lines as a fresh preparation, different styles and
// formats never share an entry, characters reported to Coverage are reported on every call,
// entries unused for two documents are dropped, a worker's caches come back from the pool, and
// libdeflate's output inflates (zlib) to the input.
#include <zlib.h>
#include <catch2/catch.hpp>

#include "../tools/engine_support.hpp"
#include "pdf/flate.hpp"
#include "text/prepared_cache.hpp"
#include "text/raii.hpp"
#include "text/typeset_caches.hpp"
#include "text/units.hpp"

using namespace bp;
using namespace bp::text;

namespace {

struct Cached {
  ShapeCache shaper;
  Coverage coverage;
  PreparedCache memo;
  Typesetter ts{shaper, coverage};
  FontChain serif{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};
  FontChain sans{{&testing::shared_fonts().get("Noto Sans CJK SC", false)}};
  Cached() { ts.set_prepared_cache(&memo); }

  std::vector<Line> set(std::string_view s, const FontChain& chain, double size, double width,
                        double latin = 0.25) {
    ParagraphFormat f;
    f.width = width;
    f.latin_spacing_em = latin;
    StyledText run{s, {&chain, size, false}};
    return ts.set({&run, 1}, f);
  }
};

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].glyphs.size() != b[i].glyphs.size() || a[i].right != b[i].right) return false;
    for (size_t k = 0; k < a[i].glyphs.size(); ++k) {
      const auto &x = a[i].glyphs[k], &y = b[i].glyphs[k];
      if (x.font != y.font || x.gid != y.gid || x.x != y.x || x.size != y.size) return false;
    }
  }
  return true;
}

std::string inflate_all(const std::string& z, size_t size) {
  std::string out(size, '\0');
  uLongf n = static_cast<uLongf>(size);
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n,
                     reinterpret_cast<const Bytef*>(z.data()),
                     static_cast<uLong>(z.size())) == Z_OK);
  out.resize(n);
  return out;
}

}  // namespace

TEST_CASE("a memo hit sets the same lines as a fresh preparation", "[text][cache]") {
  Cached c;
  testing::Engine fresh;  // no memo
  FontChain serif{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};
  const std::string text = "一般公共预算财政拨款收入2075.36万元，比上年增长12.5%。";
  ParagraphFormat f;
  f.width = 120;
  StyledText run{text, {&serif, 10.5, false}};
  const auto expected = fresh.ctx.typesetter().set({&run, 1}, f);

  const auto first = c.set(text, c.serif, 10.5, 120);
  CHECK(c.memo.misses() == 1);
  const auto second = c.set(text, c.serif, 10.5, 120);
  CHECK(c.memo.hits() == 1);
  CHECK(same_lines(first, expected));
  CHECK(same_lines(second, expected));
  // Another measure reuses the prepared text (it does not depend on the width).
  c.set(text, c.serif, 10.5, 60);
  CHECK(c.memo.hits() == 2);
  CHECK(c.memo.size() == 1);
}

TEST_CASE("the memo key tells styles and formats apart", "[text][cache]") {
  Cached c;
  const auto a = c.set("合计2075.36", c.serif, 10.5, 200);
  const auto b = c.set("合计2075.36", c.sans, 10.5, 200);      // another face
  const auto d = c.set("合计2075.36", c.serif, 12, 200);       // another size
  const auto e = c.set("合计2075.36", c.serif, 10.5, 200, 0);  // no Han–Latin space
  CHECK(c.memo.hits() == 0);
  CHECK(c.memo.size() == 4);
  CHECK(a[0].glyphs[0].font != b[0].glyphs[0].font);
  CHECK(a[0].right < d[0].right);
  CHECK(e[0].right < a[0].right);
}

TEST_CASE("text reporting to Coverage is not memoised: every place is reported", "[text][cache]") {
  Cached c;
  c.coverage.set_context("table t1 row 1");
  c.set("合计\U0010FFFD元", c.serif, 10, 200);
  c.coverage.set_context("table t2 row 9");
  c.set("合计\U0010FFFD元", c.serif, 10, 200);
  CHECK(c.memo.size() == 0);
  const std::string report = c.coverage.report();
  CHECK(report.find("table t1 row 1") != std::string::npos);
  CHECK(report.find("table t2 row 9") != std::string::npos);
}

TEST_CASE("entries unused by the last two documents are dropped", "[text][cache]") {
  Cached c;
  c.set("项目支出", c.serif, 10, 200);  // document 1 only
  c.set("基本支出", c.serif, 10, 200);  // every document
  const size_t shaped = c.shaper.size();
  c.memo.next_document();
  c.shaper.next_document();
  c.set("基本支出", c.serif, 10, 200);  // document 2
  c.memo.next_document();
  c.shaper.next_document();
  CHECK(c.memo.size() == 2);  // document 1's text is kept while document 2 is the last one
  c.set("基本支出", c.serif, 10, 200);  // document 3
  c.memo.next_document();
  c.shaper.next_document();
  CHECK(c.memo.size() == 1);  // 项目支出 was used by neither document 2 nor 3
  CHECK(c.shaper.size() < shaped);
  CHECK(c.memo.hits() == 2);
}

TEST_CASE("another term list empties the memo", "[text][cache]") {
  PreparedCache memo;
  memo.insert("k", std::make_shared<const Units>());
  memo.use_terms(TermList::parse(""));
  CHECK(memo.size() == 1);  // the same (empty) list
  memo.use_terms(TermList::parse("满意度\n"));
  CHECK(memo.size() == 0);
}

TEST_CASE("a worker's caches come back from the pool with their entries", "[text][cache]") {
  TypesetCachePool pool;
  const Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  TypesetCaches* first = nullptr;
  {
    auto lease = pool.lease();
    first = &*lease;
    lease->shaper.shape(serif, HB_SCRIPT_HAN, U"预算");
    auto other = pool.lease();  // leased at the same time: a different set
    CHECK(&*other != first);
  }
  auto again = pool.lease();
  const size_t hits = again->shaper.hits();
  again->shaper.shape(serif, HB_SCRIPT_HAN, U"预算");
  // Either set may come back first; the one that shaped 预算 answers from its cache.
  if (&*again == first) CHECK(again->shaper.hits() == hits + 1);
}

TEST_CASE("Flate output inflates to its input and is deterministic", "[pdf][flate]") {
  pdf::Flate flate;
  std::string input;
  for (int i = 0; i < 2000; ++i)
    input += "BT /F1 10.5 Tf 1 0 0 1 " + std::to_string(i) + " 700 Tm ET\n";
  const std::string z = flate.compress(input);
  CHECK(z.size() < input.size() / 5);
  CHECK(inflate_all(z, input.size()) == input);
  CHECK(pdf::Flate().compress(input) == z);
  CHECK(inflate_all(flate.compress(""), 16).empty());
}

// Font programs are packed at a lower level than text (pdf/flate.hpp): the stream must still
// inflate to the program, the same bytes every time, and not be the text level's.
TEST_CASE("Flate packs a font program at its own level, losslessly", "[pdf][flate]") {
  pdf::Flate flate;
  const Font& serif = testing::shared_fonts().get("Noto Serif CJK SC", false);
  HbBlobPtr cff(hb_face_reference_table(serif.hb_face(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned len = 0;
  const char* data = hb_blob_get_data(cff.get(), &len);
  REQUIRE(len > 300000);
  const std::string program(data, 300000);  // a slice of real charstrings
  const std::string z = flate.compress(program, pdf::Packing::kFontProgram);
  CHECK(z.size() < program.size());
  CHECK(inflate_all(z, program.size()) == program);
  CHECK(pdf::Flate().compress(program, pdf::Packing::kFontProgram) == z);
  // Not the text level: the text compressor makes other bytes of the same program, and more
  // slowly for 1 % fewer (bench/pdf/README.md "Round 7, 20y").
  CHECK(z != flate.compress(program));
}

TEST_CASE("a document's own text is dropped when its layout ends; recurring text is kept",
          "[text][cache]") {
  Cached c;
  // Document 1: a label every department prints and a cell of its own.
  c.set("基本支出", c.serif, 10, 200);
  c.set("办公楼维修改造项目", c.serif, 10, 200);
  c.set("基本支出", c.serif, 10, 200);  // within the layout the memo answers
  CHECK(c.memo.hits() == 1);
  c.memo.end_layout();
  CHECK(c.memo.size() == 0);  // a lone document holds no memo while its PDF is written
  c.memo.next_document();
  // Document 2: the label again (prepared once more, now known to recur) and another cell.
  c.set("基本支出", c.serif, 10, 200);
  c.set("信息化运维项目", c.serif, 10, 200);
  CHECK(c.memo.hits() == 1);
  c.memo.end_layout();
  CHECK(c.memo.size() == 1);  // only the recurring label
  c.memo.next_document();
  // Document 3: the label comes from the memo; the lines are those of a fresh preparation.
  testing::Engine fresh;
  ParagraphFormat f;
  f.width = 200;
  f.latin_spacing_em = 0.25;
  FontChain serif{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};
  StyledText run{"基本支出", {&serif, 10, false}};
  const auto expected = fresh.ctx.typesetter().set({&run, 1}, f);
  CHECK(same_lines(c.set("基本支出", c.serif, 10, 200), expected));
  CHECK(c.memo.hits() == 2);
  c.memo.end_layout();
  CHECK(c.memo.size() == 1);
}

namespace {
// A body paragraph longer than PreparedCache::kLongestText, different per `seed`.
std::string long_paragraph(int seed) {
  static const char* const kPieces[] = {"一般公共预算财政拨款",
                                        "基本支出",
                                        "2075.36万元",
                                        "，比上年增长12.5%",
                                        "（主要用于办公楼维修改造）",
                                        "。",
                                        "Wi-Fi设备",
                                        "“三公”经费",
                                        " ",
                                        "——"};
  std::string s;
  unsigned x = static_cast<unsigned>(seed) * 2654435761u + 12345u;
  while (s.size() <= PreparedCache::kLongestText + 60) {
    x = x * 1103515245u + 12345u;
    s += kPieces[(x >> 16) % 10];
  }
  return s;
}
}  // namespace

// Issue 20D: a long paragraph is stored only when the document before prepared it too (the
// boilerplate of a batch), so a lone document holds none; what a stored entry sets is what a
// fresh preparation sets, over many texts, widths and documents.
TEST_CASE("long text is memoised only when it recurs, with the same lines", "[text][cache]") {
  Cached c;
  testing::Engine fresh;  // no memo
  FontChain serif{{&testing::shared_fonts().get("Noto Serif CJK SC", false)}};
  const std::string own = long_paragraph(999);
  for (int doc = 0; doc < 4; ++doc) {
    for (int k = 0; k < 40; ++k) {
      const std::string text = long_paragraph(k);
      REQUIRE(text.size() > PreparedCache::kLongestText);
      for (double width : {80.0, 163.5, 420.0}) {
        StyledText run{text, {&serif, 10.5, false}};
        CHECK(same_lines(c.set(text, c.serif, 10.5, width), c.set(text, c.serif, 10.5, width)));
        ParagraphFormat g;
        g.width = width;
        const auto expected = fresh.ctx.typesetter().set({&run, 1}, g);
        CHECK(same_lines(c.set(text, c.serif, 10.5, width), expected));
      }
    }
    if (doc == 0) CHECK(c.memo.size() == 0);  // nothing long stored by a lone document
    if (doc > 0) CHECK(c.memo.size() == 40);  // stored from the second document on
    // The department's own paragraph, once per document: never stored.
    c.set(own + std::to_string(doc), c.serif, 10.5, 200);
    CHECK(c.memo.size() == (doc == 0 ? 0u : 40u));
    c.memo.end_layout();
    c.memo.next_document();
  }
  CHECK(c.memo.size() == 40);
}

// Issue 20D: the plan-ahead helper's memo tells the layout's own which texts it prepared, so that
// the next document keeps a text whichever of the two threads prepares it then.
TEST_CASE("texts another memo of the document dropped count as prepared", "[text][cache]") {
  Cached layout, helper;
  helper.set("办公楼维修改造项目", helper.serif, 10, 200);  // document 1, on the helper
  helper.memo.end_layout();
  layout.memo.add_dropped(helper.memo);
  layout.memo.end_layout();
  layout.memo.next_document();
  layout.set("办公楼维修改造项目", layout.serif, 10, 200);  // document 2, on the layout's thread
  layout.memo.end_layout();
  CHECK(layout.memo.size() == 1);  // known to recur: kept for document 3
  layout.memo.next_document();
  layout.set("办公楼维修改造项目", layout.serif, 10, 200);
  CHECK(layout.memo.hits() == 1);
}

TEST_CASE("a lease given back early returns its caches to the pool", "[text][cache]") {
  TypesetCachePool pool;
  auto lease = pool.lease();
  TypesetCaches* first = &*lease;
  CHECK(pool.active() == 1);
  lease.release();
  CHECK(!lease);
  CHECK(pool.active() == 0);
  lease.release();  // once only: nothing more happens
  CHECK(pool.active() == 0);
  auto next = pool.lease();  // the next document gets the same set
  CHECK(&*next == first);
}
