// One department through the layers: load → validate → derive. Backends take the result from here.
#pragma once

#include <filesystem>
#include <optional>

#include "app/context.hpp"
#include "derive/derived.hpp"
#include "model/department.hpp"
#include "model/diagnostics.hpp"
#include "model/validate.hpp"

namespace bp {

struct CheckedBudget {
  explicit CheckedBudget(Diagnostics d) : diag(std::move(d)) {}
  // names.overrides points at budget->catalog: a move points it at the new object's own (a
  // defaulted move left it at the moved-from budget's).
  CheckedBudget(CheckedBudget&& o) noexcept;
  CheckedBudget& operator=(CheckedBudget&& o) noexcept;
  CheckedBudget(const CheckedBudget&) = delete;
  CheckedBudget& operator=(const CheckedBudget&) = delete;
  ~CheckedBudget() = default;

  Diagnostics diag;
  std::optional<Budget> budget;
  const Profile* profile = nullptr;
  CodeNames names;
  std::optional<Derived> derived;  // only when there are no errors
  bool ok() const { return derived.has_value() && !diag.has_errors(); }
};

// A department file loaded (model/load.hpp) but not checked: what load_budget_text reported and
// gave (app/loaded_ahead.hpp loads a lone department before the configuration is read).
struct LoadedBudget {
  Diagnostics diag;
  std::optional<Budget> budget;
};

CheckedBudget check_budget_file(const std::filesystem::path& path, const Context& ctx);
CheckedBudget check_budget_text(const std::string& text, const std::string& name,
                                const Context& ctx);
// check_budget_text of a department loaded already: the same checks of the same load.
CheckedBudget check_loaded_budget(LoadedBudget loaded, const Context& ctx);

}  // namespace bp
