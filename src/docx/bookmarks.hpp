// Word bookmark names for the document's anchors. Word accepts only letters, digits and '_' (first
// a letter or '_'), at most 40 characters; names starting with '_' are hidden from the user's
// bookmark list (Word's own TOC bookmarks are "_Toc…"). Anchors such as "t1-summary" become
// "_Toc_t1_summary"; collisions get a numeric suffix. Ids are handed out in document order, so the
// XML has no random ids.
#pragma once

#include <map>
#include <string>

#include "document/document.hpp"

namespace bp::docx {

class Bookmarks {
 public:
  // Names every anchor a Heading or Table of `d` carries (document order).
  explicit Bookmarks(const doc::Document& d);

  // The bookmark name of `anchor`, "" when no block carries it.
  std::string name(const std::string& anchor) const;
  // Next bookmark id (w:id of bookmarkStart/End pairs).
  int next_id() { return next_id_++; }

  static std::string word_name(const std::string& anchor);

 private:
  void add(const std::string& anchor);
  std::map<std::string, std::string> names_;
  std::map<std::string, int> used_;
  int next_id_ = 0;
};

}  // namespace bp::docx
