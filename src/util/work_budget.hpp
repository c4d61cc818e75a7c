// Per-department ceilings that a hostile file cannot exceed while it is built (docs/limits.md):
// wall-clock time and pages laid out. The loader's limits (file size, YAML nodes, list items, text
// length, total rows) bound the input; these bound what the backends make of it. A WorkBudget is
// created when a department starts and passed down explicitly: the stages check it at their
// boundaries (batch) and the layout inside its long loops (every page, every table row).
#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace bp {

// A per-department resource limit was exceeded (reported as 错误[E014]; the batch goes on).
class LimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ResourceLimits {
  std::chrono::milliseconds time{std::chrono::seconds(300)};  // per department; 0 = unlimited
  size_t max_pages = 2000;                                   // per document laid out
};

class WorkBudget {
 public:
  using Clock = std::chrono::steady_clock;
  explicit WorkBudget(const ResourceLimits& limits = {});

  const ResourceLimits& limits() const { return limits_; }
  bool expired() const;
  // Throws LimitError("处理超时…") naming the stage once the time is up.
  void check_time(std::string_view stage) const;
  // Throws LimitError when a document reaches more than max_pages pages.
  void check_pages(size_t pages) const;
  // Moves the deadline by `waited`: time the department spent waiting for another one (the -j1
  // pipeline, app/batch.cpp), not working, is not held against it.
  void extend(Clock::duration waited) { end_ += waited; }

 private:
  ResourceLimits limits_;
  Clock::time_point end_;
};

// The page ceiling when no WorkBudget is given (layout used outside a build, e.g. DOCX 目录).
void check_default_page_limit(size_t pages);

}  // namespace bp
