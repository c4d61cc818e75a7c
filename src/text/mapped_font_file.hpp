// A font file mapped read-only into memory, as the HarfBuzz blob every face of it reads.
//
// HarfBuzz and hb-subset read the face straight from the mapping, and every page they touch counts
// in the process's resident memory: hb-subset reads the charstrings of a document's glyphs, which
// are spread over the whole CFF table of a CJK face, and the kernel maps 16 pages around each
// fault, so one subset leaves 5–11 MB of a 20–27 MB Noto CJK file resident (bench/pdf/README.md,
// "Round 8, 20A"). release_pages() gives those pages back once the subset is made: the file's data
// stays in the page cache, and a later read maps it again (a minor fault).
//
// The blob is made READONLY (not READONLY_MAY_MAKE_WRITABLE, as hb_blob_create_from_file makes
// it): should HarfBuzz's sanitizer ever need to edit a damaged table, it edits a copy on the heap,
// never the mapping's private pages, which release_pages() would silently undo.
#pragma once

#include <hb.h>

#include <cstddef>
#include <filesystem>
#include <memory>

namespace bp::text {

class MappedFontFile {
 public:
  // Maps `file`; null when it cannot be opened or mapped (or is empty, or 2 GiB or more, which a
  // blob cannot hold).
  static std::shared_ptr<MappedFontFile> open(const std::filesystem::path& file);
  ~MappedFontFile();
  MappedFontFile(const MappedFontFile&) = delete;
  MappedFontFile& operator=(const MappedFontFile&) = delete;

  // A new blob of the whole file; it keeps the mapping alive. Null when out of memory.
  hb_blob_t* blob(const std::shared_ptr<MappedFontFile>& self) const;
  // Drops the pages read so far from this process's memory (madvise MADV_DONTNEED: the mapping is
  // private, read-only and never written, so a later read sees the file's bytes again). Safe
  // while other threads read the file; they only fault the pages back in.
  void release_pages() const;
  size_t size() const { return size_; }

 private:
  MappedFontFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_;
  size_t size_;
};

}  // namespace bp::text
