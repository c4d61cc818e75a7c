// run_batch on real department files in temporary directories: a bad file among good ones, stopping
// half-way, incremental skips, duplicate outputs, and names that try to leave the output directory.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>

#include "../support/context.hpp"
#include "../support/budget_text.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/batch.hpp"
#include "app/batch_manifest.hpp"
#include "util/file_names.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

using test::minimal;

std::string with_dept(std::string text, const std::string& code, const std::string& name) {
  auto replace = [&](const std::string& a, const std::string& b) {
    auto p = text.find(a);
    REQUIRE(p != std::string::npos);
    text.replace(p, a.size(), b);
  };
  replace("code: \"901\"", "code: \"" + code + "\"");
  replace("name: 测试局", "name: " + name);
  return text;
}

BatchOptions json_options(const fs::path& out) {
  BatchOptions o;
  o.formats = {Format::Json};
  o.out_dir = out;
  o.jobs = 3;
  return o;
}

std::vector<BatchInput> inputs_of(const fs::path& dir) {
  auto in = collect_batch_inputs({dir.string()});
  REQUIRE(in.errors.empty());
  return in.files;
}

// Every file below `out` (hidden ones included), relative.
std::set<std::string> tree(const fs::path& out) {
  std::set<std::string> s;
  for (auto& e : fs::recursive_directory_iterator(out))
    s.insert(e.path().lexically_relative(out).generic_string());
  return s;
}

