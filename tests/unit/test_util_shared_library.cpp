// The libraries budgetpress loads on first use (util/shared_library.hpp): libxlsxwriter and libzip
// resolve every function of their tables; a library that cannot be loaded, or lacks a function,
// is a LibraryError with the spec's code, the soname, the Debian package and the function, thrown
// again on every use.
#include <catch2/catch.hpp>

#include <string>

#include "util/shared_library.hpp"
#include "util/zip.hpp"
#include "xlsx/lxw.hpp"

using namespace bp;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("libxlsxwriter and libzip load and resolve every function", "[util][libraries]") {
  const lxw::Api& x = lxw::api();
  CHECK(x.workbook_new_opt != nullptr);
  CHECK(x.worksheet_write_url_opt != nullptr);
  CHECK(&lxw::api() == &x);  // one table per process
  const libzip::Api& z = libzip::api();
  CHECK(z.zip_open != nullptr);
  CHECK(z.zip_strerror != nullptr);
  CHECK(std::string(lxw::lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)) ==
        std::string(x.lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)));
}

TEST_CASE("a library that is not installed fails every use with its code and package",
          "[util][libraries]") {
  const LibrarySpec spec{"libbudgetpress-no-such-library.so.9", "libbudgetpress-none9", "E990",
                         "生成 XLSX 工作簿"};
  const LoadedLibrary<lxw::Api> library(spec, &lxw::resolve);  // does not throw itself
  for (int use = 0; use < 2; ++use) {
    try {
      (void)library.get();
      FAIL("no LibraryError");
    } catch (const LibraryError& e) {
      CHECK(e.code() == "E990");
      CHECK(e.where().empty());
      const std::string m = e.message();
      CHECK(has(m, "无法加载 libbudgetpress-no-such-library.so.9"));
      CHECK(has(m, "生成 XLSX 工作簿"));
      CHECK(has(m, "apt-get install libbudgetpress-none9"));
      CHECK(has(m, "No such file"));  // the dynamic loader's reason
      CHECK(has(e.diagnostic(), "错误[E990]"));
    }
  }
}

TEST_CASE("a library without a function we call names the function", "[util][libraries]") {
  // libzip opened as if it were libxlsxwriter: loaded, but the first function of the table is
  // missing.
  const LibrarySpec spec{"libzip.so.4", "libxlsxwriter4", "E990", "生成 XLSX 工作簿"};
  const LoadedLibrary<lxw::Api> library(spec, &lxw::resolve);
  try {
    (void)library.get();
    FAIL("no LibraryError");
  } catch (const LibraryError& e) {
    CHECK(e.code() == "E990");
    CHECK(has(e.message(), "libzip.so.4 缺少函数 format_set_align"));
    CHECK(has(e.message(), "apt-get install libxlsxwriter4"));
  }
  // The same library for what it is resolves.
  const LoadedLibrary<libzip::Api> zip(libzip::kSpec, &libzip::resolve);
  CHECK(zip.get().zip_source_buffer_create != nullptr);
  CHECK(std::string(libzip::kSpec.code) == "E991");
  CHECK(std::string(lxw::kSpec.code) == "E990");
}

TEST_CASE("SharedLibrary::symbol names a missing symbol", "[util][libraries]") {
  SharedLibrary lib(libzip::kSpec);
  CHECK(lib.symbol("zip_open") != nullptr);
  try {
    (void)lib.symbol("zip_no_such_function");
    FAIL("no LibraryError");
  } catch (const LibraryError& e) {
    CHECK(e.code() == "E991");
    CHECK(has(e.message(), "缺少函数 zip_no_such_function"));
    CHECK(has(e.message(), "apt-get install libzip4"));
  }
}
