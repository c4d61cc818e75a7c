// libzip, loaded when first used (util/shared_library.hpp), and RAII for its handles, shared by
// the DOCX writer (docx/zip_package) and the workbook reader (import/zip_reader): each handle
// type has exactly one right way to let go of it, written here once.
//
// Call libzip as libzip::zip_open(…): budgetpress does not link libzip (a PDF-only run never
// needs it), so the library's own zip_open is a link error. The first call in the process loads
// libzip.so.4; when it cannot be loaded, every call throws LibraryError 错误[E991] naming the
// Debian package (libzip4).
#pragma once

#include <zip.h>

#include <memory>
#include <string>

#include "util/shared_library.hpp"

// Every libzip function budgetpress calls, once: the table's members and the wrappers below.
#define BP_LIBZIP_FUNCTIONS(X)        \
  X(zip_close)                        \
  X(zip_discard)                      \
  X(zip_error_fini)                   \
  X(zip_error_init)                   \
  X(zip_error_init_with_code)         \
  X(zip_error_strerror)               \
  X(zip_fclose)                       \
  X(zip_file_add)                     \
  X(zip_file_set_dostime)             \
  X(zip_file_set_external_attributes) \
  X(zip_file_strerror)                \
  X(zip_fopen_index)                  \
  X(zip_fread)                        \
  X(zip_name_locate)                  \
  X(zip_open)                         \
  X(zip_open_from_source)             \
  X(zip_set_file_compression)         \
  X(zip_source_buffer)                \
  X(zip_source_buffer_create)         \
  X(zip_source_close)                 \
  X(zip_source_error)                 \
  X(zip_source_free)                  \
  X(zip_source_keep)                  \
  X(zip_source_open)                  \
  X(zip_source_read)                  \
  X(zip_source_stat)                  \
  X(zip_stat_index)                   \
  X(zip_stat_init)                    \
  X(zip_strerror)

namespace bp::libzip {

// The table of the functions above (util/shared_library.hpp).
BP_DECLARE_LIBRARY_TABLE(BP_LIBZIP_FUNCTIONS)

}  // namespace bp::libzip

namespace bp {

// An archive that was not zip_close()d successfully is discarded: nothing is written back, and
// the handle is freed even when closing failed.
struct ZipDiscard {
  void operator()(zip_t* z) const { libzip::zip_discard(z); }
};
struct ZipSourceFree {
  void operator()(zip_source_t* s) const { libzip::zip_source_free(s); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { libzip::zip_fclose(f); }
};

using ZipArchivePtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

// A zip_error_t that is always finalized (it may own a message string).
class ZipError {
 public:
  ZipError() { libzip::zip_error_init(&e_); }
  // The error of a libzip call that reports a ZIP_ER_* code (zip_open).
  explicit ZipError(int code) { libzip::zip_error_init_with_code(&e_, code); }
  ~ZipError() { libzip::zip_error_fini(&e_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;

  zip_error_t* get() { return &e_; }
  // libzip's message, e.g. "Not a zip archive".
  std::string text() { return libzip::zip_error_strerror(&e_); }

 private:
  zip_error_t e_;
};

}  // namespace bp