bool has_temp_files(const fs::path& out) {
  for (const auto& p : tree(out))
    if (p.find(".tmp.") != std::string::npos || p.find(".budgetpress-staging") != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("a bad department among good ones: the good ones build, the bad one keeps its outputs") {
  test::TempDir t("bp-batch");
  fs::path src = t.path / "depts", out = t.path / "out";
  for (int i = 0; i < 6; ++i)
    test::spit(src / ("d" + std::to_string(i) + ".yaml"),
               with_dept(minimal(), std::to_string(900 + i), "局" + std::to_string(i)));
  auto report = run_batch(inputs_of(src), json_options(out), test::context(), {});
  REQUIRE(report.built == 6);
  fs::path old = out / "2023" / "903-局3.json";
  REQUIRE(fs::exists(old));
  std::string before = test::slurp(old);
  auto mtime = fs::last_write_time(old);

  // d3 breaks (income no longer matches), d1 changes and must be rebuilt.
  std::string bad = with_dept(minimal(), "903", "局3");
  bad.replace(bad.find("gpb: 100.00"), 11, "gpb: 100.01");
  test::spit(src / "d3.yaml", bad);
  std::string changed = with_dept(minimal(), "901", "局1");
  changed.replace(changed.find("70.00"), 5, "69.00");
  changed.replace(changed.find("10.00"), 5, "11.00");
  test::spit(src / "d1.yaml", changed);

  std::vector<std::string> order;
  BatchCallbacks cb;
  cb.result = [&](const DeptResult& r) { order.push_back(r.file.filename().string()); };
  report = run_batch(inputs_of(src), json_options(out), test::context(), cb);
  CHECK(report.built == 1);
  CHECK(report.unchanged == 4);
  CHECK(report.failed == 1);
  REQUIRE(report.failures.size() == 1);
  CHECK(report.failures[0].find("d3.yaml:") != std::string::npos);
  CHECK(report.failures[0].find("错误[E03") !=
        std::string::npos);  // E030/E031: income ≠ expenditure
  CHECK(test::slurp(old) == before);
  CHECK(fs::last_write_time(old) == mtime);
  CHECK(order ==
        std::vector<std::string>{"d0.yaml", "d1.yaml", "d2.yaml", "d3.yaml", "d4.yaml", "d5.yaml"});
  CHECK_FALSE(has_temp_files(out));
}

TEST_CASE("incremental: unchanged departments are skipped, --force and deleted outputs rebuild") {
  test::TempDir t("bp-batch");
  fs::path src = t.path / "depts", out = t.path / "out";
  for (int i = 0; i < 3; ++i)
    test::spit(src / ("d" + std::to_string(i) + ".yaml"),
               with_dept(minimal(), std::to_string(910 + i), "局"));
  auto o = json_options(out);
  CHECK(run_batch(inputs_of(src), o, test::context(), {}).built == 3);
  REQUIRE(fs::exists(out / kManifestFile));
  auto again = run_batch(inputs_of(src), o, test::context(), {});
  CHECK(again.built == 0);
  CHECK(again.unchanged == 3);

  fs::remove(out / "2023" / "911-局.json");
  again = run_batch(inputs_of(src), o, test::context(), {});
  CHECK(again.built == 1);
  CHECK(fs::exists(out / "2023" / "911-局.json"));

  // Another format is another output: json stays unchanged, txt is built.
  auto both = o;
  both.formats = {Format::Json, Format::Text};
  again = run_batch(inputs_of(src), both, test::context(), {});
  CHECK(again.built == 3);
  CHECK(run_batch(inputs_of(src), o, test::context(), {}).unchanged == 3);

  o.force = true;
  CHECK(run_batch(inputs_of(src), o, test::context(), {}).built == 3);

  // Unchanged departments are still checked when asked (汇总.xlsx needs their figures).
  o.force = false;
  o.check_unchanged = true;
  std::mutex mu;
  int seen = 0;
  o.on_checked = [&](const CheckedBudget& c) {
    std::lock_guard lk(mu);
    seen += c.ok();
  };
  CHECK(run_batch(inputs_of(src), o, test::context(), {}).unchanged == 3);
  CHECK(seen == 3);
}

TEST_CASE("stopping: no new department starts, nothing partial or temporary is left") {
  test::TempDir t("bp-batch");
  fs::path src = t.path / "depts", out = t.path / "out";
  for (int i = 0; i < 40; ++i)
    test::spit(src / ("d" + std::to_string(100 + i) + ".yaml"),
               with_dept(minimal(), std::to_string(100 + i), "局"));
  auto o = json_options(out);
  o.jobs = 2;
  std::atomic<int> done{0};
  o.stop_requested = [&] { return done.load() >= 3; };
  BatchCallbacks cb;
  cb.progress = [&](size_t, size_t, const DeptResult&) { ++done; };
  auto r = run_batch(inputs_of(src), o, test::context(), cb);
  CHECK(r.stopped);
  CHECK(r.cancelled > 0);
  CHECK(r.built + r.cancelled == 40);
  CHECK_FALSE(has_temp_files(out));
  // Every output present is complete JSON (parsable end) and recorded in the manifest.
  size_t files = 0;
  for (const auto& p : tree(out))
    if (p.size() > 5 && p.substr(p.size() - 5) == ".json" && p.find('/') != std::string::npos) {
      ++files;
      std::string s = test::slurp(out / p);
      CHECK(s.find_last_not_of("\n") == s.rfind('}'));
    }
  CHECK(files == r.built);
  CHECK(Manifest::load(out).size() == r.built);
  // The next run builds exactly the rest.
  o.stop_requested = nullptr;
  auto rest = run_batch(inputs_of(src), o, test::context(), {});
  CHECK(rest.built == 40 - r.built);
  CHECK(rest.unchanged == r.built);
}

TEST_CASE("stale temp files of dead runs are removed, others' and our real outputs are kept") {
  test::TempDir t("bp-batch");
  fs::path out = t.path / "out";
  test::spit(out / "2023" / "901-局.pdf", "real");
  test::spit(out / "2023" / ".901-局.pdf.tmp.999999999.1",
             "partial");  // pid that cannot exist, but new
  test::spit(out / "2023" / (".901-局.xlsx.tmp." + std::to_string(::getpid()) + ".3"), "ours");
  test::spit(
      out / (".budgetpress-staging." + std::to_string(::getpid()) + ".7") / "2023" / "x.json",
      "ours");
  CHECK(remove_stale_temp_files(out) == 2);
  auto left = tree(out);
  CHECK(left.count("2023/901-局.pdf"));
  CHECK(left.count(
      "2023/.901-局.pdf.tmp.999999999.1"));  // younger than an hour: maybe a live shard elsewhere
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  fs::last_write_time(out / "2023" / ".901-局.pdf.tmp.999999999.1", old);
  CHECK(remove_stale_temp_files(out) == 1);
  CHECK(tree(out) == std::set<std::string>{"2023", "2023/901-局.pdf"});
}

TEST_CASE("two files with the same code and name: the second fails instead of overwriting") {
  test::TempDir t("bp-batch");
  fs::path src = t.path / "depts", out = t.path / "out";
  test::spit(src / "a.yaml", with_dept(minimal(), "930", "同名局"));
  test::spit(src / "b.yaml", with_dept(minimal(), "930", "同名局"));
  auto o = json_options(out);
  o.jobs = 1;
  auto r = run_batch(inputs_of(src), o, test::context(), {});
  CHECK(r.built == 1);
  CHECK(r.failed == 1);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].find("b.yaml") != std::string::npos);
  CHECK(r.failures[0].find("a.yaml") != std::string::npos);

  // An unchanged department still owns its outputs: a new file with the same code and name
  // cannot replace them.
  fs::remove(src / "b.yaml");
  REQUIRE(run_batch(inputs_of(src), o, test::context(), {}).unchanged == 1);
  fs::path a_out = out / "2023" / "930-同名局.json";
  std::string a_bytes = test::slurp(a_out);
  std::string b = with_dept(minimal(), "930", "同名局");
  b.replace(b.find("70.00"), 5, "60.00");
  b.replace(b.find("10.00"), 5, "20.00");
  test::spit(src / "b.yaml", b);
  r = run_batch(inputs_of(src), o, test::context(), {});
  CHECK(r.unchanged == 1);
  CHECK(r.failed == 1);
  CHECK(test::slurp(a_out) == a_bytes);
}

