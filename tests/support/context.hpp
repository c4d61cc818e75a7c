// The repository's configuration, loaded once for the whole test binary (Context is read-only
// after loading, so the test files can share it).
#pragma once

#include "app/context.hpp"
#include "fixtures.hpp"

namespace bp::test {

inline const Context& context() {
  static const Context c(config_dir());
  return c;
}

}  // namespace bp::test
