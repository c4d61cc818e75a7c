#include "util/allocator.hpp"

#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
// Weak references: only budgetpress links libmimalloc (CMakeLists.txt, BP_MIMALLOC); in a binary
// without it (glibc builds, unit tests, tools) these are null and the options are left alone.
#pragma weak mi_option_set
#pragma weak mi_option_set_default
#pragma weak mi_option_disable
#pragma weak mi_version
#define BP_HAVE_MIMALLOC_H 1
#endif

namespace bp::allocator {

namespace {

bool have_mimalloc() {
#ifdef BP_HAVE_MIMALLOC_H
  return &mi_option_set != nullptr && &mi_option_set_default != nullptr &&
         &mi_option_disable != nullptr && &mi_version != nullptr;
#else
  return false;
#endif
}

}  // namespace

const char* name() {
  return have_mimalloc() ? "mimalloc" : "glibc";
}

void tune() {
  if (!have_mimalloc()) return;
#ifdef BP_HAVE_MIMALLOC_H
  // Defaults, not settings: a MIMALLOC_* variable still overrides them, for measuring.
  // Freed pages are given back (MADV_DONTNEED) 25 ms after they empty — mimalloc's own default,
  // kept after measuring both sides (bench/pdf/README.md, "Round 10, 20I"): 0 ms gives back 2–4 MB
  // of peak RSS but faults 2–3 times as often and loses the CPU mimalloc saves; 100 ms faults less
  // but holds 5 MB more in a batch.
  mi_option_set_default(mi_option_decommit_delay, 25);
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