TEST_CASE("names cannot leave the output directory") {
  // Names a hostile or careless file might carry: separators, dot-dot, control characters, a very
  // long name. (Codes are digits only: the loader refuses anything else.)
  std::vector<std::string> names = {"../../../../tmp/escaped",
                                    "..",
                                    "/etc/passwd",
                                    "a/../../b",
                                    "\\\\server\\share",
                                    "名称\x01\x1f尾",
                                    "....",
                                    std::string(400, 'x'),
                                    "  .hidden",
                                    "局" + std::string(200, '/') + "尾",
                                    "C:\\evil",
                                    "x\x7fy"};
  for (const auto& n : names) {
    std::string s = sanitize_file_component("901-" + n);
    INFO(n);
    CHECK(s.find('/') == std::string::npos);
    CHECK(s.find('\\') == std::string::npos);
    CHECK(s != "..");
    CHECK(s != ".");
    CHECK(!s.empty());
    CHECK(s[0] != '.');
    CHECK(s.size() <= 120);
    for (unsigned char ch : s) CHECK((ch >= 0x20 && ch != 0x7f));
    fs::path p = fs::path("/out/2023") / (s + ".pdf");
    CHECK(p.parent_path() == "/out/2023");
  }
  CHECK(sanitize_file_component(std::string("a\0b", 3)) == "a_b");  // NUL
  CHECK(sanitize_file_component("..") == "_");

  // Through a real build: YAML names with separators, dot-dot and escapes end up as one file in
  // OUT/<year>/.
  test::TempDir t("bp-batch");
  fs::path src = t.path / "depts", out = t.path / "out";
  std::vector<std::string> yaml_names = {"\"../../../escaped\"",
                                         "\"a/b/../../c\"",
                                         "\"..\"",
                                         "\"tab\\there\\u0001\"",
                                         "\"" + std::string(300, 'n') + "\"",
                                         "\"/abs/path\""};
  for (size_t i = 0; i < yaml_names.size(); ++i)
    test::spit(src / ("d" + std::to_string(i) + ".yaml"),
               with_dept(minimal(), std::to_string(940 + i), yaml_names[i]));
  auto r = run_batch(inputs_of(src), json_options(out), test::context(), {});
  CHECK(r.built + r.failed == yaml_names.size());
  size_t inside = 0;
  for (auto& e : fs::recursive_directory_iterator(t.path)) {
    if (!e.is_regular_file()) continue;
    auto rel = e.path().lexically_relative(t.path).generic_string();
    if (rel.rfind("depts/", 0) == 0) continue;
    INFO(rel);
    bool ok = rel == std::string("out/") + kManifestFile || e.path().parent_path() == out / "2023";
    CHECK(ok);
    inside += e.path().parent_path() == out / "2023";
  }
  CHECK(inside == r.built);
  CHECK(r.built >= 5);
}
