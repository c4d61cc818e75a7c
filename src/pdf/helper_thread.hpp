// A second thread for one document's PDF writing (pdf_writer.cpp, file_writer.cpp): the generic
// helper (util/helper_thread.hpp) whose jobs get a Flate compressor — the helper's own, or the
// writer's when the writer runs a job itself (libdeflate compressors are not thread-safe).
#pragma once

#include <functional>
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
  // Work the helper does first once given its tools, before making them: a lone document's
  // fonts' file pages given back after its layout (app/outputs.cpp), while the writer collects
  // the fonts and before the helper's first face reads them back (0.3–0.5 ms that the writer's
  // thread spent between the layout and the PDF until round 15). Before give_tools(); must not
  // throw.
  void run_first(std::function<void()> first) { first_ = std::move(first); }
  void give_tools() {
    set_tools([first = std::move(first_)] {
      if (first) first();
      return std::make_shared<Flate>();
    });
  }

 private:
  std::function<void()> first_;
};

}  // namespace bp::pdf
