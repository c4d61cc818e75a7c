// pdf/podofo_error: PoDoFo's exceptions are not std::exception; the writer's boundary turns them
// into ones the batch handles (E014 for a failed allocation, else the department fails naming it).
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <string>

#include "pdf/podofo_error.hpp"

using bp::pdf::rethrow_as_std;

TEST_CASE("A PoDoFo out-of-memory error becomes std::bad_alloc") {
  const PoDoFo::PdfError e(PoDoFo::ePdfError_OutOfMemory, __FILE__, __LINE__);
  REQUIRE_THROWS_AS(rethrow_as_std(e), std::bad_alloc);
}

TEST_CASE("Any other PoDoFo error becomes a std::runtime_error naming it") {
  const PoDoFo::PdfError e(PoDoFo::ePdfError_InvalidHandle, __FILE__, __LINE__);
  try {
    rethrow_as_std(e);
    FAIL("nothing thrown");
  } catch (const std::runtime_error& r) {
    const std::string what = r.what();
    CHECK(what.find("PDF 写入失败") != std::string::npos);
    CHECK(what.find("InvalidHandle") != std::string::npos);
  }
}
