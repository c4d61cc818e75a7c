#pragma once

// The process's malloc: mimalloc in release builds (CMake BP_MIMALLOC, linked ahead of libc),
// glibc's otherwise. Its options are set here, in code, so that every run of the binary gets the
// ones that were measured (bench/pdf/README.md, "Round 10, 20I"), whatever MIMALLOC_* the
// environment holds for other programs. Without mimalloc in the process these do nothing.

namespace bp::allocator {

// Once, at the start of main, before any thread of ours: the release options.
void tune();

// --max-memory caps the process's writable memory (RLIMIT_DATA, cli/commands.cpp): from now on
// mimalloc commits its segments slice by slice as they fill, instead of all 32 MiB of a new
// segment at once, so that the cap counts what is used (an eagerly committed segment counts whole).
void commit_on_demand();

}  // namespace bp::allocator
