#include "util/allocator.hpp"

#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
// Weak references: only budgetpress links libmimalloc (CMakeLists.txt, BP_MIMALLOC); in a binary
// without it (glibc builds, unit tests, tools) these are null and the options are left alone.
#pragma weak mi_option_set_default
#pragma weak mi_option_disable
#define BP_HAVE_MIMALLOC_H 1
#endif

namespace bp::allocator {

namespace {

bool have_mimalloc() {
#ifdef BP_HAVE_MIMALLOC_H
  return &mi_option_set_default != nullptr && &mi_option_disable != nullptr;
#else
  return false;
#endif
}

}  // namespace

void tune() {
  if (!have_mimalloc()) return;
#ifdef BP_HAVE_MIMALLOC_H
  // Defaults, not settings: a MIMALLOC_* variable still overrides them, for measuring.
  // Freed pages are given back (MADV_DONTNEED) 5 ms after they empty instead of mimalloc's 25
  // (bench/pdf/README.md, "Round 10, 20I"): at 25 ms a 1000-department batch peaked at 61–71 MB
  // (the faster the run, the more it held; glibc 53–55, 1974835 66), at 5 ms or 2 ms at 60–62 MB
  // for about twice the page faults; at 0 ms at 54–55 MB, but with 2.7 M faults its system time
  // tripled and it lost all the CPU mimalloc saves.
  mi_option_set_default(mi_option_decommit_delay, 5);
  mi_option_set_default(mi_option_segment_decommit_delay, 500);
  // Eager commit stays on (commit_on_demand turns it off under --max-memory): committing a new
  // segment page by page costs an mprotect per 64 KiB slice.
#endif
}

void commit_on_demand() {
  if (!have_mimalloc()) return;
#ifdef BP_HAVE_MIMALLOC_H
  mi_option_disable(mi_option_eager_commit);
#endif
}

}  // namespace bp::allocator
