// CheckedBudget's move: its code names point at the budget's own catalogue overrides, so a moved
// result must point at the new object's (a defaulted move left them at the moved-from budget's,
// and `import` crashed where a checked budget was returned by move instead of elision).
#include <catch2/catch.hpp>

#include "../support/context.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/pipeline.hpp"

using namespace bp;

TEST_CASE("a checked budget moved keeps its code names pointing at its own catalogue") {
  const auto text = test::slurp(test::source_dir() / "examples/2023/631.yaml");
  CheckedBudget a = check_budget_text(text, "631.yaml", test::context());
  REQUIRE(a.ok());
  REQUIRE(a.names.overrides == &a.budget->catalog);
  CheckedBudget b = std::move(a);
  CHECK(b.names.overrides == &b.budget->catalog);
  CheckedBudget c = check_budget_text(text, "631.yaml", test::context());
  c = std::move(b);
  CHECK(c.names.overrides == &c.budget->catalog);
}
