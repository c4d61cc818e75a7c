#include "pdf/structure_tree.hpp"

#include <charconv>
#include <map>

namespace bp::pdf {

namespace {

// Appends to `out` rather than returning strings: the tree has thousands of elements, and the
// temporaries were most of its cost.
void put_num(std::string& out, uint64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}
void put_ref(std::string& out, uint32_t num) {
  put_num(out, num);
  out += " 0 R";
}
std::string ref(uint32_t num) {
  std::string out;
  put_ref(out, num);
  return out;
}
void put_ref(std::string& out, const Ref& r) {
  put_num(out, r.num);
  out += ' ';
  put_num(out, r.gen);
  out += " R";
}

// A PDF literal string of the ASCII ids the layout makes ("H123"): only the delimiters need an
// escape, and they never occur; escaped anyway so that no id can break the syntax.
void put_literal(std::string& out, const std::string& s) {
  out += '(';
  for (char c : s) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  out += ')';
}

// What a structure element holds besides child elements: marked content or an annotation.
struct ContentRef {
  size_t page = 0;
  int mcid = -1;  // marked content
  Ref annot{};    // or an annotation (OBJR), when annot.num != 0
};

// The raw objects being written: numbers handed out in order.
class Objects {
 public:
  explicit Objects(uint32_t first) { out_.first = first; }
  uint32_t reserve() {
    out_.bodies.emplace_back();
    return out_.first + static_cast<uint32_t>(out_.bodies.size() - 1);
  }
  std::string& body(uint32_t num) { return out_.bodies[num - out_.first]; }
  RawObjects take() { return std::move(out_); }

 private:
  RawObjects out_;
};

// Table attributes: a set of values that several cells share (/Scope /Column, one column's
// /Headers) is one indirect attribute object for all of them (attribute objects may be indirect);
// a set only one cell has (most /Headers lists, which name the row's header) is written into the
// cell's /A as a direct dictionary, which saves the object's entry in the object stream and the
// reference. ISO 32000-1 Table 323 (structure element dictionary), entry A: "A single attribute
// object or array of attribute objects … Each attribute object shall be either a dictionary or a
// stream" — no requirement that it be indirect (unlike /P and /Pg, which "shall be an indirect
// reference"). PDF/UA-1 (ISO 14289-1 7.5) asks for /Headers and /Scope, not for their form.
class TableAttributes {
 public:
  // Counts the cells of each set first: one string and one look-up per cell, as before.
  TableAttributes(Objects& objs, const std::vector<layout::StructNode>& nodes)
      : objs_(objs), nodes_(nodes), of_node_(nodes.size(), shared_.end()) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      const auto& n = nodes[i];
      if (n.role != layout::Role::TH && n.role != layout::Role::TD) continue;
      if (std::string a = values(n); !a.empty()) {
        of_node_[i] = shared_.try_emplace(std::move(a)).first;
        ++of_node_[i]->second.uses;
      }
    }
  }

  // Appends node i's /A entry (nothing when it has only default values).
  void put(std::string& d, size_t i) {
    const auto it = of_node_[i];
    if (it == shared_.end()) return;
    Set& s = it->second;
    if (s.uses == 1) {
      d += "/A<</O/Table";
      d += it->first;
      d += ">>";
      return;
    }
    if (!s.num) {
      s.num = objs_.reserve();
      objs_.body(s.num) = "<</O/Table" + it->first + ">>";
    }
    d += "/A ";
    put_ref(d, s.num);
  }

 private:
  std::string values(const layout::StructNode& n) const {
    std::string a;
    if (n.column_header) a += "/Scope/Column";
    if (n.row_header) a += "/Scope/Row";
    if (n.rowspan > 1) a += "/RowSpan " + std::to_string(n.rowspan);
    if (n.colspan > 1) a += "/ColSpan " + std::to_string(n.colspan);
    if (!n.headers.empty()) {
      a += "/Headers[";
      for (int id : n.headers) put_literal(a, nodes_[static_cast<size_t>(id)].id);
      a += "]";
    }
    return a;
  }

  struct Set {
    size_t uses = 0;
    uint32_t num = 0;  // its object, once a cell refers to it
  };
  Objects& objs_;
  const std::vector<layout::StructNode>& nodes_;
  std::map<std::string, Set> shared_;
  std::vector<std::map<std::string, Set>::iterator> of_node_;  // shared_.end(): no attributes
};

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

void mark_structure(ObjectStore& store, const std::vector<Ref>& pages,
                    const layout::DocumentLayout& layout,
                    const std::vector<std::vector<Ref>>& annots, uint32_t first) {
  if (layout.structure.nodes.empty()) return;
  // The same keys in the same order as build_structure_tree's ParentTree: page p under key p,
  // then one key per link annotation of an element.
  for (size_t p = 0; p < layout.pages.size(); ++p) {
    Dict& pd = store.dict(pages[p]);
    pd.set("StructParents", Object::integer(static_cast<int64_t>(p)));
    if (!layout.pages[p].links.empty()) pd.set("Tabs", Object::name("S"));
  }
  int64_t next_key = static_cast<int64_t>(layout.pages.size());
  for (size_t p = 0; p < layout.pages.size(); ++p)
    for (size_t k = 0; k < layout.pages[p].links.size(); ++k) {
      const Ref a = annots[p][k];
      if (layout.pages[p].links[k].tag < 0 || a.num == 0) continue;
      store.dict(a).set("StructParent", Object::integer(next_key++));
    }
  Dict& cat = store.dict(ObjectStore::kCatalog);
  cat.set("StructTreeRoot", Ref{first, 0});
  Dict mark;
  mark.set("Marked", Object::boolean(true));
  cat.set("MarkInfo", std::move(mark));
}

