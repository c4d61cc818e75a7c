#include "cli/signals.hpp"

#include <signal.h>

#include <atomic>

namespace bp::cli {

namespace {

// The one piece of global state in the program, and why it must be global: a signal handler
// receives no context pointer, so the only way it can tell the rest of the program "stop" is
// through an object with static storage duration. A lock-free std::atomic<int> is safe to write
// from a handler (it is async-signal-safe when lock-free, which static_assert ensures); it holds
// the signal number so that the exit code can say which signal ended the run.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int sig) {
  int expected = 0;
  g_stop_signal.compare_exchange_strong(expected, sig);
  // A second signal of either kind takes the default action (terminate): an impatient user is
  // never stuck waiting for a long render to finish.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(SIGINT, &dfl, nullptr);
  sigaction(SIGTERM, &dfl, nullptr);
}

}  // namespace

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int stop_signal() {
  return g_stop_signal.load();
}

int exit_code_for_signal(int sig) {
  return 128 + sig;
}

}  // namespace bp::cli
