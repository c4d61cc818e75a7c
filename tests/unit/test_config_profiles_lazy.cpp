// Year profiles parsed when a department first needs them (issue 20e): a malformed profile that no
// department uses does not stop a build; one that is used stops it with the message it gave when
// every profile was parsed at start, and no department after it starts; `check`-style loading
// (ProfileLoading::AtStart) still validates all of them.
#include <catch2/catch.hpp>

#include "../support/budget_text.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/batch.hpp"
#include "app/context.hpp"
#include "app/fonts_beside.hpp"
#include "app/pipeline.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

const fs::path kConfig = fs::path(BP_SOURCE_DIR) / "config";

// A site overlay whose profiles/<id>.yaml is malformed: a table without its title (the error names
// the file and line).
fs::path broken_profile_site(const fs::path& root, const std::string& id) {
  std::string text = test::slurp(kConfig / "profiles/2024.yaml");
  const auto at = text.find("    title: 部门预算收支总表");
  REQUIRE(at != std::string::npos);
  text.replace(at + 4, 6, "titel:");
  test::spit(root / "profiles" / (id + ".yaml"), text);
  return root;
}

using test::minimal;

// The message the configuration gave when every profile was parsed at start.
std::string message_at_start(const ConfigLayers& layers) {
  try {
    Context ctx(layers, "", ProfileLoading::AtStart);
  } catch (const ProfileError& e) {
    return e.what();
  }
  FAIL("a malformed profile was accepted at start");
  return {};
}

BatchOptions json_into(const fs::path& out, unsigned jobs) {
  BatchOptions o;
  o.formats = {Format::Json};
  o.out_dir = out;
  o.jobs = jobs;
  o.use_manifest = false;
  return o;
}

std::vector<BatchInput> inputs_of(const fs::path& dir) {
  auto in = collect_batch_inputs({dir.string()});
  REQUIRE(in.errors.empty());
  return in.files;
}

size_t json_files(const fs::path& out) {
  size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::end(it); ++it)
    n += it->path().extension() == ".json" ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("no year profile is parsed before a department asks for one; each once") {
  Context ctx(kConfig, "", ProfileLoading::OnFirstUse);
  CHECK(ctx.profiles().parsed_count() == 0);
  auto c = check_budget_text(minimal(), "minimal.yaml", ctx);  // form "2023"
  REQUIRE(c.ok());
  CHECK(ctx.profiles().parsed_count() == 1);
  CHECK(ctx.profile("2023") == c.profile);  // the same object: not parsed a second time
  CHECK(ctx.profile("没有这个格式") == nullptr);
  CHECK(ctx.profiles().parsed_count() == 1);
  ctx.load_all_profiles();
  CHECK(ctx.profiles().parsed_count() == ctx.profiles().ids().size());
  CHECK(ctx.profile("2023") == c.profile);
}

TEST_CASE("a malformed profile no department uses does not stop a build") {
  test::TempDir t("bp-lazy");
  const fs::path site = broken_profile_site(t.path / "site", "2026");
  ConfigLayers layers(kConfig, kConfig, site);
  CHECK_THAT(message_at_start(layers),
             Catch::Contains("2026.yaml:") && Catch::Contains("年度格式配置错误"));
  Context ctx(layers, "", ProfileLoading::OnFirstUse);
  test::spit(t.path / "src/a.yaml", minimal());
  auto report = run_batch(inputs_of(t.path / "src"), json_into(t.path / "out", 2), ctx, {});
  CHECK(report.built == 1);
  CHECK(report.failed == 0);
  CHECK(json_files(t.path / "out") == 1);
  // A command that validates the whole configuration still finds it.
  CHECK_THROWS_AS(ctx.load_all_profiles(), ProfileError);
  CHECK_THROWS_AS(ctx.profile_for_year(2023), ProfileError);
}

TEST_CASE("a malformed profile a department uses stops the run with the message given at start") {
  test::TempDir t("bp-lazy");
  const fs::path site = broken_profile_site(t.path / "site", "2023");
  ConfigLayers layers(kConfig, kConfig, site);
  const std::string expected = message_at_start(layers);
  CHECK_THAT(expected, Catch::StartsWith((site / "profiles/2023.yaml").string() + ":"));
  Context ctx(layers, "", ProfileLoading::OnFirstUse);
  CHECK(ctx.profile("2024") != nullptr);  // the others are usable
  // Every department of the batch uses it: the first one to ask stops the run, no department
  // fails on its own and nothing is written.
  for (int i = 0; i < 6; ++i) {
    std::string text = minimal();
    const auto at = text.find("code: \"901\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 11, "code: \"9" + std::to_string(10 + i) + "\"");
    test::spit(t.path / "src" / ("d" + std::to_string(i) + ".yaml"), text);
  }
  for (unsigned jobs : {1u, 2u}) {
    CAPTURE(jobs);
    const fs::path out = t.path / ("out" + std::to_string(jobs));
    std::string got;
    try {
      run_batch(inputs_of(t.path / "src"), json_into(out, jobs), ctx, {});
    } catch (const ProfileError& e) {
      got = e.what();
    }
    CHECK(got == expected);
    CHECK(json_files(out) == 0);
  }
  // Asked again, the same error without parsing the file again.
  CHECK_THROWS_WITH(ctx.profile("2023"), expected);
}

TEST_CASE("the form a lone department names is guessed from its lines, only as a head start") {
  CHECK(guess_form(minimal()) == "2023");
  CHECK(guess_form("department:\n  form: '2024'  # 格式\n") == "2024");
  CHECK(guess_form("department:\n  form: 2021\r\n") == "2021");
  CHECK(guess_form("form: 2024\n") == "");  // not a key of department:
  CHECK(guess_form("department:\n  code: \"1\"\n") == "");
  CHECK(guess_form("") == "");
}

TEST_CASE("a lone department's fonts beside it: the profile it names is parsed on that thread") {
  test::TempDir t("bp-lazy");
  test::spit(t.path / "a.yaml", minimal());
  Context ctx(kConfig, "", ProfileLoading::OnFirstUse);
  {
    FontsBeside beside(ctx, t.path / "a.yaml");
    CHECK_NOTHROW(beside.wait_ok());
    CHECK_NOTHROW(beside.wait_ok());  // the same outcome again
  }
  CHECK(ctx.profiles().parsed_count() == 1);
  CHECK(ctx.profile("2023") != nullptr);
  CHECK(ctx.profiles().parsed_count() == 1);
}

TEST_CASE(
    "a malformed profile parsed beside a department is reported only if the department uses it") {
  test::TempDir t("bp-lazy");
  const fs::path site = broken_profile_site(t.path / "site", "2023");
  ConfigLayers layers(kConfig, kConfig, site);
  const std::string expected = message_at_start(layers);
  Context ctx(layers, "", ProfileLoading::OnFirstUse);
  test::spit(t.path / "a.yaml", minimal());
  FontsBeside beside(ctx, t.path / "a.yaml");
  CHECK_NOTHROW(beside.wait_ok());  // the fonts are fine; the profile's error waits for its user
  CHECK_THROWS_WITH(check_budget_text(minimal(), "a.yaml", ctx), expected);
}
