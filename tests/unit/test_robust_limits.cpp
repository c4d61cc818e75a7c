// Resource limits a hostile department file cannot exceed (docs/limits.md): YAML nodes, items per
// list and in all lists together, text length (also in lists of texts), sums that overflow, the
// per-department time and page ceilings inside the layout and the batch, and the messages that
// quote file content without passing control characters to the terminal.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/context.hpp"
#include "../support/budget_text.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "../tools/engine_support.hpp"
#include "app/batch.hpp"
#include "app/pipeline.hpp"
#include "model/load.hpp"
#include "pdf/render.hpp"
#include "util/work_budget.hpp"

using namespace bp;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace std::string_literals;

namespace {

using test::minimal;

bool has_code(const Diagnostics& d, const std::string& code) {
  for (const auto& x : d.all())
    if (x.code == code) return true;
  return false;
}

std::string repeat(const std::string& s, size_t n, const std::string& sep = ",") {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? sep : "") + s;
  return out;
}

}  // namespace

TEST_CASE("YAML node count is limited before the tree is built", "[robust][limits]") {
  LoadLimits lim;
  lim.max_yaml_nodes = 1000;
  Diagnostics d("x.yaml");
  // 2000 scalars in one flow list: refused by the streaming prescan.
  auto b =
      load_budget_text("schema: 1\nexpenditure: [" + repeat("0", 2000) + "]\n", "x.yaml", d, lim);
  CHECK_FALSE(b);
  REQUIRE(has_code(d, "E014"));
  CHECK(d.all().size() == 1);
  CHECK(d.all()[0].pos.line == 2);  // where the limit was passed
  CHECK(d.all()[0].message.find("YAML 节点过多") != std::string::npos);

  // The examples are far below the default limit.
  Diagnostics ok("201.yaml");
  CHECK(load_budget_file(test::source_dir() / "examples/2024/201.yaml", ok));
  CHECK_FALSE(ok.has_errors());
}

TEST_CASE("items of all lists together are limited", "[robust][limits]") {
  LoadLimits lim;
  lim.max_total_rows = 50;
  Diagnostics d("x.yaml");
  std::string text = minimal() + "performance:\n  overall: [" + repeat("a", 30) +
                     "]\n  measures: [" + repeat("b", 30) + "]\n";
  load_budget_text(text, "x.yaml", d, lim);
  REQUIRE(has_code(d, "E014"));
  size_t e014 = 0;
  for (const auto& x : d.all())
    if (x.code == "E014") {
      ++e014;
      CHECK(x.message.find("合计超过 50 条") != std::string::npos);
      CHECK(x.message.find("工作保障措施") != std::string::npos);  // the list that passed it
    }
  CHECK(e014 == 1);  // reported once, not for every further list

  Diagnostics fine("x.yaml");
  lim.max_total_rows = 70;
  load_budget_text(text, "x.yaml", fine, lim);
  CHECK_FALSE(has_code(fine, "E014"));
}

TEST_CASE("lists of texts have the list and text limits too", "[robust][limits]") {
  LoadLimits lim;
  lim.max_list_items = 10;
  lim.max_text_bytes = 100;
  auto check = [&](const std::string& extra) {
    Diagnostics d("x.yaml");
    load_budget_text(minimal() + extra, "x.yaml", d, lim);
    return has_code(d, "E014");
  };
  CHECK(check("performance:\n  overall: [" + repeat("a", 11) + "]\n"));
  CHECK(check("performance:\n  measures: \"" + std::string(101, 'm') + "\"\n"));
  CHECK(check("projects:\n  - name: p\n    goals: [\"" + std::string(101, 'g') + "\"]\n"));
  CHECK_FALSE(check("performance:\n  overall: [" + repeat("a", 10) + "]\n  measures: \"" +
                    std::string(100, 'm') + "\"\n"));
}

