// The usual std::visit helper: one callable from several lambdas, one per alternative.
#pragma once

namespace bp {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace bp
