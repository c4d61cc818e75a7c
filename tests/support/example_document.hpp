// The document tree of an example department (examples/<example>), checked with the repository's
// configuration; the check's messages are shown when it fails.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "app/document_for.hpp"
#include "app/pipeline.hpp"
#include "context.hpp"
#include "fixtures.hpp"

namespace bp::test {

inline doc::Document example_document(const std::string& example) {
  auto c = check_budget_file(source_dir() / "examples" / example, context());
  INFO(c.diag.format_all());
  REQUIRE(c.ok());
  return document_for(c, context());
}

}  // namespace bp::test
