// The end of a command's process: what may be left to the kernel instead of being torn down.
#pragma once

#include <unistd.h>

#include <memory>

namespace bp {

// A build with AddressSanitizer (and so LeakSanitizer) destroys everything, so that its leak report
// at exit lists only real leaks.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kTearDownAtExit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kTearDownAtExit = true;
#else
inline constexpr bool kTearDownAtExit = false;
#endif
#else
inline constexpr bool kTearDownAtExit = false;
#endif

// Hands a long-lived object to the end of the process, for a command that has written, synced and
// reported everything and only returns its exit code: the configuration with its fonts, themes and
// typesetting caches. Also the last document of such a process once nothing reads it any more: its
// layout and its PDF's object store, whose teardown ran on the worker before the file was
// published. A destructor here would only give memory back to a process that is about to exit —
// ≈ 2.6 M instructions of free() over cold cache lines for the configuration, ≈ 2.1 M for the
// document (bench/pdf/README.md, "Process start and exit (issue 20s)", "Round 9, 20G") — and has no
// other effect (no file, no thread, no output), so the kernel takes the memory back with the rest
// of the process instead. With the sanitizers it is destroyed here as usual.
template <class T>
void leave_to_exit(std::unique_ptr<T> object) {
  if constexpr (kTearDownAtExit)
    object.reset();
  else
    (void)object.release();  // deliberately never freed: the process ends next
}

// Blocks the calling thread until the process ends, for a thread whose work is done and whose end
// would only run mimalloc's teardown of its heap (≈ 1.5–2.5 M instructions) on a core the run
// still needs: a lone department's worker (app/batch.cpp) and the threads of
// util/parking_thread.hpp (its fonts thread). Signals interrupt pause(); it then goes on waiting. Never with the
// sanitizers (kTearDownAtExit): their threads end as usual.
[[noreturn]] inline void park_forever() {
  for (;;) ::pause();
}

}  // namespace bp
