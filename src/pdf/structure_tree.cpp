#include "pdf/structure_tree.hpp"

#include <map>

namespace bp::pdf {

using namespace PoDoFo;

namespace {

PdfObject integer(long v) {
  return PdfObject(static_cast<pdf_int64>(v));
}

// What a structure element holds besides child elements: marked content or an annotation.
struct ContentRef {
  size_t page = 0;
  int mcid = -1;               // marked content
  PdfObject* annot = nullptr;  // or an annotation (OBJR)
};

PdfDictionary table_attributes(const layout::StructNode& n,
                               const std::vector<layout::StructNode>& nodes) {
  PdfDictionary a;
  a.AddKey("O", PdfName("Table"));
  if (n.column_header) a.AddKey("Scope", PdfName("Column"));
  if (n.rowspan > 1) a.AddKey("RowSpan", integer(n.rowspan));
  if (n.colspan > 1) a.AddKey("ColSpan", integer(n.colspan));
  if (!n.headers.empty()) {
    PdfArray h;
    for (int id : n.headers) h.push_back(PdfString(nodes[static_cast<size_t>(id)].id));
    a.AddKey("Headers", h);
  }
  return a;
}

}  // namespace

std::vector<PageTags> assign_mcids(const layout::DocumentLayout& layout) {
  std::vector<PageTags> out(layout.pages.size());
  for (size_t p = 0; p < layout.pages.size(); ++p) {
    const auto& items = layout.pages[p].text;
    PageTags& t = out[p];
    t.marks.structure = &layout.structure;
    t.marks.mcid_of_item.assign(items.size(), -1);
    for (size_t i = 0; i < items.size(); ++i) {
      const int tag = items[i].tag;
      if (tag < 0) continue;
      if (i > 0 && items[i - 1].tag == tag) {
        t.marks.mcid_of_item[i] = t.marks.mcid_of_item[i - 1];
        continue;
      }
      t.marks.mcid_of_item[i] = static_cast<int>(t.node_of_mcid.size());
      t.node_of_mcid.push_back(tag);
    }
  }
  return out;
}

void write_structure_tree(PdfMemDocument& pdf, const layout::DocumentLayout& layout,
                          const std::vector<PageTags>& tags,
                          const std::vector<std::vector<PdfObject*>>& annots) {
  const auto& nodes = layout.structure.nodes;
  if (nodes.empty()) return;
  PdfVecObjects& objs = pdf.GetObjects();
  std::vector<PdfReference> page_ref;
  for (size_t p = 0; p < layout.pages.size(); ++p)
    page_ref.push_back(pdf.GetPage(static_cast<int>(p))->GetObject()->Reference());

  // Content of each element in page order; annotations after the element's text.
  std::vector<std::vector<ContentRef>> content(nodes.size());
  for (size_t p = 0; p < tags.size(); ++p) {
    for (size_t m = 0; m < tags[p].node_of_mcid.size(); ++m)
      content[static_cast<size_t>(tags[p].node_of_mcid[m])].push_back({p, static_cast<int>(m)});
  }
  PdfObject* root = objs.CreateObject("StructTreeRoot");
  std::vector<PdfObject*> elem;
  elem.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) elem.push_back(objs.CreateObject());

  // ParentTree: page p's MCIDs under key p, then one key per link annotation.
  PdfArray nums;
  for (size_t p = 0; p < tags.size(); ++p) {
    PdfArray parents;
    for (int node : tags[p].node_of_mcid)
      parents.push_back(elem[static_cast<size_t>(node)]->Reference());
    nums.push_back(integer(static_cast<long>(p)));
    nums.push_back(parents);
    PdfDictionary& pd = pdf.GetPage(static_cast<int>(p))->GetObject()->GetDictionary();
    pd.AddKey("StructParents", integer(static_cast<long>(p)));
    if (!layout.pages[p].links.empty()) pd.AddKey("Tabs", PdfName("S"));
  }
  long next_key = static_cast<long>(tags.size());
  for (size_t p = 0; p < layout.pages.size(); ++p)
    for (size_t k = 0; k < layout.pages[p].links.size(); ++k) {
      const int node = layout.pages[p].links[k].tag;
      PdfObject* a = annots[p][k];
      if (node < 0 || !a) continue;
      content[static_cast<size_t>(node)].push_back({p, -1, a});
      a->GetDictionary().AddKey("StructParent", integer(next_key));
      nums.push_back(integer(next_key++));
      nums.push_back(elem[static_cast<size_t>(node)]->Reference());
    }

  PdfArray ids;  // IDTree leaf: (id) ref pairs sorted by id
  std::map<std::string, PdfReference> by_id;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const layout::StructNode& n = nodes[i];
    PdfDictionary& d = elem[i]->GetDictionary();
    d.AddKey("Type", PdfName("StructElem"));
    d.AddKey("S", PdfName(layout::role_name(n.role)));
    d.AddKey("P",
             n.parent < 0 ? root->Reference() : elem[static_cast<size_t>(n.parent)]->Reference());
    if (!n.id.empty()) {
      d.AddKey("ID", PdfString(n.id));
      by_id.emplace(n.id, elem[i]->Reference());
    }
    if (n.role == layout::Role::TH || n.role == layout::Role::TD) {
      PdfDictionary a = table_attributes(n, nodes);
      if (a.GetKeys().size() > 1) d.AddKey("A", a);
    }
    PdfArray k;
    for (int kid : n.kids) k.push_back(elem[static_cast<size_t>(kid)]->Reference());
    const auto& c = content[i];
    if (!c.empty()) d.AddKey("Pg", page_ref[c.front().page]);
    for (const ContentRef& r : c) {
      if (r.annot) {
        PdfDictionary o;
        o.AddKey("Type", PdfName("OBJR"));
        o.AddKey("Obj", r.annot->Reference());
        o.AddKey("Pg", page_ref[r.page]);
        k.push_back(o);
      } else if (r.page == c.front().page) {
        k.push_back(integer(r.mcid));
      } else {
        PdfDictionary mcr;
        mcr.AddKey("Type", PdfName("MCR"));
        mcr.AddKey("Pg", page_ref[r.page]);
        mcr.AddKey("MCID", integer(r.mcid));
        k.push_back(mcr);
      }
    }
    if (k.size() == 1)
      d.AddKey("K", k.front());
    else if (!k.empty())
      d.AddKey("K", k);
  }
  for (const auto& [id, ref] : by_id) {
    ids.push_back(PdfString(id));
    ids.push_back(ref);
  }

  PdfDictionary& rd = root->GetDictionary();
  PdfArray top;
  top.push_back(elem[0]->Reference());
  rd.AddKey("K", top);
  PdfObject* parent_tree = objs.CreateObject();
  parent_tree->GetDictionary().AddKey("Nums", nums);
  rd.AddKey("ParentTree", parent_tree->Reference());
  rd.AddKey("ParentTreeNextKey", integer(next_key));
  if (!ids.empty()) {
    PdfDictionary id_tree;
    id_tree.AddKey("Names", ids);
    rd.AddKey("IDTree", id_tree);
  }

  PdfDictionary& cat = pdf.GetCatalog()->GetDictionary();
  cat.AddKey("StructTreeRoot", root->Reference());
  PdfDictionary mark;
  mark.AddKey("Marked", PdfVariant(true));
  cat.AddKey("MarkInfo", mark);
}

}  // namespace bp::pdf
