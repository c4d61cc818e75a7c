// EarlyLoad (app/early_load.hpp): a lone department's file read and parsed on its own thread before
// the configuration exists must give exactly what the worker computes when it reads the file itself
// — the same diagnostics (good files, files with each kind of error, unreadable ones), the same
// outputs — and must never hand its result to another file.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../support/context.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/batch.hpp"
#include "app/early_load.hpp"
#include "app/pipeline.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> formatted(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(d.format(x));
  return out;
}

BatchInput only_input(const fs::path& file) {
  auto in = collect_batch_inputs({file.string()});
  REQUIRE(in.errors.empty());
  REQUIRE(in.files.size() == 1);
  return in.files.front();
}

// What a run of the one file reports and writes, with or without an early load.
struct Run {
  BatchReport report;
  std::vector<std::string> diagnostics;
  std::string json;
};

Run run_one(const fs::path& file, const fs::path& out, bool early) {
  const BatchInput input = only_input(file);
  std::optional<EarlyLoad> e;
  if (early) e.emplace(input);
  BatchOptions o;
  o.formats = {Format::Json};
  o.out_dir = out;
  o.jobs = 1;
  o.use_manifest = false;
  if (e) o.early = &*e;
  Run r;
  BatchCallbacks cb;
  cb.result = [&](const DeptResult& d) { r.diagnostics.push_back(d.diagnostics + d.first_error); };
  r.report = run_batch({input}, o, test::context(), cb);
  for (const auto& p : fs::recursive_directory_iterator(out))
    if (p.path().extension() == ".json") r.json += test::slurp(p.path());
  return r;
}

}  // namespace

TEST_CASE("early load: the same diagnostics as checking the text, for good and bad files") {
  std::vector<fs::path> files = {test::source_dir() / "examples/2023/434.yaml",
                                 test::source_dir() / "examples/2024/201.yaml"};
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests/bad"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  REQUIRE(files.size() > 20);
  size_t with_errors = 0;
  for (const auto& f : files) {
    INFO(f.string());
    const BatchInput input = only_input(f);
    EarlyLoad early(input);
    auto r = early.take(input);
    REQUIRE(r.has_value());
    const auto direct_bytes = test::slurp(f);
    if (!r->bytes) continue;  // too large to read: the worker reports it from the file
    CHECK(*r->bytes == direct_bytes);
    REQUIRE(r->loaded.has_value());
    CheckedBudget a = std::move(*r->loaded);
    finish_check(a, test::context());
    const CheckedBudget b = check_budget_text(direct_bytes, input.file.string(), test::context());
    CHECK(formatted(a.diag) == formatted(b.diag));
    CHECK(a.ok() == b.ok());
    if (!b.ok()) ++with_errors;
  }
  CHECK(with_errors > 10);  // the bad files really are bad
}

TEST_CASE("early load: handed over once, and only for its own file") {
  const BatchInput a = only_input(test::source_dir() / "examples/2023/434.yaml");
  const BatchInput b = only_input(test::source_dir() / "examples/2024/201.yaml");
  EarlyLoad early(a);
  CHECK_FALSE(early.take(b).has_value());
  auto first = early.take(a);
  REQUIRE(first.has_value());
  CHECK(first->loaded.has_value());
  CHECK_FALSE(early.take(a).has_value());
}

TEST_CASE("early load: a run with it reports and writes what a run without it does") {
  test::TempDir t("bp-early");
  const std::vector<fs::path> files = {
      test::source_dir() / "examples/2023/631.yaml",
      test::source_dir() / "tests/bad/bom-crlf-ok-but-bad-money.yaml",
  };
  for (size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].string());
    const Run with = run_one(files[i], t.path / ("with" + std::to_string(i)), true);
    const Run without = run_one(files[i], t.path / ("without" + std::to_string(i)), false);
    CHECK(with.report.built == without.report.built);
    CHECK(with.report.failed == without.report.failed);
    CHECK(with.report.failures == without.report.failures);
    CHECK(with.diagnostics == without.diagnostics);
    CHECK(with.json == without.json);
  }
  // A file that vanished after it was listed: no bytes, and the worker's own read reports it.
  test::spit(t.path / "gone.yaml", test::slurp(test::source_dir() / "examples/2023/631.yaml"));
  const BatchInput gone = only_input(t.path / "gone.yaml");
  fs::remove(t.path / "gone.yaml");
  EarlyLoad early(gone);
  auto r = early.take(gone);
  REQUIRE(r.has_value());
  CHECK_FALSE(r->bytes.has_value());
  CHECK_FALSE(r->loaded.has_value());
}

TEST_CASE("a checked budget moved keeps its code names pointing at its own catalogue") {
  const auto text = test::slurp(test::source_dir() / "examples/2023/631.yaml");
  CheckedBudget a = check_budget_text(text, "631.yaml", test::context());
  REQUIRE(a.ok());
  REQUIRE(a.names.overrides == &a.budget->catalog);
  CheckedBudget b = std::move(a);
  CHECK(b.names.overrides == &b.budget->catalog);
  CheckedBudget c = load_budget_only(text, "631.yaml");
  c = std::move(b);
  CHECK(c.names.overrides == &c.budget->catalog);
}
