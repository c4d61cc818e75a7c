// fontconfig's answers kept between runs (text/font_cache.hpp): used only while everything they
// depended on is unchanged; a stale, damaged or truncated cache, or a cached font file that was
// replaced or removed, is ignored and rebuilt; an unwritable cache directory means no cache. And a
// FontSet answered from the cache picks exactly the faces fontconfig picks, without starting it.
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "text/font_cache.hpp"
#include "text/font_set.hpp"

using namespace bp::text;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "bp-font-cache-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}
std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Moves a file's modification time by a second (as an edit would).
void touch_later(const fs::path& p) {
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(1));
}

struct Fixture {
  TempDir dir;
  fs::path cache = dir.path / "cache" / "fonts.cache";
  fs::path conf = dir.path / "fonts.conf";
  fs::path face_file = dir.path / "face.otf";
  std::vector<ListedFace> faces;
  Fixture() {
    write(conf, "<fontconfig/>");
    write(face_file, "not really a font; only its stamp matters here");
    faces = {{face_file, 0, 80}, {face_file, 1, 200}};
    FontLookupCache c(cache, "env A");
    c.store({conf}, 42, "Some Family", faces);
  }
};

const fs::path kNoto = "/usr/share/fonts/opentype/noto";

}  // namespace

TEST_CASE("font cache: an answer is found again while nothing changed", "[font_cache]") {
  Fixture f;
  FontLookupCache c(f.cache, "env A");
  CHECK(c.usable());
  auto got = c.find(42, "Some Family");
  REQUIRE(got);
  CHECK(*got == f.faces);
  CHECK_FALSE(c.find(43, "Some Family"));  // other application fonts
  CHECK_FALSE(c.find(42, "Other Family"));
}

TEST_CASE("font cache: a changed configuration file or environment makes it stale",
          "[font_cache]") {
  Fixture f;
  SECTION("configuration edited") {
    touch_later(f.conf);
    FontLookupCache c(f.cache, "env A");
    CHECK_FALSE(c.usable());
    CHECK_FALSE(c.find(42, "Some Family"));
  }
  SECTION("configuration removed") {
    fs::remove(f.conf);
    CHECK_FALSE(FontLookupCache(f.cache, "env A").find(42, "Some Family"));
  }
  SECTION("another environment") {
    CHECK_FALSE(FontLookupCache(f.cache, "env B").find(42, "Some Family"));
  }
  SECTION("a stale cache is rebuilt with the new state only") {
    touch_later(f.conf);
    FontLookupCache c(f.cache, "env A");
    c.store({f.conf}, 42, "Other Family", {f.faces[0]});
    FontLookupCache again(f.cache, "env A");
    CHECK(again.usable());
    CHECK(again.find(42, "Other Family"));
    CHECK_FALSE(again.find(42, "Some Family"));  // the old state's answers were dropped
  }
}

TEST_CASE("font cache: a replaced or removed font file is not answered", "[font_cache]") {
  Fixture f;
  SECTION("removed") {
    fs::remove(f.face_file);
    CHECK_FALSE(FontLookupCache(f.cache, "env A").find(42, "Some Family"));
  }
  SECTION("replaced by a file of another size") {
    write(f.face_file, "another font");
    CHECK_FALSE(FontLookupCache(f.cache, "env A").find(42, "Some Family"));
  }
}

TEST_CASE("font cache: a damaged or truncated file is ignored and rewritten", "[font_cache]") {
  Fixture f;
  const std::string good = read(f.cache);
  REQUIRE(good.size() > 40);
  for (const std::string& bad :
       {good.substr(0, good.size() / 2), good.substr(0, good.size() - 1), std::string(),
        std::string("garbage\n"), good.substr(0, 30) + "X" + good.substr(31)}) {
    write(f.cache, bad);
    FontLookupCache c(f.cache, "env A");
    CHECK_FALSE(c.usable());
    CHECK_FALSE(c.find(42, "Some Family"));
    c.store({f.conf}, 42, "Some Family", f.faces);
    CHECK(FontLookupCache(f.cache, "env A").find(42, "Some Family"));
  }
}

TEST_CASE("font cache: an unwritable cache directory only means no cache", "[font_cache]") {
  TempDir dir;
  write(dir.path / "file", "a file where the cache directory should be");
  const fs::path cache = dir.path / "file" / "budgetpress" / "fonts.cache";
  FontLookupCache c(cache, "env");
  CHECK_NOTHROW(c.store({}, 1, "Family", {}));
  CHECK_FALSE(fs::exists(cache));
  CHECK_FALSE(FontLookupCache(cache, "env").usable());

  // A FontSet with such a cache still finds its fonts (through fontconfig every time).
  FontSet fonts({}, false, cache);
  CHECK(fonts.get("Noto Serif CJK SC", false).postscript_name() == "NotoSerifCJKsc-Regular");
  CHECK(fonts.fontconfig_started());
}

