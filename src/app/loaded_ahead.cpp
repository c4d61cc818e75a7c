#include "app/loaded_ahead.hpp"

#include <chrono>
#include <fstream>
#include <utility>

#include "model/load.hpp"
#include "util/read_sized.hpp"
#include "util/trace.hpp"

namespace bp {

LoadedAhead::LoadedAhead(std::filesystem::path file, std::string name,
                         std::function<void()> meanwhile)
    : file_(std::move(file)),
      name_(std::move(name)),
      meanwhile_(std::move(meanwhile)),
      ready_(done_.get_future()) {}

bool LoadedAhead::settle() noexcept {
  return !settled_.exchange(true);
}

void LoadedAhead::run() noexcept {
  if (!settle()) return;
  try {
    const trace::Span span("load(ahead)");
    std::error_code ec;
    const auto size = std::filesystem::file_size(file_, ec);
    if (!ec && size <= LoadLimits{}.max_file_bytes) {
      std::ifstream in(file_, std::ios::binary);
      if (in) bytes_ = read_sized(in, size);
    }
    if (bytes_) {
      Diagnostics diag(name_);
      std::optional<Budget> budget = load_budget_text(*bytes_, name_, diag);
      if (budget) form_ = budget->dept.form;
      loaded_.emplace(LoadedBudget{std::move(diag), std::move(budget)});
    }
  } catch (...) {
    // No memory for it: the department's thread loads the file and reports what it meets.
    loaded_.reset();
  }
  done_.set_value();
}

void LoadedAhead::abandon() noexcept {
  if (settle()) done_.set_value();
}

std::optional<LoadedBudget> LoadedAhead::take(const std::string& bytes, const std::string& name) {
  if (!ready_.valid()) return std::nullopt;  // given already
  auto done = [&] { return ready_.wait_for(std::chrono::seconds(0)) == std::future_status::ready; };
  if (meanwhile_ && !done()) meanwhile_();
  if (!done()) {
    const trace::Span span("wait(load)");
    ready_.wait();
  }
  ready_.get();
  if (!loaded_ || name != name_ || !bytes_ || *bytes_ != bytes) return std::nullopt;
  std::optional<LoadedBudget> out = std::move(loaded_);
  loaded_.reset();
  return out;
}

}  // namespace bp
