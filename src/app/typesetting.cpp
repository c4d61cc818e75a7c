#include "app/typesetting.hpp"

namespace bp {

Typesetting& LazyTypesetting::get() {
  std::call_once(once_, [&] { value_ = std::make_unique<Typesetting>(theme_file_, font_dirs_); });
  return *value_;
}

}  // namespace bp