TEST_CASE("font cache: a FontSet answered from the cache picks fontconfig's faces",
          "[font_cache]") {
  TempDir dir;
  const fs::path cache = dir.path / "fonts.cache";
  // Regular and bold faces, a family without a bold face (synthetic bold), a TrueType collection.
  const std::vector<std::pair<std::string, bool>> asks = {{"Noto Serif CJK SC", false},
                                                          {"Noto Serif CJK SC", true},
                                                          {"Noto Sans CJK SC", true},
                                                          {"WenQuanYi Zen Hei", true},
                                                          {"AR PL UMing CN", false}};
  auto picks = [&](FontSet& fonts) {
    std::vector<std::tuple<fs::path, int, bool, std::string>> out;
    for (const auto& [family, bold] : asks) {
      const Font& f = fonts.get(family, bold);
      out.emplace_back(f.file(), f.face_index(), f.synthetic_bold(), f.postscript_name());
    }
    return out;
  };
  FontSet plain;  // no cache: fontconfig as always
  const auto want = picks(plain);
  {
    FontSet first({}, false, cache);
    CHECK(picks(first) == want);
    CHECK(first.fontconfig_started());
  }
  REQUIRE(fs::exists(cache));
  FontSet second({}, false, cache);
  CHECK(picks(second) == want);
  CHECK_FALSE(second.fontconfig_started());  // every answer came from the cache
  // An unknown family is never cached: fontconfig is asked, and it is still E602.
  try {
    second.get("No Such Family 12345", false);
    FAIL("an unknown family was found");
  } catch (const FontError& e) {
    CHECK(e.code() == "E602");
  }
  CHECK(second.fontconfig_started());
}

TEST_CASE("font cache: a font added to an application font directory is seen", "[font_cache]") {
  TempDir dir;
  const fs::path cache = dir.path / "fonts.cache";
  const fs::path app = dir.path / "fonts";
  fs::create_directories(app);
  {
    FontSet first({app}, false, cache);
    CHECK(first.get("WenQuanYi Zen Hei", false).file().parent_path() != app);
  }
  // The same family in the application directory now: it must win, although the cache knew the
  // system's file for this family.
  fs::create_symlink("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", app / "zenhei.ttc");
  FontSet second({app}, false, cache);
  CHECK(second.get("WenQuanYi Zen Hei", false).file() == fs::weakly_canonical(app) / "zenhei.ttc");
  CHECK(second.fontconfig_started());
  // And once more from the cache, with the application file still preferred.
  FontSet third({app}, false, cache);
  CHECK(third.get("WenQuanYi Zen Hei", false).file() == fs::weakly_canonical(app) / "zenhei.ttc");
  CHECK_FALSE(third.fontconfig_started());
  // Removing the file: the cache's answer (naming it) is not used.
  fs::remove(app / "zenhei.ttc");
  FontSet fourth({app}, false, cache);
  CHECK(fourth.get("WenQuanYi Zen Hei", false).file().parent_path() != fs::weakly_canonical(app));
}

TEST_CASE("font cache: only the last few application font sets are kept", "[font_cache]") {
  Fixture f;  // app key 42 stored
  const size_t keep = FontLookupCache::kKeptAppKeys;
  // Each store reads the file back first, as a new process would.
  for (uint64_t app = 100; app < 100 + keep; ++app) {
    FontLookupCache c(f.cache, "env A");
    c.store({f.conf}, app, "Some Family", f.faces);
    c.store({f.conf}, app, "Other Family", f.faces);  // a second family of the same set
  }
  FontLookupCache c(f.cache, "env A");
  REQUIRE(c.usable());
  CHECK_FALSE(c.find(42, "Some Family"));  // the oldest set is dropped
  for (uint64_t app = 100; app < 100 + keep; ++app) {
    CHECK(c.find(app, "Some Family"));
    CHECK(c.find(app, "Other Family"));
  }
  // Storing an old set again makes it the newest: the next one dropped is then the oldest other.
  {
    FontLookupCache again(f.cache, "env A");
    again.store({f.conf}, 100, "Some Family", f.faces);
    again.store({f.conf}, 7, "Some Family", f.faces);
  }
  FontLookupCache d(f.cache, "env A");
  CHECK(d.find(100, "Some Family"));
  CHECK(d.find(100, "Other Family"));  // its other family stays with it
  CHECK(d.find(7, "Some Family"));
  CHECK_FALSE(d.find(101, "Some Family"));
  // The file holds no more than the kept sets.
  const std::string text = read(f.cache);
  size_t blocks = 0;
  for (size_t at = text.find("\nF\t"); at != std::string::npos; at = text.find("\nF\t", at + 1))
    ++blocks;
  CHECK(blocks <= 2 * keep);
}
