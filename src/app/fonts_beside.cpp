#include "app/fonts_beside.hpp"

namespace bp {

FontsBeside::FontsBeside(const Context& ctx)
    : loading_(std::async(std::launch::async, [&ctx] { return preflight_typesetting(ctx); })) {}

void FontsBeside::wait_ok() {
  std::call_once(got_, [&] { error_ = loading_.get(); });
  if (error_) throw PreflightAbort(*error_);
}

}  // namespace bp
