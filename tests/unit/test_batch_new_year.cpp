// new-year: next year's file from each example. Without amounts it reports exactly the lines to
// fill; with the amounts filled in (here: this year's again) it passes check, and its narrative
// compares against this year's figures.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "../support/context.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/new_year.hpp"
#include "app/pipeline.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

// Copies this year's amounts into next year's tree wherever next year has a 0 that this year did
// not have — what a clerk does by hand — except in the sections that already hold last year's
// figures (previous_year, three_public.last_year).
void fill(YAML::Node next, const YAML::Node& now) {
  if (next.IsMap() && now.IsMap()) {
    for (auto it = next.begin(); it != next.end(); ++it) {
      std::string key = it->first.Scalar();
      if (key == "previous_year" || key == "last_year") continue;
      if (now[key].IsDefined()) fill(it->second, now[key]);
    }
  } else if (next.IsSequence() && now.IsSequence() && next.size() == now.size()) {
    for (size_t i = 0; i < next.size(); ++i) fill(next[i], now[i]);
  } else if (next.IsScalar() && now.IsScalar() && next.Scalar() == "0" && now.Scalar() != "0") {
    next = now.Scalar();
  }
}

std::string dump(const YAML::Node& n) {
  YAML::Emitter out;
  out << n;
  return out.c_str();
}

}  // namespace

TEST_CASE("new-year from every example") {
  for (const char* ex : {"examples/2023/434.yaml", "examples/2023/631.yaml",
                         "examples/2024/201.yaml", "examples/2021/905.yaml"}) {
    INFO(ex);
    std::string text = test::slurp(test::source_dir() / ex);
    auto now = check_budget_text(text, ex, test::context());
    REQUIRE(now.ok());
    const Profile* own = test::context().profile_for_year(now.budget->dept.year + 1);
    auto next = next_year_file(text, now, ex, own);
    CHECK(next.year == now.budget->dept.year + 1);
    CHECK(next.file_name == now.budget->dept.code.value + ".yaml");

    // As generated: only "this line has no amount" errors, each with a position to go to.
    auto draft = check_budget_text(next.yaml, "next.yaml", test::context());
    REQUIRE(draft.budget);
    CHECK(draft.budget->dept.year == next.year);
    // Next year's own form where it continues this one unchanged (2024 → 2025), else the same
    // form (2023 → 2024 is a changed form: the clerk decides).
    const bool moves = own && own->continues == now.budget->dept.form;
    CHECK(draft.budget->dept.form == (moves ? own->id : now.budget->dept.form));
    CHECK(next.form == draft.budget->dept.form);
    if (moves)
      for (const auto& d : draft.diag.all()) CHECK(d.code != "W110");
    size_t to_fill = 0;
    for (const auto& d : draft.diag.all()) {
      if (d.severity != Severity::Error) continue;
      INFO(draft.diag.format(d));
      CHECK((d.code == "E023" || d.code == "E072"));
      CHECK(d.pos.line > 0);
      ++to_fill;
    }
    CHECK(to_fill == now.budget->expenditure.size() + now.budget->procurement.size());
    // Comments and layout survive: the first comment line of the original is still there.
    auto first_comment = text.substr(0, text.find('\n'));
    CHECK(next.yaml.find(first_comment) != std::string::npos);
    CHECK(next.yaml.find("\nexpect:") == std::string::npos);

    // Filled with this year's amounts: valid, and every comparison is against this year.
    YAML::Node tree = YAML::Load(next.yaml);
    fill(tree, YAML::Load(text));
    auto filled = check_budget_text(dump(tree), "filled.yaml", test::context());
    INFO(filled.diag.format_all());
    REQUIRE(filled.ok());
    const auto& f0 = now.derived->fig;
    const auto& f1 = filled.derived->fig;
    CHECK(f1.expenditure_total == f0.expenditure_total);
    CHECK(f1.basic_change.has_prev);
    CHECK(f1.basic_change.prev == f0.basic);
    CHECK(f1.project_change.prev == f0.project);
    CHECK(f1.total_change.prev ==
          f0.expenditure_total - f0.by_kind[2] - f0.by_kind[3] - f0.by_kind[4]);
    CHECK(f1.running_cost_change.prev == f0.public_);
    CHECK(f1.tp_prev_known);
    CHECK(f1.tp_total_prev == f0.tp_total_now);
    for (int i = 0; i < kTpItemCount; ++i) CHECK(f1.tp_prev[i] == f0.tp_now[i]);
    CHECK(f1.basic_change.delta.zero());
    CHECK(f1.tp_change.delta.zero());
  }
}

TEST_CASE("new-year keeps quoting and writes previous_year in the file's unit") {
  std::string text = test::slurp(test::source_dir() / "examples/2021/905.yaml");  // unit: 元
  auto now = check_budget_text(text, "905.yaml", test::context());
  REQUIRE(now.ok());
  auto next = next_year_file(text, now, "905.yaml");
  YAML::Node n = YAML::Load(next.yaml);
  CHECK(n["previous_year"]["basic"].Scalar() == "2756789.12");
  CHECK(n["previous_year"]["project"].Scalar() == "820000.00");
  CHECK(n["previous_year"]["running_cost"].Scalar() == "656789.12");
  CHECK(n["three_public"]["last_year"]["vehicle_operation"].Scalar() == "30000.00");
  CHECK(n["three_public"]["this_year"]["vehicle_operation"].Scalar() == "0");
  CHECK_FALSE(n["three_public"]["reasons"].IsDefined());
  CHECK(next.yaml.find("code: \"2070109\"") != std::string::npos);  // codes stay quoted
  CHECK(n["department"]["year"].as<int>() == 2022);
}

TEST_CASE("new-year without three_public compares against zero next year") {
  std::string text = test::slurp(test::source_dir() / "tests/data/minimal.yaml");
  auto now = check_budget_text(text, "minimal.yaml", test::context());
  REQUIRE(now.ok());
  auto next = next_year_file(text, now, "minimal.yaml");
  YAML::Node n = YAML::Load(next.yaml);
  CHECK(n["three_public"]["last_year"].IsMap());
  CHECK(n["previous_year"]["basic"].Scalar() == "80.00");
  CHECK(n["previous_year"]["project"].Scalar() == "20.00");
}

TEST_CASE("default directory of next year's file") {
  CHECK(default_next_year_dir("depts/2023/434.yaml", 2023) == fs::path("depts/2024"));
  CHECK(default_next_year_dir("/srv/budget/2024/a/201.yaml", 2024).empty());
  CHECK(default_next_year_dir("434.yaml", 2023).empty());
}
