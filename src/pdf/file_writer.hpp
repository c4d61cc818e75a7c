// Serialises the PDF file: the store's objects (object_store.hpp) plus the raw objects of the
// structure tree (structure_tree.hpp), either
//   * packed: non-stream objects in compressed object streams, a cross-reference stream
//     (PDF 1.5, allowed by PDF/A-2) — theme pdf.object_streams, the default; or
//   * plain: every object on its own and a classic cross-reference table.
// Written here since PoDoFo 0.9.8 (the object model until round 12) could not write object
// streams, and re-parsing its output with libqpdf to repack it cost ≈ 2.3× the CPU time of the
// whole document (bench/pdf/README.md); this writer walks the objects once.
//
// Why object streams: a tagged file has one small dictionary per structure element (a table cell
// each), which written one by one would more than double the file. Streams (fonts, content, XMP
// metadata, ICC profile) are copied as they are (the XMP stays unfiltered). Deterministic: objects
// in number order, Flate (pdf/flate.hpp) at a fixed level, and the /ID is a digest of the bytes
// before the cross-reference section.
#pragma once

#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/flate.hpp"
#include "pdf/helper_thread.hpp"
#include "pdf/object_store.hpp"
#include "pdf/structure_tree.hpp"

namespace bp::pdf {

class PackError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes the file in three steps, so that most object streams can be made while the caller still
// waits for the largest face (pdf_writer.cpp): pack_ahead (optional) serialises every object
// stream that holds none of the objects the caller will still change and posts its compression
// to `helper`; pack_rest, once every object is final (but for the streams the will_stream objects
// get before finish), serialises the other object streams (and any made ahead whose objects turned
// out otherwise) and posts theirs; finish writes the file. The caller must not change any object
// but the `pending` ones after pack_ahead, nor add objects. The
// bytes are the same as made in one go, on any thread.
class FileWriter {
 public:
  FileWriter(const ObjectStore& store, const RawObjects& raw, bool object_streams,
             HelperThread& helper);
  // Stops the helper: its jobs write to the object streams, which an exception must not free
  // under a job.
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  // `pending`: the objects the caller changes before pack_rest; `will_stream`: those of them that
  // will then have a stream (written on their own, not packed).
  void pack_ahead(const std::vector<Ref>& pending, const std::vector<Ref>& will_stream);
  // `flate`: the caller's compressor, for the streams the helper does not take (no helper: each
  // one is compressed at once, one text at a time in memory).
  void pack_rest(Flate& flate);
  // The file (after pack_rest).
  std::string finish(Flate& flate);

 private:
  struct Item;
  struct ObjectStream;
  // The packed objects' indices in items_, in number order; `streams`: whether an object is
  // written on its own.
  void list_items();
  bool alone(const Item& it) const;  // written on its own: a stream now or in will_stream_
  bool packed_as_written() const;    // items_ and next_ from the store's objects and the raw ones
  size_t size_bound() const;         // of the file finish() writes
  template <class IsStream>
  std::vector<size_t> packed_items(IsStream streams) const;
  // Serialises items_[packed[a..b)] into object stream `k` and posts its compression.
  void pack(size_t k, const std::vector<size_t>& packed, size_t a, size_t b, Flate* flate);

  const ObjectStore& store_;
  const RawObjects& raw_;
  const bool object_streams_;
  HelperThread& helper_;
  std::vector<Item> items_;                             // every object, in number order
  uint32_t next_ = 1;                                   // the number above every object
  std::vector<std::unique_ptr<ObjectStream>> streams_;  // stable addresses for the jobs
  std::vector<std::unique_ptr<ObjectStream>> ahead_;    // made by pack_ahead, by stream index
  size_t objects_hint_ = 0;         // the largest object stream's objects so far, in bytes (pack)
  std::set<uint32_t> will_stream_;  // pack_ahead's will_stream (numbers)
};

// The whole file in one go (FileWriter without pack_ahead).
std::string write_file(const ObjectStore& store, const RawObjects& raw, bool object_streams,
                       Flate& flate, HelperThread& helper);

}  // namespace bp::pdf