TEST_CASE("a sum that overflows is an error of the file, not a crash", "[robust][limits]") {
  std::string text = minimal();
  const std::string line = "  - code: \"2010301\"\n    basic: 80.00\n";
  const auto at = text.find(line);
  REQUIRE(at != std::string::npos);
  // Ten amounts at the per-amount limit (999999999999.99 万元): each fits, their sum does not.
  std::string lines;
  for (int i = 11; i <= 20; ++i)
    lines += "  - {code: \"20103" + std::to_string(i) + "\", basic: 999999999999}\n";
  text.replace(at, line.size(), lines + line);
  std::optional<CheckedBudget> checked;
  REQUIRE_NOTHROW(checked.emplace(check_budget_text(text, "x.yaml", test::context())));
  const CheckedBudget& c = *checked;
  CHECK_FALSE(c.ok());
  CHECK(has_code(c.diag, "E010"));
  CHECK(c.diag.format_all().find("金额之和超出可表示的范围") != std::string::npos);

  // Replayed from the corpus file too.
  auto f = check_budget_file(test::source_dir() / "tests/bad/overflow-sum.yaml", test::context());
  CHECK(has_code(f.diag, "E010"));
}

TEST_CASE("diagnostics never pass control characters through", "[robust][diagnostics]") {
  Diagnostics d(std::string("evil\x1b[2Jname.yaml"));
  d.error("E013", {3, 4}, "未知的资金来源“gpb\0\x1b]0;title\x07”"s, "提示\x9b里\xc2\x9b有 C1");
  const std::string s = d.format_all();
  for (unsigned char c : s) CHECK((c >= 0x20 || c == '\n'));
  CHECK(s.find("\xc2\x9b") == std::string::npos);
  CHECK(s.find("evil\\x1b[2Jname.yaml:3:4") != std::string::npos);
  CHECK(s.find("gpb\\x00\\x1b]0;title\\x07") != std::string::npos);
  CHECK(s.find("\\u009b有 C1") != std::string::npos);
  CHECK(s.find("未知的资金来源") != std::string::npos);  // ordinary UTF-8 untouched

  // A quoted value megabytes long (a key or code of the file) is cut, on a character boundary.
  Diagnostics big("x.yaml");
  std::string huge;
  for (int i = 0; i < 100000; ++i) huge += "码";
  big.error("E012", {1, 1}, "部门编码“" + huge + "”格式不对");
  const std::string t = big.format_all();
  CHECK(t.size() < 2200);
  CHECK(t.find("字节从略") != std::string::npos);
  CHECK(t.rfind("x.yaml:1:1: 错误[E012]: 部门编码“码码", 0) == 0);
}

TEST_CASE("WorkBudget: time and pages", "[robust][budget]") {
  WorkBudget unlimited(ResourceLimits{0ms, 0});
  CHECK_FALSE(unlimited.expired());
  CHECK_NOTHROW(unlimited.check_time("检查"));
  CHECK_NOTHROW(unlimited.check_pages(1'000'000));

  WorkBudget tiny(ResourceLimits{1ms, 3});
  std::this_thread::sleep_for(5ms);
  CHECK(tiny.expired());
  try {
    tiny.check_time("排版");
    FAIL("no LimitError");
  } catch (const LimitError& e) {
    CHECK(std::string(e.what()).find("处理超时") != std::string::npos);
    CHECK(std::string(e.what()).find("排版") != std::string::npos);
  }
  CHECK_NOTHROW(tiny.check_pages(3));
  CHECK_THROWS_AS(tiny.check_pages(4), LimitError);
  CHECK_THROWS_AS(check_default_page_limit(ResourceLimits{}.max_pages + 1), LimitError);

  // Time spent waiting for another department (the -j1 pipeline) moves the deadline.
  WorkBudget waiting(ResourceLimits{20ms, 0});
  std::this_thread::sleep_for(30ms);
  CHECK(waiting.expired());
  waiting.extend(1h);
  CHECK_FALSE(waiting.expired());
  CHECK_NOTHROW(waiting.check_time("生成 pdf"));
  CHECK_NOTHROW(check_default_page_limit(ResourceLimits{}.max_pages));
}

