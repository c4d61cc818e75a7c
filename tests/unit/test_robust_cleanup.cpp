// Leftovers of a killed build (kill -9, OOM killer, power loss) are removed by the next build at
// once when the dead run's lock file (OUT/.budgetpress-lock.<pid>) is not held by anyone; while a
// run holds its lock, its temp files are never touched, however old (docs/robustness.md).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "../support/files.hpp"
#include "app/batch.hpp"

using namespace bp;
namespace fs = std::filesystem;

TEST_CASE("temp files of a dead run with a free lock file are removed at once",
          "[robust][cleanup]") {
  test::TempDir t("bp-cleanup");
  const fs::path out = t.path / "out";
  const std::string dead = "999999998";  // a pid that does not exist
  test::spit(out / ".budgetpress-lock.999999998", "");
  test::spit(out / "2021" / (".9001-馆.pdf.tmp." + dead + ".4"), "partial");
  test::spit(out / (".budgetpress-staging." + dead + ".2") / "2021" / "9002-馆.json", "{");
  test::spit(out / ".budgetpress-manifest.json.tmp.999999998.9", "{");
  test::spit(out / "2021" / "9001-馆.pdf", "complete");
  CHECK(remove_stale_temp_files(out) == 3);
  CHECK_FALSE(fs::exists(out / ".budgetpress-lock.999999998"));  // the proof goes last
  CHECK(fs::exists(out / "2021" / "9001-馆.pdf"));
  CHECK(fs::directory_iterator(out / "2021")->path().filename() == "9001-馆.pdf");
}

TEST_CASE("temp files of a run that holds its lock are kept, even when old", "[robust][cleanup]") {
  test::TempDir t("bp-cleanup");
  const fs::path out = t.path / "out";
  const fs::path lock = out / ".budgetpress-lock.999999997";
  test::spit(lock, "");
  const fs::path tmp = out / "2021" / ".9001-馆.pdf.tmp.999999997.1";
  test::spit(tmp, "being written");
  fs::last_write_time(tmp, fs::file_time_type::clock::now() - std::chrono::hours(5));
  const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);  // "another run" (a separate open file description)
  CHECK(remove_stale_temp_files(out) == 0);
  CHECK(fs::exists(tmp));
  CHECK(fs::exists(lock));
  ::close(fd);  // that run ends without cleaning up (as if killed)
  CHECK(remove_stale_temp_files(out) == 1);
  CHECK_FALSE(fs::exists(tmp));
  CHECK_FALSE(fs::exists(lock));
}

TEST_CASE("a batch run leaves no lock file behind", "[robust][cleanup]") {
  test::TempDir t("bp-cleanup");
  BatchOptions o;
  o.formats = {Format::Json};
  o.out_dir = t.path / "out";
  o.use_manifest = false;
  const Context ctx(fs::path(BP_SOURCE_DIR) / "config");
  auto in = collect_batch_inputs({(fs::path(BP_SOURCE_DIR) / "tests/data/minimal.yaml").string()});
  REQUIRE(run_batch(in.files, o, ctx, {}).built == 1);
  for (auto& e : fs::directory_iterator(o.out_dir))
    CHECK(e.path().filename().string().rfind(".budgetpress-lock", 0) != 0);
}
