// LoadedAhead (a lone department loaded on its fonts thread before the configuration is read):
// what its worker takes is exactly what it would have loaded itself — the same diagnostics and,
// once checked, the same tables — and only when made of the same bytes and name; it never blocks
// when nothing will run it, and the worker does `meanwhile` while the load is still running.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "../support/context.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/loaded_ahead.hpp"
#include "app/pipeline.hpp"
#include "json/tables_json.hpp"

using namespace bp;

namespace {

// What a checked department tells: its diagnostics, and its tables when it has them.
std::string outcome(const CheckedBudget& c) {
  std::string out = c.diag.format_all();
  if (c.ok()) out += tables_to_json(*c.budget, *c.profile, *c.derived);
  return out;
}

}  // namespace

TEST_CASE("a department loaded ahead checks as the same department loaded by its worker") {
  test::TempDir dir("bp-ahead");
  const std::string good = test::slurp(test::source_dir() / "examples/2023/631.yaml");
  REQUIRE(good.find("form:") != std::string::npos);
  // A file with errors: a value of the wrong kind, and a line libyaml refuses further down.
  std::string bad = good;
  bad.replace(bad.find("name:"), 5, "name: [1, 2]\n  nom:");
  const std::string broken = "department:\n  code: '1'\n  name: [\n";
  for (const std::string* text : std::initializer_list<const std::string*>{&good, &bad, &broken}) {
    const auto file = dir.path / "dept.yaml";
    test::spit(file, *text);
    LoadedAhead ahead(file, file.string());
    ahead.run();
    auto loaded = ahead.take(*text, file.string());
    REQUIRE(loaded);
    const CheckedBudget from_ahead = check_loaded_budget(std::move(*loaded), test::context());
    const CheckedBudget itself = check_budget_text(*text, file.string(), test::context());
    CHECK(outcome(from_ahead) == outcome(itself));
    CHECK(from_ahead.ok() == (text == &good));
    // The form the fonts thread parses the profile of: the loaded one, "" when nothing loaded.
    CHECK(ahead.form() == (from_ahead.budget ? from_ahead.budget->dept.form : ""));
    // Given once.
    CHECK_FALSE(ahead.take(*text, file.string()));
  }
}

TEST_CASE("a load made of other bytes or under another name is not taken") {
  test::TempDir dir("bp-ahead");
  const auto file = dir.path / "dept.yaml";
  const std::string text = test::slurp(test::source_dir() / "examples/2023/631.yaml");
  test::spit(file, text);
  {
    LoadedAhead ahead(file, file.string());
    ahead.run();
    CHECK_FALSE(ahead.take(text + "\n# changed since\n", file.string()));
  }
  {
    LoadedAhead ahead(file, file.string());
    ahead.run();
    CHECK_FALSE(ahead.take(text, "other.yaml"));
  }
  {  // a file that cannot be read: nothing to take, the worker reads and reports it
    LoadedAhead ahead(dir.path / "missing.yaml", (dir.path / "missing.yaml").string());
    ahead.run();
    CHECK_FALSE(ahead.take(text, (dir.path / "missing.yaml").string()));
  }
}

TEST_CASE("a load that will never run gives nothing at once") {
  test::TempDir dir("bp-ahead");
  const auto file = dir.path / "dept.yaml";
  test::spit(file, "x: 1\n");
  bool meanwhile = false;
  LoadedAhead ahead(file, file.string(), [&] { meanwhile = true; });
  ahead.abandon();
  ahead.run();  // after abandon: does nothing
  CHECK_FALSE(ahead.take("x: 1\n", file.string()));
  CHECK_FALSE(meanwhile);
}

TEST_CASE("the worker does its meanwhile while the load runs, then takes the load") {
  test::TempDir dir("bp-ahead");
  const auto file = dir.path / "dept.yaml";
  const std::string text = test::slurp(test::source_dir() / "examples/2023/631.yaml");
  test::spit(file, text);
  std::atomic<bool> go{false};
  std::atomic<int> meanwhile{0};
  LoadedAhead ahead(file, file.string(), [&] {
    ++meanwhile;
    go = true;  // the load starts only now: take() must still wait for it
  });
  std::thread side([&] {
    while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ahead.run();
  });
  auto loaded = ahead.take(text, file.string());
  side.join();
  CHECK(meanwhile == 1);
  REQUIRE(loaded);
  CHECK(loaded->budget.has_value());
}
