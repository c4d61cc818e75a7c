#include "app/typesetting.hpp"

namespace bp {

Typesetting& LazyTypesetting::get() {
  std::call_once(once_, [&] {
    value_ = std::make_unique<Typesetting>(config_dir_ / "themes" / "default.yaml",
                                           std::vector<std::filesystem::path>{config_dir_.parent_path() / "fonts"});
    if (pdf_tagged_) value_->theme.pdf_tagged = *pdf_tagged_;
  });
  return *value_;
}

}  // namespace bp
