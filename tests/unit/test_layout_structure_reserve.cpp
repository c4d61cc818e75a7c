// Structure::reserve_for (layout/structure.hpp): the room it reserves holds every element the
// layout of a real document adds, so the nodes are allocated once, never copied into a larger
// buffer (bench/pdf/README.md, "Round 16": the copies were ≈ 270 page faults of a cold 434).
#include <catch2/catch.hpp>

#include <string>

#include "../support/example_document.hpp"
#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "layout/structure.hpp"

using namespace bp;

TEST_CASE("the structure's reserved room holds every element of each example's layout") {
  for (const std::string example :
       {"2021/512.yaml", "2021/905.yaml", "2023/434.yaml", "2023/631.yaml", "2023/633.yaml",
        "2024/201.yaml", "2025/718.yaml"}) {
    INFO(example);
    const doc::Document d = test::example_document(example);
    layout::Structure reserved;
    reserved.reserve_for(d);
    testing::Engine e(testing::default_theme());
    const layout::DocumentLayout pages = layout::layout_document(d, e.ctx);
    REQUIRE(!pages.structure.nodes.empty());
    CHECK(pages.structure.nodes.size() <= reserved.nodes.capacity());
    // Not grown past the reservation: the same capacity as reserved.
    CHECK(pages.structure.nodes.capacity() == reserved.nodes.capacity());
    // And not wildly more than needed (the room is virtual until written, but it is counted by
    // --max-memory's RLIMIT_DATA once mimalloc commits it).
    CHECK(reserved.nodes.capacity() <= 3 * pages.structure.nodes.size() + 64);
  }
}
