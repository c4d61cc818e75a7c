// Tagged PDF (PDF/UA-1): marked-content IDs for the text of each page, and the structure tree
// (StructTreeRoot, one StructElem per layout::Structure node, ParentTree, IDTree) that points at
// them. The layout decided the elements and what is an artifact (layout/structure.hpp); this file
// only numbers and writes.
#pragma once

#include <podofo/podofo.h>

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

// Writes the tree and the keys that tie pages and link annotations to it (StructParents,
// StructParent, Tabs), and marks the catalog (MarkInfo, StructTreeRoot). `annots[p][k]` is the
// annotation of layout.pages[p].links[k].
void write_structure_tree(PoDoFo::PdfMemDocument& pdf, const layout::DocumentLayout& layout,
                          const std::vector<PageTags>& tags,
                          const std::vector<std::vector<PoDoFo::PdfObject*>>& annots);

}  // namespace bp::pdf
