// What every department build shares, loaded once per process and read-only afterwards:
// the configuration directory, the classification catalogues and the year profiles.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "app/typesetting.hpp"
#include "document/templates.hpp"
#include "model/catalog.hpp"
#include "model/profile.hpp"

namespace bp {

class Context {
 public:
  // Throws std::runtime_error when the configuration cannot be read.
  explicit Context(std::filesystem::path config_dir);
  const std::filesystem::path& config_dir() const { return config_dir_; }
  const Catalog& catalog() const { return catalog_; }
  // nullptr when there is no such profile.
  const Profile* profile(const std::string& id) const;
  // The profile that is the own form of budget year `year` (its `years:`), nullptr when none is.
  const Profile* profile_for_year(int year) const;
  // templates/ beside config/.
  const TemplateSet& templates() const { return templates_; }
  // Theme and fonts, loaded on first use (only builds that typeset need them).
  Typesetting& typesetting() const { return typesetting_->get(); }
  // `build --pdf-tags on|off` (docs/pdf-standards.md): overrides the theme's pdf.tagged; part of
  // the incremental build's input hash. Set before the first typesetting().
  void override_pdf_tagged(std::optional<bool> tagged) {
    pdf_tagged_ = tagged;
    typesetting_->override_pdf_tagged(tagged);
  }
  std::optional<bool> pdf_tagged_override() const { return pdf_tagged_; }

  // --config, else $BUDGETPRESS_CONFIG, else config/ beside the executable's parent, else the
  // source tree's config/ (a developer build).
  static std::filesystem::path find_config_dir(const std::string& flag, const char* argv0);

 private:
  std::filesystem::path config_dir_;
  Catalog catalog_;
  std::map<std::string, Profile> profiles_;
  TemplateSet templates_;
  std::unique_ptr<LazyTypesetting> typesetting_;
  std::optional<bool> pdf_tagged_;
};

}  // namespace bp
