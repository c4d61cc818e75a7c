// Built by test_runtime_exceptions.sh with the runtime link flags budgetpress is linked with
// (CMakeLists.txt, BP_STATIC_RUNTIME_FLAGS): an exception thrown inside std::call_once — which
// runs its function inside glibc's pthread_once, a C frame — must reach its handler.
#include <cstdio>
#include <mutex>
#include <stdexcept>

int main() {
  std::once_flag once;
  try {
    std::call_once(once, [] { throw std::runtime_error("caught after std::call_once"); });
  } catch (const std::exception& e) {
    std::puts(e.what());
    return 0;
  }
  return 1;
}
