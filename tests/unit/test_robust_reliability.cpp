// Issue 19: text that no later stage can show is refused at load (E016/E017), YAML the loader does
// not understand is refused (E018), CR-only files load, XML writers never emit what XML 1.0
// forbids, file names are NFC without invisible characters, messages escape invisible characters,
// the line breaker survives every code point, and the batch keeps OUT to itself: an unusable OUT is
// one error, a symlinked OUT/<year> is not followed, name collisions resolve by input order, and
// finished departments are journaled.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <zip.h>

#include <fstream>

#include "../support/context.hpp"
#include "../support/budget_text.hpp"
#include "../support/files.hpp"
#include "../support/fixtures.hpp"
#include "app/batch.hpp"
#include "app/batch_manifest.hpp"
#include "docx/xml.hpp"
#include "model/load.hpp"
#include "text/linebreak.hpp"
#include "util/char_classes.hpp"
#include "util/file_names.hpp"
#include "util/out_dir.hpp"
#include "util/utf8.hpp"
#include "util/xml_text.hpp"
#include "xlsx/xlsx_writer.hpp"

using namespace bp;
namespace fs = std::filesystem;

namespace {

using test::minimal;

using test::replaced;

struct Loaded {
  Diagnostics diag{"t.yaml"};
  std::optional<Budget> budget;
};
std::unique_ptr<Loaded> load(const std::string& text) {
  auto l = std::make_unique<Loaded>();
  l->budget = load_budget_text(text, "t.yaml", l->diag);
  return l;
}
const Diagnostic* find(const Loaded& l, const std::string& code) {
  for (const auto& d : l.diag.all())
    if (d.code == code) return &d;
  return nullptr;
}

// Every entry of a zip package.
std::map<std::string, std::string> entries(const fs::path& file) {
  std::map<std::string, std::string> out;
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, i, 0, &st);
    zip_file_t* f = zip_fopen_index(z, i, 0);
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(z);
  return out;
}

}  // namespace

TEST_CASE("character classes") {
  CHECK(chars::is_noncharacter(0xFFFF));
  CHECK(chars::is_noncharacter(0xFFFE));
  CHECK(chars::is_noncharacter(0x10FFFF));
  CHECK(chars::is_noncharacter(0x3FFFE));
  CHECK(chars::is_noncharacter(0xFDD0));
  CHECK(chars::is_noncharacter(0xFDEF));
  CHECK_FALSE(chars::is_noncharacter(0xFDF0));
  CHECK_FALSE(chars::is_noncharacter(0xFFFD));
  CHECK_FALSE(chars::is_noncharacter(U'中'));
  CHECK(chars::is_control(0x1B));
  CHECK(chars::is_control(0x7F));
  CHECK(chars::is_control(0x85));
  CHECK(chars::is_control('\r'));
  CHECK_FALSE(chars::is_control('\t'));
  CHECK_FALSE(chars::is_control('\n'));
  CHECK(chars::is_bidi_control(0x202E));
  CHECK(chars::is_bidi_control(0x061C));
  CHECK(chars::is_invisible(0x200B));
  CHECK(chars::is_invisible(0xFEFF));
  CHECK_FALSE(chars::is_invisible(0x3000));
}

