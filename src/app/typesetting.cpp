#include "app/typesetting.hpp"

namespace bp {

Typesetting& LazyTypesetting::get() {
  std::call_once(once_, [&] {
    value_ = std::make_unique<Typesetting>(config_dir_ / "themes" / "default.yaml",
                                           std::vector<std::filesystem::path>{config_dir_.parent_path() / "fonts"});
  });
  return *value_;
}

}  // namespace bp
