// A second thread for one document's PDF writing (pdf_writer.cpp, file_writer.cpp): the generic
// helper (util/helper_thread.hpp) whose jobs get a Flate compressor — the helper's own, or the
// writer's when the writer runs a job itself (libdeflate compressors are not thread-safe).
#pragma once

#include <memory>

#include "pdf/flate.hpp"
#include "util/helper_thread.hpp"

namespace bp::pdf {

class HelperThread : public bp::HelperThread<Flate> {
 public:
  // Starts the helper when `parallel` and the machine has a second core.
  explicit HelperThread(bool parallel)
      : bp::HelperThread<Flate>(parallel, [] { return std::make_shared<Flate>(); }) {}
  // Starts the helper now, without its tools: it runs no job before give_tools() (WriteOptions::
  // helper).
  struct Deferred {};
  HelperThread(bool parallel, Deferred, const std::optional<CpuLanes>& lanes = std::nullopt)
      : bp::HelperThread<Flate>(parallel, lanes) {}
  void give_tools() {
    set_tools([] { return std::make_shared<Flate>(); });
  }
};

}  // namespace bp::pdf
