// RAII for libzip handles, shared by the DOCX writer (docx/zip_package) and the workbook reader
// (import/zip_reader): each handle type has exactly one right way to let go of it, written here
// once.
#pragma once

#include <zip.h>

#include <memory>
#include <string>

namespace bp {

// An archive that was not zip_close()d successfully is discarded: nothing is written back, and
// the handle is freed even when closing failed.
struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipSourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

using ZipArchivePtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

// A zip_error_t that is always finalized (it may own a message string).
class ZipError {
 public:
  ZipError() { zip_error_init(&e_); }
  // The error of a libzip call that reports a ZIP_ER_* code (zip_open).
  explicit ZipError(int code) { zip_error_init_with_code(&e_, code); }
  ~ZipError() { zip_error_fini(&e_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;

  zip_error_t* get() { return &e_; }
  // libzip's message, e.g. "Not a zip archive".
  std::string text() { return zip_error_strerror(&e_); }

 private:
  zip_error_t e_;
};

}  // namespace bp
