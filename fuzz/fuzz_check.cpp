// Fuzz target (a): a department file's bytes → load → validate → derive (check_budget_text with the
// real configuration), then the JSON export and the document tree of inputs that pass.
// Properties: no crash, no sanitizer report, no exception escapes (a hostile file is only ever a
// list of diagnostics), every diagnostic is well-formed, the JSON export parses.
#include <nlohmann/json.hpp>

#include "app/document_for.hpp"
#include "document/plain_text.hpp"
#include "fuzz_support.hpp"
#include "json/tables_json.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)bp::fuzz::context();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bp::Context& ctx = bp::fuzz::context();
  const bp::CheckedBudget c = bp::fuzz::check_input(data, size);
  if (!c.ok()) return 0;
  const std::string json = bp::tables_to_json(*c.budget, *c.profile, *c.derived);
  BP_FUZZ_ASSERT(nlohmann::json::accept(json));
  const bp::doc::Document d = bp::document_for(c, ctx);
  BP_FUZZ_ASSERT(!d.blocks.empty());
  (void)bp::document_to_text(d);
  return 0;
}