RawObjects write_structure_tree(ObjectStore& store, const std::vector<Ref>& pages,
                                const layout::DocumentLayout& layout,
                                const std::vector<PageTags>& tags,
                                const std::vector<std::vector<Ref>>& annots, uint32_t first) {
  mark_structure(store, pages, layout, annots, first);
  return build_structure_tree(layout, tags, TreeTargets{pages, annots, first});
}

RawObjects build_structure_tree(const layout::DocumentLayout& layout,
                                const std::vector<PageTags>& tags, const TreeTargets& targets) {
  const auto& nodes = layout.structure.nodes;
  Objects objs(targets.first);
  if (nodes.empty()) return objs.take();
  std::vector<std::string> page_ref;
  for (size_t p = 0; p < layout.pages.size(); ++p) {
    page_ref.emplace_back();
    put_ref(page_ref.back(), targets.pages[p]);
  }
  // Content of each element in page order; annotations after the element's text.
  std::vector<std::vector<ContentRef>> content(nodes.size());
  for (size_t p = 0; p < tags.size(); ++p) {
    for (size_t m = 0; m < tags[p].node_of_mcid.size(); ++m)
      content[static_cast<size_t>(tags[p].node_of_mcid[m])].push_back({p, static_cast<int>(m)});
  }
  const uint32_t root = objs.reserve();
  std::vector<uint32_t> elem;
  elem.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) elem.push_back(objs.reserve());
  const uint32_t parent_tree = objs.reserve();

  // ParentTree: page p's MCIDs under key p, then one key per link annotation.
  std::string nums = "<</Nums[";
  for (size_t p = 0; p < tags.size(); ++p) {
    nums += std::to_string(p) + "[";
    for (size_t m = 0; m < tags[p].node_of_mcid.size(); ++m) {
      if (m) nums += ' ';
      put_ref(nums, elem[static_cast<size_t>(tags[p].node_of_mcid[m])]);
    }
    nums += "]";
  }
  long next_key = static_cast<long>(tags.size());
  for (size_t p = 0; p < layout.pages.size(); ++p)
    for (size_t k = 0; k < layout.pages[p].links.size(); ++k) {
      const int node = layout.pages[p].links[k].tag;
      const Ref a = targets.annots[p][k];
      if (node < 0 || !a.num) continue;  // mark_structure's keys: the same test
      content[static_cast<size_t>(node)].push_back({p, -1, a});
      put_num(nums, static_cast<uint64_t>(next_key++));
      nums += ' ';
      put_ref(nums, elem[static_cast<size_t>(node)]);
      nums += ' ';
    }
  objs.body(parent_tree) = nums + "]>>";

  std::map<std::string, uint32_t> by_id;  // IDTree leaf: (id) ref pairs sorted by id
  TableAttributes attributes(objs, nodes);
  // Every element is an indirect object: a direct one in its parent's /K (an empty cell) would
  // save ≈ 19 bytes, but poppler rejects it ("Structure element dictionary is not an indirect
  // reference") and drops it from the tree.
  for (size_t i = 0; i < nodes.size(); ++i) {
    const layout::StructNode& n = nodes[i];
    // No /Type: it is optional for structure elements, and 3 000 cells would repeat it.
    std::string d = "<</S/";
    d += layout::role_name(n.role);
    d += "/P ";
    put_ref(d, n.parent < 0 ? root : elem[static_cast<size_t>(n.parent)]);
    if (!n.id.empty()) {
      d += "/ID";
      put_literal(d, n.id);
      by_id.emplace(n.id, elem[i]);
    }
    if (n.role == layout::Role::TH || n.role == layout::Role::TD) attributes.put(d, i);
    // Kids: the child elements, then the element's marked content and annotations.
    const auto& c = content[i];
    if (!c.empty()) d += "/Pg " + page_ref[c.front().page];
    const size_t kids = n.kids.size() + c.size();
    if (kids == 1)
      d += "/K ";
    else if (kids > 1)
      d += "/K[";
    for (size_t j = 0; j < kids; ++j) {
      if (j) d += ' ';
      if (j < n.kids.size()) {
        put_ref(d, elem[static_cast<size_t>(n.kids[j])]);
        continue;
      }
      const ContentRef& r = c[j - n.kids.size()];
      if (r.annot.num) {
        d += "<</Type/OBJR/Obj ";
        put_ref(d, r.annot);
        d += "/Pg " + page_ref[r.page] + ">>";
      } else if (r.page == c.front().page) {
        put_num(d, static_cast<uint64_t>(r.mcid));
      } else {
        d += "<</Type/MCR/Pg " + page_ref[r.page] + "/MCID ";
        put_num(d, static_cast<uint64_t>(r.mcid));
        d += ">>";
      }
    }
    if (kids > 1) d += ']';
    d += ">>";
    objs.body(elem[i]) = std::move(d);
  }

  std::string r = "<</Type/StructTreeRoot/K[" + ref(elem[0]) + "]/ParentTree " + ref(parent_tree) +
                  "/ParentTreeNextKey " + std::to_string(next_key);
  if (!by_id.empty()) {
    r += "/IDTree<</Names[";
    for (const auto& [id, num] : by_id) {
      put_literal(r, id);
      put_ref(r, num);
    }
    r += "]>>";
  }
  objs.body(root) = r + ">>";
  return objs.take();
}

}  // namespace bp::pdf
