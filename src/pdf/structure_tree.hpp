// Tagged PDF (PDF/UA-1): marked-content IDs for the text of each page, and the structure tree
// (StructTreeRoot, one StructElem per layout::Structure node, ParentTree, IDTree) that points at
// them. The layout decided the elements and what is an artifact (layout/structure.hpp); this file
// only numbers and writes.
//
// The tree is written as serialised objects (RawObjects), not as PoDoFo objects: a 44-page
// document has ≈ 3 500 elements, and building, serialising and freeing PoDoFo's object graph
// for them cost more CPU than the whole untagged PDF's object graph (bench/pdf/README.md).
#pragma once

#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "layout/page.hpp"
#include "pdf/content_stream.hpp"

namespace bp::pdf {

// MCIDs of one page: consecutive text items of one element share an MCID.
struct PageTags {
  PageMarks marks;
  std::vector<int> node_of_mcid;
};

std::vector<PageTags> assign_mcids(const layout::DocumentLayout& layout);

// Indirect objects written outside PoDoFo: bodies[i] is object number first + i, generation 0,
// already serialised (a dictionary or array; no streams).
struct RawObjects {
  uint32_t first = 0;
  std::vector<std::string> bodies;
};

// Writes the tree as objects numbered from `first` (above every PoDoFo object) and the keys that
// tie pages and link annotations to it (StructParents, StructParent, Tabs), and marks the catalog
// (MarkInfo, StructTreeRoot). `annots[p][k]` is the annotation of layout.pages[p].links[k].
// `pages`: the page objects, in order.
RawObjects write_structure_tree(PoDoFo::PdfMemDocument& pdf,
                                const std::vector<PoDoFo::PdfObject*>& pages,
                                const layout::DocumentLayout& layout,
                                const std::vector<PageTags>& tags,
                                const std::vector<std::vector<PoDoFo::PdfObject*>>& annots,
                                uint32_t first);

}  // namespace bp::pdf
