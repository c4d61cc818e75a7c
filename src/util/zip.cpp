#include "util/zip.hpp"

namespace bp::libzip {

const LibrarySpec kSpec{"libzip.so.4", "libzip4", "E991", "生成 DOCX 文档和读取 .xlsx 工作簿"};

Api resolve(const SharedLibrary& lib) {
  Api api;
#define BP_LIBZIP_RESOLVE(f) api.f = lib.function<decltype(&::f)>(#f);
  BP_LIBZIP_FUNCTIONS(BP_LIBZIP_RESOLVE)
#undef BP_LIBZIP_RESOLVE
  return api;
}

const Api& api() {
  // One table for the process, although the project keeps no global state otherwise: what it
  // stands for is the dynamic loader's, which is process-wide anyway (a second dlopen of the same
  // soname returns the same handle), and it never changes once made. C++ initialises a
  // function-local static exactly once, also when two workers (-j2) reach it together; the
  // others wait. Never closed: a thread may still use it while the process exits.
  static const LoadedLibrary<Api> library(kSpec, &resolve, LoadedLibrary<Api>::Close::never);
  return library.get();
}

}  // namespace bp::libzip
