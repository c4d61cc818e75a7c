// A problem of the whole run that is found only while a department is being built: a year profile
// that cannot be read, parsed when the first department of that form needs it (Context::profile),
// or the fonts, loaded on a second thread beside a lone department (build_run). Before these were
// loaded lazily or in parallel they stopped the command before any department (exit 2); a batch
// that meets one therefore takes no further department and run_batch rethrows it after its workers
// have finished, so that the command reports it exactly as before instead of as one failed
// department.
#pragma once

#include <stdexcept>

namespace bp {

class RunAbort : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bp
