#include "app/document_for.hpp"

#include <cstdlib>

#include "document/build.hpp"
#include "util/trace.hpp"

namespace bp {

int64_t source_date_epoch() {
  const char* s = std::getenv("SOURCE_DATE_EPOCH");
  if (!s || !*s) return 0;
  int64_t v = 0;
  for (const char* p = s; *p; ++p) {
    if (*p < '0' || *p > '9' || v > 100'000'000'000LL) return 0;
    v = v * 10 + (*p - '0');
  }
  return v;
}

doc::Document document_for(const CheckedBudget& c, const Context& ctx) {
  const trace::Span span("document");
  BuildOptions o;
  o.epoch = source_date_epoch();
  o.templates = &ctx.templates();
  const layout::Theme& theme = ctx.theme_for(*c.budget);
  o.title = {theme.title.date_label, theme.title.issuer, theme.title.logo.string()};
  o.source_dir = std::filesystem::path(c.diag.file()).parent_path();
  return build_document(*c.budget, *c.profile, *c.derived, o);
}

}  // namespace bp
