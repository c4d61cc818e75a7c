// The structure tree in two halves (pdf/structure_tree.hpp): the keys set on the store's objects on
// the writer's thread (mark_structure) and the tree's objects built from copied references on
// another thread (build_structure_tree, the PDF helper's job) give the same objects and keys as
// written in one go, with and without link annotations.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "../support/long_table.hpp"
#include "../tools/engine_support.hpp"
#include "layout/document_layout.hpp"
#include "pdf/object_text.hpp"
#include "pdf/structure_tree.hpp"

using namespace bp;
using pdf::Ref;

namespace {

// A heading and a table of 120 rows: a few pages, hundreds of structure elements.
layout::DocumentLayout tagged_layout(testing::Engine& engine) {
  return layout::layout_document(test::long_table_document(120), engine.ctx);
}

// One document's pages (and an annotation per link), the keys of its structure tree and the
// tree's objects, written in one go or in the two halves on two threads.
struct Written {
  std::vector<std::string> bodies;
  uint32_t first = 0;
  std::vector<std::string> dicts;  // every page's and annotation's dictionary, then the catalog's
};

std::string text_of(const pdf::ObjectStore& store, Ref r) {
  std::string out;
  pdf::append_indirect(out, r.num, store.at(r));
  return out;
}

Written write(const layout::DocumentLayout& layout, bool split) {
  pdf::ObjectStore store;
  std::vector<Ref> pages;
  std::vector<std::vector<Ref>> annots(layout.pages.size());
  for (size_t p = 0; p < layout.pages.size(); ++p) {
    pages.push_back(store.add_typed("Page"));
    for (size_t k = 0; k < layout.pages[p].links.size(); ++k)
      annots[p].push_back(store.add_typed("Annot"));
  }
  const auto tags = pdf::assign_mcids(layout);
  Written w;
  w.first = 1000;
  pdf::RawObjects raw;
  if (!split) {
    raw = pdf::write_structure_tree(store, pages, layout, tags, annots, w.first);
  } else {
    pdf::mark_structure(store, pages, layout, annots, w.first);
    const pdf::TreeTargets targets = pdf::TreeTargets{pages, annots, w.first};
    std::thread other([&] { raw = pdf::build_structure_tree(layout, tags, targets); });
    other.join();
  }
  CHECK(raw.first == w.first);
  w.bodies = raw.bodies;
  for (const Ref o : pages) w.dicts.push_back(text_of(store, o));
  for (const auto& on_page : annots)
    for (const Ref a : on_page) w.dicts.push_back(text_of(store, a));
  w.dicts.push_back(text_of(store, pdf::ObjectStore::kCatalog));
  return w;
}

}  // namespace

TEST_CASE("structure tree: keys here, objects on another thread, the same as in one go",
          "[pdf][structure]") {
  const auto& theme = testing::default_theme();
  testing::Engine e(theme);
  layout::DocumentLayout layout = tagged_layout(e);
  REQUIRE(layout.pages.size() >= 2);
  REQUIRE(!layout.structure.empty());
  for (const bool links : {false, true}) {
    if (links) {  // two links of the first page, one of them an element's (an OBJR kid)
      const int node = static_cast<int>(layout.structure.nodes.size() - 1);
      layout.pages[0].links.push_back({10, 10, 50, 20, 1, 100, node});
      layout.pages[1].links.push_back({10, 10, 50, 20, 0, 100, -1});
    }
    const Written once = write(layout, false);
    const Written split = write(layout, true);
    CHECK(once.bodies == split.bodies);
    CHECK(once.dicts == split.dicts);
    REQUIRE(!once.bodies.empty());
    CHECK(once.bodies.front().rfind("<</Type/StructTreeRoot", 0) == 0);  // the root is `first`
    if (links) {
      bool objr = false;
      for (const std::string& b : once.bodies) objr = objr || b.find("/Type/OBJR") != b.npos;
      CHECK(objr);
      CHECK(once.dicts.back().find("/StructTreeRoot 1000 0 R") != std::string::npos);
    }
  }
}
