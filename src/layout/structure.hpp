// The document's logical structure for tagged PDF (PDF/UA): a tree of standard structure types in
// reading order. The layout creates the elements as it places blocks and marks every text item with
// the element it belongs to, or with the kind of artifact it is (page numbers, running headers,
// dot leaders, what a continuation page repeats). The PDF writer turns this into the structure tree
// and marked content; other backends ignore it.
#pragma once

#include <string>
#include <vector>

namespace bp::doc {
struct Document;
}

namespace bp::layout {

// Artifact kinds of TextItem::tag (structure elements are >= 0).
constexpr int kArtifactLayout = -1;      // dot leaders (and anything not yet tagged)
constexpr int kArtifactPagination = -2;  // 续表 mark, repeated header block, head rows, labels
constexpr int kArtifactHeader = -3;      // running header
constexpr int kArtifactFooter = -4;      // page number

enum class Role {
  Document,
  Part,
  Sect,
  H1,
  H2,
  H3,
  H4,
  H5,
  H6,
  P,
  L,
  LI,
  Lbl,
  LBody,
  Table,
  THead,
  TBody,
  TR,
  TH,
  TD,
  Caption,
  TOC,
  TOCI,
  Link
};

const char* role_name(Role r);

struct StructNode {
  Role role = Role::P;
  int parent = -1;
  std::vector<int> kids;  // child elements in reading order
  // Table cells (attributes written only when they differ from the default).
  int rowspan = 1, colspan = 1;
  bool column_header = false;  // TH /Scope /Column
  bool row_header = false;     // TH /Scope /Row (the 科目 cells of a classification row)
  std::string id;              // /ID of a header cell that a data cell's /Headers names
  std::vector<int> headers;    // TH elements that head this data cell
  std::string alt;             // Link: the annotation's description (/Contents)
};

class Structure {
 public:
  // Room for the elements of `d` at most, in one allocation: grown by doubling, the nodes were
  // copied into ever larger new buffers — ≈ 270 page faults and first writes of a cold 434 on the
  // department's thread, where each costs ≈ 10 µs on some machines (bench/pdf/README.md,
  // "Round 16"). Room reserved and never used is never touched.
  void reserve_for(const doc::Document& d);
  // The root (Document) is node 0, created on first use.
  int add(Role role, int parent);
  int root();
  bool empty() const { return nodes.empty(); }
  std::vector<StructNode> nodes;
};

// Builds the sectioning of the narrative: each heading opens a Part (level 1) or Sect holding the
// heading (H1…H6 by nesting depth, so that no level is skipped) and the blocks up to the next
// heading of the same or a higher level.
class SectionStack {
 public:
  explicit SectionStack(Structure& s) : s_(s) {}
  // Opens the section of a heading of document level `level`; returns the heading element.
  int heading(int level);
  // The element new blocks go into (the innermost open section, or the document).
  int container();
  // Closes every section (e.g. before the 目录, which sits directly under the document).
  void close_all() { open_.clear(); }

 private:
  struct Open {
    int level;
    int node;
  };
  Structure& s_;
  std::vector<Open> open_;
};

}  // namespace bp::layout
