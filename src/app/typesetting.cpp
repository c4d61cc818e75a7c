#include "app/typesetting.hpp"

#include "style/theme_resolve.hpp"

namespace bp {

const layout::Theme& Themes::get(const std::string& name) {
  const std::string& n = name.empty() ? default_ : name;
  std::lock_guard lock(mu_);
  // A theme that failed is not read again: every department (and 汇总.xlsx) asking for it gets
  // the one error of its one reading.
  if (auto f = failed_.find(n); f != failed_.end()) std::rethrow_exception(f->second);
  auto& slot = loaded_[n];
  if (!slot) {
    try {
      slot = std::make_unique<layout::Theme>(
          layout::Theme::load(style::resolve_theme(n, dirs_), dirs_));
    } catch (...) {
      loaded_.erase(n);
      failed_.emplace(n, std::current_exception());
      throw;
    }
    if (pdf_tagged_) slot->pdf_tagged = *pdf_tagged_;
  }
  return *slot;
}

void Themes::override_pdf_tagged(std::optional<bool> tagged) {
  std::lock_guard lock(mu_);
  pdf_tagged_ = tagged;
  if (!tagged) return;
  for (auto& [name, theme] : loaded_)
    if (theme) theme->pdf_tagged = *tagged;
}

Typesetting::Typesetting(Themes& themes, std::vector<std::filesystem::path> font_dirs)
    : theme(themes.get()), fonts(std::move(font_dirs), false, text::default_font_cache_file()) {
  for (const auto& d : theme.font_dirs) fonts.add_dir(d);
}

text::FontSet& Typesetting::fonts_for(const layout::Theme& t) {
  for (const auto& d : t.font_dirs) fonts.add_dir(d);  // once each: add_dir ignores a known one
  return fonts;
}

Typesetting& LazyTypesetting::get() {
  std::call_once(once_, [&] { value_ = std::make_unique<Typesetting>(themes_, font_dirs_); });
  return *value_;
}

}  // namespace bp
