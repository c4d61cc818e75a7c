// A thread-safe gmtime() for the library that calls it while a batch renders departments on
// parallel workers: libxlsxwriter formats docProps/core.xml's dcterms:created through gmtime() in
// workbook_close(). glibc's version returns one static struct tm shared by every thread: two calls
// at once can overwrite each other's result (a wrong date in a file that must be byte-identical),
// and ThreadSanitizer reports them. util/libc_time.cpp defines gmtime() in the program itself, on
// gmtime_r() with one struct tm per thread. (localtime() was defined too while PoDoFo, which
// stamped dates through it, wrote the PDFs: gone with PoDoFo in round 12, 20O.) The dynamic
// loader looks the executable up first, so the libraries' calls bind to these definitions (symbol
// interposition, as for a malloc defined in a program), and the workers need no lock around it.
// Before, one process-wide mutex serialized the whole of every workbook_close() (≈ 15 ms each) of
// a -j2 batch's two workers. libzip needs nothing: it uses only localtime_r() and mktime(), which
// glibc serializes itself (tests/tsan.supp names the one report TSan makes there because it
// cannot see glibc's lock).
#pragma once

#include <mutex>

namespace bp {

// True when the libraries' gmtime() is this program's (the definition the loader finds first is
// util/libc_time.cpp's). Checked once per process.
bool libc_time_is_thread_safe();

// Held around a library call that may use gmtime() on a worker thread. Normally it
// holds nothing; in a program where the interposition does not take effect (the executable does
// not export the function, e.g. a static link), it serializes those calls with one
// process-wide mutex, the old way. Using it also keeps util/libc_time.cpp in the link: an archive
// member nothing refers to is left out, and the libraries' references, resolved by the loader at
// run time, do not pull it in.
class LibcTimeUse {
 public:
  LibcTimeUse();
  void release() {
    if (lock_.owns_lock()) lock_.unlock();
  }

 private:
  std::unique_lock<std::mutex> lock_;
};

}  // namespace bp
