// Validation: every identity between the primary facts, with diagnostics that name file:line:col.
#pragma once

#include "model/catalog.hpp"
#include "model/department.hpp"
#include "model/diagnostics.hpp"
#include "model/profile.hpp"

namespace bp {

// Name lookup that honours the department's own `catalog:` overrides.
struct CodeNames {
  const CatalogYear* catalog = nullptr;
  const CatalogOverrides* overrides = nullptr;
  const std::string* function(const std::string& code) const;
  const std::string* economic(const std::string& code) const;
  const std::string* function_note(const std::string& code) const;       // 功能分类名词解释
  std::optional<EconKind> economic_kind(const std::string& code) const;  // by the 3-digit 类
};

// Checks everything the loader could not check alone. Reports into `diag`.
void validate(const Budget& b, const Profile& profile, const CodeNames& names, Diagnostics& diag);

}  // namespace bp
