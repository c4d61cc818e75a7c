#include "app/output_claims.hpp"

#include "app/outputs.hpp"

namespace bp {

std::optional<Diagnostic> OutputClaims::claim(const Budget& b, const std::filesystem::path& file) {
  const std::string claim = output_claim(b);
  auto [it, fresh] = owners_.emplace(claim, file);
  if (fresh) return std::nullopt;
  return Diagnostic{Severity::Error, "E019", {}, output_collision_message(claim, it->second), ""};
}

}  // namespace bp
