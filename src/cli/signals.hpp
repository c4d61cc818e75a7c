// SIGINT / SIGTERM for long-running commands (build, watch): the handler only records the signal;
// the command notices it, stops scheduling work, cleans up and exits with 128 + signal.
#pragma once

namespace bp::cli {

// Installs the handlers (SA_RESTART). The first signal is recorded and the default action is
// restored, so that a second Ctrl-C ends the process at once.
void install_stop_handlers();
// 0 when no signal arrived, else the signal number (SIGINT, SIGTERM).
int stop_signal();
// True once a stop signal arrived.
inline bool stop_requested() {
  return stop_signal() != 0;
}
// 128 + signal (130 for SIGINT, 143 for SIGTERM).
int exit_code_for_signal(int sig);

}  // namespace bp::cli
