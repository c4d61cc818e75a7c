#include "text/mapped_font_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "util/unique_fd.hpp"

namespace bp::text {

std::shared_ptr<MappedFontFile> MappedFontFile::open(const std::filesystem::path& file) {
  // O_NONBLOCK: a FIFO named like a font must not block the open (it is refused below).
  UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (!fd) return nullptr;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      st.st_size >= (off_t{1} << 31))
    return nullptr;
  const auto size = static_cast<size_t>(st.st_size);
  // The flags hb_blob_create_from_file uses: no swap reserved for a mapping never written.
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_NORESERVE, fd.get(), 0);
  if (data == MAP_FAILED) return nullptr;
  return std::shared_ptr<MappedFontFile>(new MappedFontFile(data, size));
}

MappedFontFile::~MappedFontFile() {
  ::munmap(data_, size_);
}

hb_blob_t* MappedFontFile::blob(const std::shared_ptr<MappedFontFile>& self) const {
  auto* keep = new std::shared_ptr<MappedFontFile>(self);
  hb_blob_t* b = hb_blob_create_or_fail(
      static_cast<const char*>(data_), static_cast<unsigned>(size_), HB_MEMORY_MODE_READONLY, keep,
      [](void* p) { delete static_cast<std::shared_ptr<MappedFontFile>*>(p); });
  // On failure hb_blob_create_or_fail has called the destroy function already.
  return b;
}

void MappedFontFile::release_pages() const {
  // Advisory: on failure the pages just stay resident.
  (void)::madvise(data_, size_, MADV_DONTNEED);
}

}  // namespace bp::text