TEST_CASE("xml_safe keeps clean text and repairs the rest") {
  CHECK(xml_safe("部门 <a> & \t\n") == "部门 <a> & \t\n");
  CHECK(xml_safe("a\x1b[31mb\x01\x08\x1f") == "a[31mb");
  CHECK(xml_safe("x\xEF\xBF\xBFy") == "x\xEF\xBF\xBDy");          // U+FFFF → U+FFFD
  CHECK(xml_safe("x\xC0\xAFy") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");  // invalid bytes
  CHECK(is_xml_safe(xml_safe(std::string("\0\x01\x02\x7f\xc2\x85", 6))));
  pugi::xml_document d;
  auto root = docx::xml::start(d, "w:document");
  docx::xml::attr(root, "w:val",
                  "a\x01"
                  "b");
  docx::xml::add_text(docx::xml::add(root, "w:r"), "c\x1b d\xEF\xBF\xBE");
  const std::string s = docx::xml::to_string(d);
  CHECK(is_xml_safe(s));
  CHECK(s.find("ab") != std::string::npos);
}

TEST_CASE("file names: NFC, no invisible characters, no bidi controls, no non-characters") {
  CHECK(sanitize_file_component("901-Cafe\xCC\x81") == "901-Caf\xC3\xA9");  // NFC
  CHECK(sanitize_file_component("43\xE2\x80\x8B"
                                "4-局") == "434-局");  // U+200B
  CHECK(sanitize_file_component("a\xEF\xBB\xBF"
                                "b\xE2\x81\xA0"
                                "c") == "abc");  // FEFF, 2060
  CHECK(sanitize_file_component("x\xE2\x80\xAE"
                                "fdp.exe") == "x_fdp.exe");   // RLO
  CHECK(sanitize_file_component("x\xD8\x9Cy") == "x_y");      // ALM
  CHECK(sanitize_file_component("x\xEF\xBF\xBFy") == "x_y");  // U+FFFF
  CHECK(sanitize_file_component("x\xFFy") == "x_y");          // invalid byte
  CHECK(sanitize_file_component("部门预算") == "部门预算");
  // What test_robust_paths.sh checked through builds before the loader refused these (E016).
  CHECK(sanitize_file_component(std::string("a\0b", 3)) == "a_b");
  CHECK(sanitize_file_component("del\x7F" "x") == "del_x");
  CHECK(sanitize_file_component("c1\xC2\x9B[31mred") == "c1_[31mred");
  CHECK(sanitize_file_component("iso\xE2\x81\xA6" "x\xE2\x81\xA9") == "iso_x_");
  CHECK(sanitize_file_component("line\xE2\x80\xA8" "sep") == "line_sep");
}

TEST_CASE("messages show invisible and bidi characters escaped") {
  Diagnostics d("f.yaml");
  d.error("E012", {3, 9},
          "部门编码“43\xE2\x80\x8B"
          "4”格式不对 \xE2\x80\xAE x\xEF\xBF\xBF");
  const std::string s = d.format(d.all().front());
  CHECK(s.find("43\\u200B4") != std::string::npos);
  CHECK(s.find("\\u202E") != std::string::npos);
  CHECK(s.find("\\uFFFF") != std::string::npos);
  CHECK(s.find("\xE2\x80\x8B") == std::string::npos);
}

TEST_CASE("E016: non-characters, controls, surrogates and bidi controls in any text") {
  SECTION("a literal U+FFFF points at the character") {
    auto l = load(replaced(minimal(), "name: 测试局", "name: 测试\xEF\xBF\xBF局"));
    const Diagnostic* d = find(*l, "E016");
    REQUIRE(d);
    CHECK(d->pos.line == 5);
    CHECK(d->pos.col == 11);  // "  name: 测试" is 10 characters
    CHECK(d->message.find("U+FFFF") != std::string::npos);
  }
  SECTION("escapes") {
    for (const char* esc :
         {"\\uFFFF", "\\uFDD0", "\\U0001FFFE", "\\x01", "\\e", "\\b", "\\x7f", "\\N", "\\r", "\\0",
          "\\uD800", "\\uDFFF", "\\u202E", "\\u2066", "\\u061C"}) {
      INFO(esc);
      auto l =
          load(replaced(minimal(), "name: 测试局", std::string("name: \"测试") + esc + "局\""));
      const Diagnostic* d = find(*l, "E016");
      REQUIRE(d);
      CHECK(d->pos.line == 5);
    }
  }
  SECTION("keys and free texts too") {
    auto l = load(minimal() + "texts:\n  other_matters: \"a\\u009bb\"\n");
    CHECK(find(*l, "E016"));
    auto k = load(minimal() + "texts:\n  \"x\\uFFFE\": a\n");
    CHECK(find(*k, "E016"));
  }
  SECTION("tab and newline are text") {
    auto l = load(minimal() + "texts:\n  other_matters: \"甲\\t乙\\n丙\"\n");
    CHECK_FALSE(l->diag.has_errors());
  }
}

TEST_CASE("E017: invisible characters in names and codes, not in free text") {
  auto l = load(replaced(minimal(), "name: 测试局", "name: 测试\xE2\x80\x8B局"));
  const Diagnostic* d = find(*l, "E017");
  REQUIRE(d);
  CHECK(d->pos.line == 5);
  CHECK(d->pos.col == 11);
  auto p = load(minimal() + "projects:\n  - {code: \"P\\u200D1\", name: 甲, fiscal: 20.00}\n");
  CHECK(find(*p, "E017"));
  auto free = load(minimal() + "texts:\n  other_matters: \"零\\u200B宽\"\n");
  CHECK_FALSE(free->diag.has_errors());
}

TEST_CASE("E018: tags outside the core schema, several documents") {
  auto b = load(replaced(minimal(), "name: 测试局", "name: !!binary 5rWL6K+V5bGA"));
  REQUIRE(find(*b, "E018"));
  CHECK(find(*b, "E018")->pos.line == 5);
  CHECK(find(*load(replaced(minimal(), "name: 测试局", "name: !local 测试局")), "E018"));
  // core tags are fine
  auto core = load(replaced(minimal(), "name: 测试局", "name: !!str 测试局"));
  CHECK_FALSE(core->diag.has_errors());
  auto m = load(minimal() + "---\nschema: 1\n");
  const Diagnostic* d = find(*m, "E018");
  REQUIRE(d);
  CHECK(d->pos.line == 18);  // the "---" that starts the second document
  CHECK_FALSE(m->budget);
  auto e = load(minimal() + "---\n");
  CHECK(find(*e, "E018"));
  // A leading "---" and a closing "..." are one document.
  CHECK_FALSE(load("---\n" + minimal() + "...\n")->diag.has_errors());
}

TEST_CASE("CR-only line ends load, with the right line numbers") {
  std::string cr = minimal();
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  auto ok = load(cr);
  CHECK_FALSE(ok->diag.has_errors());
  REQUIRE(ok->budget);
  CHECK(ok->budget->dept.name.value == "测试局");
  std::string bad = replaced(minimal(), "gpb: 100.00", "gpb: 100.001");
  std::replace(bad.begin(), bad.end(), '\n', '\r');
  auto l = load(bad);
  const Diagnostic* d = find(*l, "E010");
  REQUIRE(d);
  CHECK(d->pos.line == 9);
}

TEST_CASE("the line breaker survives every code point") {
  std::u32string s = U"中文";
  for (char32_t c : {0xFFFFu, 0xFFFEu, 0xFDD0u, 0xFDEFu, 0x1FFFFu, 0x10FFFFu, 0xD800u, 0xDFFFu,
                     0x110000u, 0xFFFFFFFFu, 0x202Eu, 0x200Bu, 0x1u, 0x85u, 0x1F1E8u, 0x1F1F3u, 0x1F1FFu})
    s.push_back(c);
  s += U"文字";
  const auto b = text::line_breaks(s);
  CHECK(b.size() == s.size());
  CHECK(b.back() == text::Break::Mandatory);
}

TEST_CASE("XLSX parts stay XML 1.0 whatever the text") {
  doc::Document d;
  d.meta.title = "测试\x1b[31m局\x01\x08\x0c\x1f 2023年";
  d.meta.author = "作者\x02";
  d.meta.epoch = 1700000000;
  doc::Table t;
  t.id = "t1";
  t.title = "表\x1f一";
  t.short_title = "表\x1f一";
  t.column_widths = {10, 10};
  doc::Row r;
  doc::Cell c1, c2;
  c1.text = "单元格\x01";
  c2.text = "x\xEF\xBF\xBFy";
  r.cells = {c1, c2};
  t.body.push_back(r);
  d.blocks.push_back(t);
  test::TempDir tmp("bp-xml");
  const fs::path file = tmp.path / "x.xlsx";
  xlsx::write_workbook(d, file, xlsx::XlsxOptions{});
  size_t parts = 0;
  for (const auto& [name, data] : entries(file)) {
    if (name.size() < 4 ||
        (name.substr(name.size() - 4) != ".xml" && name.substr(name.size() - 5) != ".rels"))
      continue;
    INFO(name);
    CHECK(is_xml_safe(data));
    pugi::xml_document x;
    CHECK(x.load_buffer(data.data(), data.size()));
    ++parts;
  }
  CHECK(parts >= 5);
}

TEST_CASE("an unusable OUT is one error before any department") {
  test::TempDir t("bp-out");
  std::vector<BatchInput> in;
  test::spit(t.path / "d" / "a.yaml", minimal());
  in = collect_batch_inputs({(t.path / "d").string()}).files;
  BatchOptions o;
  o.formats = {Format::Json};
  test::spit(t.path / "file", "x");
  for (const fs::path& bad : {t.path / "file", t.path / "file" / "sub", t.path / "dangling"}) {
    if (bad.filename() == "dangling") fs::create_symlink(t.path / "nowhere", bad);
    INFO(bad);
    o.out_dir = bad;
    size_t results = 0;
    BatchCallbacks cb;
    cb.result = [&](const DeptResult&) { ++results; };
    CHECK_THROWS_AS(run_batch(in, o, test::context(), cb), OutDirError);
    CHECK(results == 0);
  }
  CHECK_THROWS_WITH(OutDir(t.path / "dangling"), Catch::Contains("符号链接"));
}

TEST_CASE("OUT/<year> as a symlink is not followed") {
  test::TempDir t("bp-out");
  test::spit(t.path / "d" / "a.yaml", minimal());
  fs::create_directories(t.path / "elsewhere");
  fs::create_directories(t.path / "out");
  fs::create_directory_symlink(t.path / "elsewhere", t.path / "out" / "2023");
  BatchOptions o;
  o.formats = {Format::Json, Format::Text};
  o.out_dir = t.path / "out";
  auto r = run_batch(collect_batch_inputs({(t.path / "d").string()}).files, o, test::context(), {});
  CHECK(r.failed == 1);
  REQUIRE(r.failures.size() == 1);
  CHECK(r.failures[0].find("符号链接") != std::string::npos);
  CHECK(fs::is_empty(t.path / "elsewhere"));
  // The stale-file sweep does not enter it either.
  test::spit(t.path / "elsewhere" / ".x.tmp.999999999.1", "keep");
  fs::last_write_time(t.path / "elsewhere" / ".x.tmp.999999999.1",
                      fs::file_time_type::clock::now() - std::chrono::hours(3));
  remove_stale_temp_files(t.path / "out");
  CHECK(fs::exists(t.path / "elsewhere" / ".x.tmp.999999999.1"));
}

TEST_CASE("colliding output names: the first in input order wins, every time") {
  test::TempDir t("bp-collide");
  const fs::path src = t.path / "d";
  test::spit(src / "a.yaml", minimal());
  test::spit(src / "b.yaml", replaced(replaced(minimal(), "amount: 70.00", "amount: 69.00"),
                                      "amount: 10.00", "amount: 11.00"));
  for (int i = 0; i < 8; ++i)
    test::spit(src / ("c" + std::to_string(i) + ".yaml"),
               replaced(minimal(), "code: \"901\"", "code: \"95" + std::to_string(i) + "\""));
  const auto in = collect_batch_inputs({src.string()}).files;
  std::string first;
  for (int round = 0; round < 6; ++round) {
    const fs::path out = t.path / ("out" + std::to_string(round));
    BatchOptions o;
    o.formats = {Format::Json};
    o.out_dir = out;
    o.jobs = 3;
    auto r = run_batch(in, o, test::context(), {});
    CHECK(r.built == 9);
    REQUIRE(r.failed == 1);
    CHECK(r.failures[0].find("b.yaml") < r.failures[0].find("错误[E019]"));
    CHECK(r.failures[0].find("a.yaml") != std::string::npos);
    const std::string json = test::slurp(out / "2023" / "901-测试局.json");
    if (round == 0) first = json;
    CHECK(json == first);
    CHECK(json.find("69.00") == std::string::npos);
  }
}

TEST_CASE("finished departments are journaled; a torn last line is ignored") {
  test::TempDir t("bp-journal");
  const fs::path out = t.path / "out";
  fs::create_directories(out);
  ManifestEntry e;
  e.form = "2023";
  e.year = 2023;
  e.outputs["json"] = {"2023/901-测试局.json", "0123456789abcdef"};
  Manifest::journal(out, "../d/a.yaml", e);
  Manifest::journal(out, "../d/b.yaml", e);
  {
    std::ofstream j(out / kManifestJournal, std::ios::app);
    j << "{\"budgetpress_journal\":1,\"file\":\"../d/c.yaml\",\"ent";  // killed mid-write
  }
  Manifest m = Manifest::load(out);
  CHECK(m.size() == 2);
  CHECK(m.find("../d/a.yaml"));
  CHECK_FALSE(m.find("../d/c.yaml"));
  m.save(out);
  CHECK_FALSE(fs::exists(out / kManifestJournal));
  CHECK(Manifest::load(out).size() == 2);

  // Through run_batch: the journal exists only while a run is under way.
  test::spit(t.path / "d" / "a.yaml", minimal());
  BatchOptions o;
  o.formats = {Format::Json};
  o.out_dir = out;
  auto r = run_batch(collect_batch_inputs({(t.path / "d").string()}).files, o, test::context(), {});
  CHECK(r.built == 1);
  CHECK_FALSE(fs::exists(out / kManifestJournal));
}
