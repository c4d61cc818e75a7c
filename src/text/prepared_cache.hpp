// A memo of Typesetter::prepare (fonts resolved, shaped, break opportunities graded): the same
// text in the same style is prepared once. Within a document a table cell is prepared twice (the
// shared column grid of a table group measures it, then the table's own plan), and labels repeat
// (栏次, 合计, headers, 科目 names); across the documents of a batch the headers, titles and 科目
// names repeat again. Units are a pure function of the key, so output bytes do not change; a call
// that reported to Coverage (a missing character, a fallback face) is not stored, so that every
// occurrence is still reported where it is.
//
// Bounded: between documents (next_document) every entry that neither of the last two documents
// used is dropped, so the memo holds about one document's text however long the batch runs.
// Smaller still when the layout says it is done (end_layout): most of a document's entries are its
// own table cells, which the next department does not print; they are dropped as soon as its
// layout is complete, before the PDF is written (the peak of a document's memory: its fonts are
// subset then), and only text that recurs from one document to the next (headers, labels, 科目
// names) is kept for the documents after it.
// Not thread-safe: one per worker (TypesetCachePool).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/typeset.hpp"
#include "text/word_break.hpp"

namespace bp::text {

class PreparedCache {
 public:
  // Text longer than this (bytes of all runs) is stored only when it recurs
  // (`stored_if_recurring`): a department's own body paragraphs are set once, and holding them
  // would add about 2 MB to a document's peak memory; the boilerplate paragraphs of a batch
  // (名词解释, 说明) come back in every department.
  static constexpr size_t kLongestText = 240;
  static bool memoised(std::span<const StyledText> text);

  // The key of one prepare() call: the runs (UTF-8 text, the faces of the font chain, size,
  // tabular digits) and the format fields prepare reads. `word_aware`: the grading by a
  // WordBreaker applies.
  static std::string key(std::span<const StyledText> text, const ParagraphFormat& format,
                         bool word_aware);
  // The same key written into `out` (its capacity reused: no allocation per call once it has
  // grown to the longest key; prepare() keys every table cell it sees).
  static void key_into(std::string& out, std::span<const StyledText> text,
                       const ParagraphFormat& format, bool word_aware);
  // Room for the key of the call being prepared (key_into), kept with the memo.
  std::string& key_buffer() { return key_buffer_; }

  // Empties the memo when `terms` differ from the list its entries were graded with.
  void use_terms(const TermList& terms);

  // The memoised units of `key`, or null.
  std::shared_ptr<const Units> find(std::string_view key);
  void insert(std::string key, std::shared_ptr<const Units> units);
  // Long text (above kLongestText, issue 20D): stored only when the document before prepared it
  // too (end_layout's dropped keys), so a lone document holds none; else its key's hash is noted
  // for the next document. Returns whether the key is stored; then `units` must be shrunk first.
  bool stored_if_recurring(std::string_view key) const;
  void note_unstored(std::string_view key);

  // Ends a document: drops what neither it nor the document before used.
  void next_document();

  // The document's layout is complete: drops every entry not known to recur from one document to
  // the next. An entry recurs when its text was also prepared by the document before (the last
  // end_layout remembers a hash of each key it dropped, 8 bytes per entry): such a text is prepared
  // once more and kept from then on. A lone document so frees its memo before its PDF is written.
  void end_layout();

  // Another typesetter of the same document ended its layout (the plan-ahead helper's, whose
  // memo is its own: the memos are not thread-safe): the keys its end_layout dropped count as
  // prepared by this document too, so that the next document keeps them when it prepares them
  // again. Without this a table cell the helper prepared in one document and the layout's own
  // thread in the next was made once more in a third (issue 20D). Called before this memo's own
  // end_layout, while its thread does not use it.
  void add_dropped(const PreparedCache& other);

  size_t size() const { return map_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Entry {
    std::shared_ptr<const Units> units;
    uint64_t used = 0;       // generation of the last use
    bool recurring = false;  // also prepared by an earlier document: kept by end_layout
  };
  static uint64_t hash_of(std::string_view key);
  // Looked up by view: a lookup allocates nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> map_;
  std::string key_buffer_;
  std::vector<uint64_t> dropped_;    // sorted hashes of the keys the last end_layout dropped
  std::vector<uint64_t> elsewhere_;  // add_dropped's and note_unstored's, for the next end_layout
  TermList terms_;
  uint64_t generation_ = 1;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace bp::text
