// One lock for the C library time functions with shared static state (localtime, gmtime, mktime,
// tzset) that our C/C++ dependencies call while a batch renders departments on parallel workers:
// PoDoFo stamps dates through localtime() when it creates a document or an annotation,
// libxlsxwriter formats dcterms:created through gmtime() in workbook_close(), libzip converts entry
// times through localtime()/mktime() in zip_close(). Two such calls at once can overwrite each
// other's struct tm (a wrong date in a file that must be byte-identical) — ThreadSanitizer reports
// them. Every such call site in BudgetPress holds this lock; the lock is the one piece of process
// state we keep, because the state it guards is the C library's.
#pragma once

#include <mutex>

namespace bp {

inline std::mutex& libc_time_lock() {
  static std::mutex m;
  return m;
}

}  // namespace bp