namespace {
// n pages: a paragraph after each page break.
doc::Document pages(int n) {
  doc::Document d;
  d.meta.title = "t";
  for (int i = 0; i < n; ++i) {
    if (i) d.blocks.push_back(doc::PageBreak{});
    d.blocks.push_back(
        doc::Paragraph{{{"第" + std::to_string(i + 1) + "页"}}, doc::ParaStyle::Body});
  }
  return d;
}

// One long table: the layout's row loop is where a big file spends its time.
doc::Document long_table(int rows) {
  doc::Document d;
  doc::Table t;
  t.id = "big";
  t.column_widths = {1, 3};
  t.head.push_back({{{"编码"}, {"名称"}}, doc::RowRole::Head});
  for (int r = 0; r < rows; ++r)
    t.body.push_back({{{std::to_string(r)}, {"预算支出项目名称第" + std::to_string(r) + "行"}},
                      doc::RowRole::Item});
  d.blocks.push_back(std::move(t));
  return d;
}
}  // namespace

TEST_CASE("the layout stops at the page ceiling and at the time limit", "[robust][budget][pdf]") {
  auto& fonts = testing::shared_fonts();
  const auto& theme = testing::default_theme();
  {
    const WorkBudget b(ResourceLimits{0ms, 5});
    CHECK_NOTHROW(pdf::render_to_bytes(pages(5), theme, fonts, nullptr, &b));
    try {
      pdf::render_to_bytes(pages(6), theme, fonts, nullptr, &b);
      FAIL("no LimitError");
    } catch (const LimitError& e) {
      CHECK(std::string(e.what()).find("超过 5 页") != std::string::npos);
    }
  }
  {
    // Expired before the layout starts: the first table cell stops it (not only a stage boundary).
    const WorkBudget b(ResourceLimits{1ms, 0});
    std::this_thread::sleep_for(5ms);
    try {
      pdf::render_to_bytes(long_table(50), theme, fonts, nullptr, &b);
      FAIL("no LimitError");
    } catch (const LimitError& e) {
      CHECK(std::string(e.what()).find("停在排版阶段") != std::string::npos);
    }
  }
  // Without a budget only the default page ceiling applies.
  CHECK_NOTHROW(pdf::render_to_bytes(long_table(50), theme, fonts));
}

TEST_CASE("a department over its time limit fails with E014, the others build",
          "[robust][budget][batch]") {
  test::TempDir t("bp-robust");
  // Checking an example takes about 10 ms: far over a 1 ms limit, so both fail at the boundary
  // after check, before anything is rendered.
  fs::create_directories(t.path / "src");
  fs::copy_file(test::source_dir() / "examples/2024/201.yaml", t.path / "src/a.yaml");
  fs::copy_file(test::source_dir() / "examples/2023/434.yaml", t.path / "src/b.yaml");
  BatchOptions o;
  o.formats = {Format::Json, Format::Pdf};
  o.out_dir = t.path / "out";
  o.jobs = 1;
  o.use_manifest = false;
  o.limits.time = 1ms;
  auto inputs = collect_batch_inputs({(t.path / "src").string()});
  BatchReport r;
  std::vector<DeptResult> results;
  BatchCallbacks cb;
  cb.result = [&](const DeptResult& d) { results.push_back(d); };
  r = run_batch(inputs.files, o, test::context(), cb);
  CHECK(r.failed == 2);
  REQUIRE(results.size() == 2);
  for (const auto& d : results) {
    CHECK(d.first_error.find("错误[E014]: 处理超时") != std::string::npos);
    CHECK(d.written.empty());
  }
  // Staging directories of failed departments are gone.
  for (auto& e : fs::directory_iterator(o.out_dir))
    CHECK(e.path().filename().string().rfind(".budgetpress-staging", 0) != 0);

  o.limits.time = 300s;
  o.formats = {Format::Json};
  r = run_batch(inputs.files, o, test::context(), {});
  CHECK(r.built == 2);
  CHECK(r.failed == 0);
}
