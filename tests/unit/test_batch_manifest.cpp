// The incremental-build manifest: what its hashes depend on (bytes, not mtimes), its JSON form, and
// that concurrent runs (shards) writing the same OUT keep each other's records.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <thread>

#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/batch_manifest.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

// A private copy of config/ and templates/ (and an empty fonts/) to change without touching the
// repo.
fs::path copy_config(const fs::path& dir) {
  fs::copy(test::source_dir() / "config", dir / "config", fs::copy_options::recursive);
  fs::copy(test::source_dir() / "templates", dir / "templates", fs::copy_options::recursive);
  fs::create_directories(dir / "fonts");
  return dir / "config";
}

std::string hash_now(const fs::path& cfg, const std::string& form = "2023", Format f = Format::Pdf,
                     std::string_view yaml = "schema: 1\n", int64_t epoch = 0) {
  Context ctx(cfg);
  return InputFingerprint(ctx, epoch).output_hash(yaml, form, f);
}

fs::path first_file(const fs::path& dir) {
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) return e.path();
  FAIL("no file in " << dir);
  return {};
}

}  // namespace

TEST_CASE("output hashes follow the bytes of every input, not timestamps") {
  test::TempDir t("bp-manifest");
  fs::path cfg = copy_config(t.path);
  const std::string base = hash_now(cfg);
  CHECK(base.size() == 16);
  CHECK(hash_now(cfg) == base);  // deterministic

  SECTION("touching a template changes nothing") {
    fs::path tpl = first_file(t.path / "templates");
    fs::last_write_time(tpl, fs::file_time_type::clock::now() + std::chrono::hours(1));
    CHECK(hash_now(cfg) == base);
  }
  SECTION("editing a template") {
    std::ofstream(first_file(t.path / "templates"), std::ios::app) << "\n";
    CHECK(hash_now(cfg) != base);
  }
  SECTION("a catalogue, the theme, a font file") {
    std::ofstream(cfg / "catalog/function/2023.tsv", std::ios::app) << "# comment\n";
    std::string after_catalog = hash_now(cfg);
    CHECK(after_catalog != base);
    std::ofstream(cfg / "themes/default.yaml", std::ios::app) << "# x\n";
    std::string after_theme = hash_now(cfg);
    CHECK(after_theme != after_catalog);
    std::ofstream(t.path / "fonts/Extra.otf", std::ios::binary) << "OTTO";
    CHECK(hash_now(cfg) != after_theme);
  }
  SECTION("only the department's own profile counts") {
    std::ofstream(cfg / "profiles/2024.yaml", std::ios::app) << "# x\n";
    CHECK(hash_now(cfg, "2023") == base);
    CHECK(hash_now(cfg, "2024") != hash_now(t.path / "config", "2023"));
    std::ofstream(cfg / "profiles/2023.yaml", std::ios::app) << "# x\n";
    CHECK(hash_now(cfg, "2023") != base);
  }
  SECTION("the YAML bytes, the format, the epoch and the program version") {
    CHECK(hash_now(cfg, "2023", Format::Pdf, "schema: 1\n ") != base);
    CHECK(hash_now(cfg, "2023", Format::Xlsx) != base);
    CHECK(hash_now(cfg, "2023", Format::Pdf, "schema: 1\n", 1700000000) != base);
    Context ctx(cfg);
    CHECK(InputFingerprint(ctx, 0, "9.9.9").output_hash("schema: 1\n", "2023", Format::Pdf) !=
          base);
  }
}

TEST_CASE("manifest JSON round trip and per-format updates") {
  Manifest m;
  m.update("depts/434.yaml", {"2023", 2023, {{"pdf", {"2023/434-局.pdf", "00000000000000aa"}}}});
  m.update("depts/434.yaml", {"2023", 2023, {{"json", {"2023/434-局.json", "00000000000000bb"}}}});
  auto back = Manifest::from_json(m.to_json());
  REQUIRE(back.find("depts/434.yaml"));
  CHECK(back.find("depts/434.yaml")->outputs.size() == 2);
  CHECK(back.find("depts/434.yaml")->outputs.at("pdf").hash == "00000000000000aa");
  CHECK(back.find("nope") == nullptr);
  CHECK(m.to_json() == back.to_json());
  CHECK_THROWS(Manifest::from_json("{\"budgetpress_manifest\": 99, \"departments\": {}}"));
  CHECK_THROWS(Manifest::from_json("not json"));
}

TEST_CASE("a damaged manifest means rebuild everything, never a failure") {
  test::TempDir t("bp-manifest");
  std::ofstream(t.path / kManifestFile) << "{ truncated";
  auto m = Manifest::load(t.path);
  CHECK(m.size() == 0);
  CHECK_FALSE(m.warning().empty());
  m.update("a.yaml", {"2023", 2023, {{"pdf", {"2023/a.pdf", "1"}}}});
  m.save(t.path);
  CHECK(Manifest::load(t.path).size() == 1);
  CHECK(Manifest::load(t.path).warning().empty());
}

TEST_CASE("concurrent runs on one OUT keep each other's records") {
  test::TempDir t("bp-manifest");
  std::vector<std::thread> shards;
  for (int s = 0; s < 4; ++s)
    shards.emplace_back([&, s] {
      for (int round = 0; round < 5; ++round) {
        Manifest m = Manifest::load(t.path);
        m.update("shard" + std::to_string(s) + "/" + std::to_string(round) + ".yaml",
                 {"2023", 2023, {{"json", {"2023/x.json", "1"}}}});
        m.save(t.path);
      }
    });
  for (auto& th : shards) th.join();
  CHECK(Manifest::load(t.path).size() == 20);
  for (auto& e : fs::directory_iterator(t.path))
    CHECK(e.path().filename() == kManifestFile);  // no temp file left
}
