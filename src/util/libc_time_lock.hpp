// One lock for the non-reentrant C library time functions, which share one static struct tm, that
// our dependencies call while a batch renders departments on parallel workers: PoDoFo stamps dates
// through localtime() when it creates a document or an annotation, libxlsxwriter formats
// dcterms:created through gmtime() in workbook_close(). Two such calls at once can overwrite each
// other's result (a wrong date in a file that must be byte-identical); ThreadSanitizer reports
// them. Every such call site in BudgetPress holds this lock; it is the one piece of process state
// we keep, because the state it guards is the C library's. libzip needs no lock: it uses only
// localtime_r() and mktime(), which glibc serializes itself (tests/tsan.supp names the one report
// TSan makes there because it cannot see glibc's internal lock).
#pragma once

#include <mutex>

namespace bp {

inline std::mutex& libc_time_lock() {
  static std::mutex m;
  return m;
}

}  // namespace bp
