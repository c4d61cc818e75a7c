// Fuzz target (extra): our own CFF reader (pdf/cff), which parses the CFF table hb-subset makes of a
// font in fonts/ — so of a file we do not control. Properties: never reads out of bounds, never
// loops without end, fails only with CffError; a charset starts with .notdef (0).
#include "fuzz_support.hpp"
#include "pdf/cff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const bp::pdf::CffInfo info =
        bp::pdf::read_cff(std::string_view(reinterpret_cast<const char*>(data), size));
    BP_FUZZ_ASSERT(!info.charset.empty() && info.charset[0] == 0);
    BP_FUZZ_ASSERT(info.charset.size() <= 65536);
  } catch (const bp::pdf::CffError&) {
  }
  return 0;
}
