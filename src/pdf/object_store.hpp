// The indirect objects of one PDF file, numbered 1, 2, 3 … in the order they are added
// (generation 0; nothing is ever removed, so there is no free list), each a value (object.hpp)
// with optional stream data. The numbers are the file's: pdf_writer.cpp adds its objects in the
// order PoDoFo 0.9.8's PdfMemDocument, PdfPage, PdfAnnotation, PdfDestination and PdfOutlines
// created theirs, so the files stay byte for byte what they were (bench/same_outputs.sh).
// The store starts as PoDoFo's document did: 1 the catalog, 2 the Info dictionary, 3 the page
// tree's root (in the catalog's /Pages), and the trailer's /Root and /Info point at 1 and 2.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "pdf/object.hpp"

namespace bp::pdf {

struct Indirect {
  Object value;
  std::optional<std::string> stream;  // the data as written (already filtered)
};

class ObjectStore {
 public:
  ObjectStore();
  ObjectStore(const ObjectStore&) = delete;
  ObjectStore& operator=(const ObjectStore&) = delete;

  // A new object (an empty dictionary by default).
  Ref add(Object value = Object(Dict{}));
  // A new dictionary with /Type `type`.
  Ref add_typed(std::string_view type);

  // References stay valid while objects are added (a deque grows without moving its elements).
  Indirect& at(Ref r) { return objects_.at(r.num - 1); }
  const Indirect& at(Ref r) const { return objects_.at(r.num - 1); }
  Dict& dict(Ref r) { return at(r).value.dict(); }
  // Sets `r`'s stream to `data` as it is, with /Length (and /Filter as it is in the dictionary).
  void set_stream(Ref r, std::string data);

  // Object number i + 1 is objects()[i].
  const std::deque<Indirect>& objects() const { return objects_; }
  size_t size() const { return objects_.size(); }
  // The number above every object.
  uint32_t next_number() const { return static_cast<uint32_t>(objects_.size()) + 1; }

  static constexpr Ref kCatalog{1, 0};
  static constexpr Ref kInfo{2, 0};
  static constexpr Ref kPages{3, 0};

 private:
  std::deque<Indirect> objects_;  // stable addresses while objects are added
};

// Sets `r`'s stream to `data` compressed by Flate already, with /Filter /FlateDecode.
void set_packed_stream(ObjectStore& store, Ref r, std::string packed);

}  // namespace bp::pdf
