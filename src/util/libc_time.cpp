// The program's own gmtime(): see util/libc_time.hpp. Each thread has its own struct tm; the
// results are what glibc's function gives (same conversion, same errors: a time that does not fit
// gives nullptr and EOVERFLOW).
#include "util/libc_time.hpp"

#include <dlfcn.h>
#include <time.h>

namespace {

// One per thread, as POSIX allows.
thread_local struct tm gmtime_result;

}  // namespace

extern "C" struct tm* gmtime(const time_t* t) noexcept {
  return gmtime_r(t, &gmtime_result);
}

namespace bp {

bool libc_time_is_thread_safe() {
  // RTLD_DEFAULT searches the global scope in the loader's order: the definitions a library's
  // undefined gmtime binds to.
  static const bool ours = dlsym(RTLD_DEFAULT, "gmtime") == reinterpret_cast<void*>(&gmtime);
  return ours;
}

LibcTimeUse::LibcTimeUse() {
  if (libc_time_is_thread_safe()) return;
  static std::mutex fallback;  // the C library's static struct tm is process state
  lock_ = std::unique_lock(fallback);
}

}  // namespace bp
