// The program's own gmtime() and localtime(): see util/libc_time.hpp. Each thread has its own
// struct tm; the results are what glibc's functions give (same conversion, same errors: a time
// that does not fit gives nullptr and EOVERFLOW). localtime_r() reads the time zone when first
// called instead of at every call; BudgetPress never changes TZ while running, and its one
// localtime() caller (PoDoFo) has its dates replaced by SOURCE_DATE_EPOCH's or removed.
#include "util/libc_time.hpp"

#include <dlfcn.h>
#include <time.h>

namespace {

// One per thread and per function, as POSIX allows (glibc shares one between the two).
thread_local struct tm gmtime_result;
thread_local struct tm localtime_result;

}  // namespace

extern "C" struct tm* gmtime(const time_t* t) noexcept {
  return gmtime_r(t, &gmtime_result);
}

extern "C" struct tm* localtime(const time_t* t) noexcept {
  return localtime_r(t, &localtime_result);
}

namespace bp {

bool libc_time_is_thread_safe() {
  // RTLD_DEFAULT searches the global scope in the loader's order: the definitions a library's
  // undefined gmtime/localtime bind to.
  static const bool ours = dlsym(RTLD_DEFAULT, "gmtime") == reinterpret_cast<void*>(&gmtime) &&
                           dlsym(RTLD_DEFAULT, "localtime") == reinterpret_cast<void*>(&localtime);
  return ours;
}

LibcTimeUse::LibcTimeUse() {
  if (libc_time_is_thread_safe()) return;
  static std::mutex fallback;  // the C library's static struct tm is process state
  lock_ = std::unique_lock(fallback);
}

}  // namespace bp
