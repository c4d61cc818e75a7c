#include "app/early_load.hpp"

#include <utility>

#include "app/input_bytes.hpp"

namespace bp {

EarlyLoad::EarlyLoad(BatchInput input)
    : input_(std::move(input)), thread_([this] {
        try {
          result_.bytes = read_input_bytes(input_.file);
          if (result_.bytes)
            result_.loaded = load_budget_only(*result_.bytes, input_.file.string());
        } catch (...) {
          error_ = std::current_exception();
        }
      }) {}

EarlyLoad::~EarlyLoad() {
  if (thread_.joinable()) thread_.join();
}

std::optional<EarlyLoad::Result> EarlyLoad::take(const BatchInput& input) {
  if (taken_ || input.key != input_.key) return std::nullopt;
  taken_ = true;
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(error_);
  return std::move(result_);
}

}  // namespace bp
