// Tagged PDF (PDF/UA-1): marked-content IDs for the text of each page, and the structure tree
// (StructTreeRoot, one StructElem per layout::Structure node, ParentTree, IDTree) that points at
// them. The layout decided the elements and what is an artifact (layout/structure.hpp); this file
// only numbers and writes.
//
// The tree is written as serialised objects (RawObjects), not as objects of the store
// (object_store.hpp): a 44-page document has ≈ 3 500 elements, and building, serialising and
// freeing an object graph for them (PoDoFo's, when it was measured) cost more CPU than the whole
// untagged PDF's object graph (bench/pdf/README.md); text made at once is still the cheapest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "layout/page.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/object_store.hpp"

namespace bp::pdf {

// MCIDs of one page: consecutive text items of one element share an MCID.
struct PageTags {
  PageMarks marks;
  std::vector<int> node_of_mcid;
};

std::vector<PageTags> assign_mcids(const layout::DocumentLayout& layout);

// Indirect objects written outside the store: bodies[i] is object number first + i, generation 0,
// already serialised (a dictionary or array; no streams).
struct RawObjects {
  uint32_t first = 0;
  std::vector<std::string> bodies;
};

// What the tree's objects point at: the page objects in order, each page's link annotations
// (`annots[p][k]`: the annotation of layout.pages[p].links[k]; num 0: none), and the number of the
// tree's first object (above every object of the store). References only, copied: the tree is
// built on the helper, and the store's objects are only touched on the writer's thread.
struct TreeTargets {
  std::vector<Ref> pages;
  std::vector<std::vector<Ref>> annots;
  uint32_t first = 0;
};

// The tree as objects numbered from `targets.first` (the StructTreeRoot is that number). Reads
// only the layout, the tags and the targets: it may run on any thread (the helper, while the
// writer goes on with the store's objects).
RawObjects build_structure_tree(const layout::DocumentLayout& layout,
                                const std::vector<PageTags>& tags, const TreeTargets& targets);

// The keys that tie pages and link annotations to the tree (StructParents, StructParent, Tabs),
// and the catalog's MarkInfo and StructTreeRoot (object `first`, build_structure_tree's root).
// `pages`, `annots`: as in TreeTargets. On the writer's thread.
void mark_structure(ObjectStore& store, const std::vector<Ref>& pages,
                    const layout::DocumentLayout& layout,
                    const std::vector<std::vector<Ref>>& annots, uint32_t first);

// Both in one go: mark_structure, then build_structure_tree.
RawObjects write_structure_tree(ObjectStore& store, const std::vector<Ref>& pages,
                                const layout::DocumentLayout& layout,
                                const std::vector<PageTags>& tags,
                                const std::vector<std::vector<Ref>>& annots, uint32_t first);

}  // namespace bp::pdf
