// Shared libraries budgetpress opens itself, when a command first needs them, instead of linking
// them: libxlsxwriter (xlsx/lxw.hpp) and libzip (util/zip.hpp). Linked, the dynamic loader mapped,
// relocated and bound them — and libcrypto, libminizip, libbz2 with them — at every start,
// although most runs (a PDF) never write an XLSX or DOCX nor read a workbook (docs/architecture.md,
// "Libraries loaded on first use"; bench/pdf/README.md, "Round 12, 20P").
//
// Each library has a table of the functions we call, typed with decltype(&::function) from the
// library's own header (a changed signature fails to compile), filled once by dlsym and called
// through a namespace of the same names (lxw::worksheet_write_string(…), libzip::zip_open(…)).
// A library that cannot be loaded, or lacks a function, is a ConfigError with its code and the
// Debian package to install: the department (or command) fails as for any other failing format.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "util/config_error.hpp"

namespace bp {

// What to open, and what to tell the user when it cannot be opened.
struct LibrarySpec {
  const char* soname;      // "libxlsxwriter.so.4": the soname budgetpress was built against
  const char* package;     // Debian package that ships it: "libxlsxwriter4"
  const char* code;        // docs/errors.md: "E990"
  const char* needed_for;  // Chinese, what needs it: "生成 XLSX 工作簿"
};

// The library cannot be loaded or lacks a function we call (code(): the spec's).
class LibraryError : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

// One dlopen()ed shared object (RTLD_NOW | RTLD_LOCAL: every reference resolved at once, nothing
// added to the global scope). Closed by the destructor unless kept with keep_open().
class SharedLibrary {
 public:
  // Throws LibraryError naming the soname, the loader's reason and the package.
  explicit SharedLibrary(const LibrarySpec& spec);
  ~SharedLibrary();
  SharedLibrary(SharedLibrary&& o) noexcept
      : spec_(o.spec_), handle_(std::exchange(o.handle_, nullptr)), keep_open_(o.keep_open_) {}
  SharedLibrary& operator=(SharedLibrary&&) = delete;
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The address of `name`; throws LibraryError naming the function when the library lacks it.
  void* symbol(const char* name) const;
  // The function `name` as the pointer type F (decltype(&::name)).
  template <class F>
  F function(const char* name) const {
    return reinterpret_cast<F>(symbol(name));
  }
  // Never dlclose()d: a process-wide table stays valid until the process is gone, whatever
  // thread still runs at exit.
  void keep_open() { keep_open_ = true; }

 private:
  LibrarySpec spec_;
  void* handle_ = nullptr;
  bool keep_open_ = false;
};

// A table of functions Api resolved from the library `spec` names, or the error that prevented
// it. Construction never throws: get() throws the kept LibraryError on every call, so that each
// department that needs the library fails with the same message.
template <class Api>
class LoadedLibrary {
 public:
  using Resolve = Api (*)(const SharedLibrary&);
  enum class Close { at_destruction, never };
  LoadedLibrary(const LibrarySpec& spec, Resolve resolve, Close close = Close::at_destruction) {
    try {
      lib_.emplace(spec);
      // Kept open from the start: a process-wide table's library is never unmapped, not even by
      // the static destructors at exit (LeakSanitizer, which reports after them, could not name
      // its frames any more).
      if (close == Close::never) lib_->keep_open();
      api_ = resolve(*lib_);
    } catch (const LibraryError& e) {
      lib_.reset();
      error_.emplace(e);
    }
  }
  // The table; throws the LibraryError when the library could not be loaded.
  const Api& get() const {
    if (error_) [[unlikely]]
      throw *error_;
    return api_;
  }

 private:
  std::optional<SharedLibrary> lib_;
  Api api_{};
  std::optional<LibraryError> error_;
};

// Calls the function pointer `Member` of the table `Table()` returns, with exactly the parameters
// of the library's declaration F: lxw::worksheet_write_string is
// &Through<decltype(&::worksheet_write_string)>::call<&lxw::api,
// &lxw::Api::worksheet_write_string>, a constant the compiler inlines at each call site.
template <class F>
struct Through;
template <class R, class... A>
struct Through<R (*)(A...)> {
  template <auto Table, auto Member>
  static R call(A... a) {
    return (Table().*Member)(a...);
  }
};

}  // namespace bp

// The table of one library, declared in the namespace where the macro stands (bp::lxw, bp::libzip):
// struct Api with a member typed decltype(&::f) for every f of LIST (an X-macro: LIST(X) expands
// X(f) for each function), the library's kSpec (defined by hand, with its soname, package and
// error code), resolve() and api(), and a constant f per function that calls through the table.
#define BP_LIBRARY_TABLE_MEMBER(f) decltype(&::f) f = nullptr;
#define BP_LIBRARY_TABLE_CALL(f) \
  inline constexpr auto f = &::bp::Through<decltype(&::f)>::call<&api, &Api::f>;
#define BP_DECLARE_LIBRARY_TABLE(LIST)                                                \
  struct Api {                                                                        \
    LIST(BP_LIBRARY_TABLE_MEMBER)                                                     \
  };                                                                                  \
  /* What to open and the error when it cannot be opened. */                          \
  extern const ::bp::LibrarySpec kSpec;                                               \
  /* The table resolved from `lib`; throws LibraryError naming a missing function. */ \
  Api resolve(const ::bp::SharedLibrary& lib);                                        \
  /* The process's table, loaded by the first call (thread-safe). Throws LibraryError \
     when the library cannot be loaded. */                                            \
  const Api& api();                                                                   \
  LIST(BP_LIBRARY_TABLE_CALL)

// resolve() and api() of BP_DECLARE_LIBRARY_TABLE, in the same namespace. api() holds one table for
// the process, although the project keeps no global state otherwise: what it stands for is the
// dynamic loader's, which is process-wide anyway (a second dlopen of the same soname returns the
// same handle), and it never changes once made. C++ initialises a function-local static exactly
// once, also when two workers (-j2) reach it together; the others wait. Never closed: a thread may
// still use it while the process exits.
#define BP_LIBRARY_TABLE_RESOLVE(f) api.f = lib.function<decltype(&::f)>(#f);
#define BP_DEFINE_LIBRARY_TABLE(LIST)                                                      \
  Api resolve(const ::bp::SharedLibrary& lib) {                                            \
    Api api;                                                                               \
    LIST(BP_LIBRARY_TABLE_RESOLVE)                                                         \
    return api;                                                                            \
  }                                                                                        \
  const Api& api() {                                                                       \
    static const ::bp::LoadedLibrary<Api> library(kSpec, &resolve,                         \
                                                  ::bp::LoadedLibrary<Api>::Close::never); \
    return library.get();                                                                  \
  }
