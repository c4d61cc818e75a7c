#include "app/pipeline.hpp"

#include <stdexcept>

#include "app/config_layers.hpp"
#include "model/load.hpp"
#include "style/theme.hpp"
#include "util/png_info.hpp"
#include "util/trace.hpp"

namespace bp {

namespace {
// The department's presentation settings: a theme that exists, a logo that is a PNG. Checked with
// the data, so that `build` never fails on them after `check` passed.
void check_presentation(CheckedBudget& c, const Context& ctx) {
  const Department& d = c.budget->dept;
  if (!d.theme.value.empty() && ctx.theme_flag().empty()) {
    // Found (E604 when not) and readable: the theme is loaded here, once for the run (Themes),
    // so that a theme file with a bad value is the department's error at `check` (E860 quoting
    // the theme's E601 with its FILE:LINE:COL), not a failure of every format at `build`.
    bool found = false;
    try {
      find_theme_file(ctx.layers(), d.theme.value);
      found = true;
      ctx.themes().get(d.theme.value);
    } catch (const style::ThemeError& e) {
      if (!found)
        c.diag.error("E604", d.theme.pos, e.message(),
                     "主题是 config/themes/ 下的 .yaml 文件名（不含 .yaml），如 default、gongwen");
      else
        c.diag.error("E860", d.theme.pos,
                     "主题“" + d.theme.value + "”的文件有误：" + e.what() + "（" + e.code() + "）",
                     "请改正主题文件；各键的含义和取值见程序自带的 config/themes/default.yaml");
    }
  }
  if (const Text& logo = d.title_page.logo; !logo.value.empty()) {
    std::string why;
    const auto file = std::filesystem::path(c.diag.file()).parent_path() / logo.value;
    if (!read_png_info(file, &why))
      c.diag.error("E605", logo.pos, "封面标志图片不能用：" + why,
                   "logo 写 PNG 图片的路径，相对于本部门文件所在的目录");
  }
}

void finish(CheckedBudget& c, const Context& ctx) {
  if (!c.budget) return;
  const trace::Span span("check");
  check_presentation(c, ctx);
  const Budget& b = *c.budget;
  c.profile = ctx.profile(b.dept.form);
  if (!c.profile) {
    if (!b.dept.form.empty())
      c.diag.error("E013", b.dept.form_pos, "未知的公开格式“" + b.dept.form + "”",
                   "可用的格式见 config/profiles/（例如 2021、2023、2024）");
    return;
  }
  c.names.catalog = ctx.catalog().for_year(b.dept.year);
  c.names.overrides = &c.budget->catalog;
  if (c.diag.has_errors()) return;  // schema errors first: identities on half-read data mislead
  try {
    {
      const trace::Span validating("check.validate");
      validate(b, *c.profile, c.names, c.diag);
    }
    if (!c.diag.has_errors()) {
      const trace::Span deriving("check.derive");
      c.derived = derive(b, *c.profile, c.names);
    }
  } catch (const std::overflow_error&) {
    // Each amount fits in 64 bits, but a sum of many huge ones may not (Money throws rather than
    // wrapping around): an error of the file, never a crash.
    c.derived.reset();
    c.diag.error("E010", b.expenditure_pos.line ? b.expenditure_pos : b.income_pos,
                 "金额之和超出可表示的范围（约 ±9.2×10¹² 万元）",
                 "请检查是否有金额多写了位数，或把“元”当成了“万元”（department.unit）");
  }
}
}  // namespace

CheckedBudget check_budget_file(const std::filesystem::path& path, const Context& ctx) {
  CheckedBudget c{Diagnostics(path.string())};
  {
    const trace::Span span("load");
    c.budget = load_budget_file(path, c.diag);
  }
  finish(c, ctx);
  return c;
}

CheckedBudget check_budget_text(const std::string& text, const std::string& name,
                                const Context& ctx) {
  CheckedBudget c{Diagnostics(name)};
  {
    const trace::Span span("load");
    c.budget = load_budget_text(text, name, c.diag);
  }
  finish(c, ctx);
  return c;
}

CheckedBudget check_loaded_budget(LoadedBudget loaded, const Context& ctx) {
  CheckedBudget c{std::move(loaded.diag)};
  c.budget = std::move(loaded.budget);
  finish(c, ctx);
  return c;
}

CheckedBudget::CheckedBudget(CheckedBudget&& o) noexcept
    : diag(std::move(o.diag)),
      budget(std::move(o.budget)),
      profile(o.profile),
      names(o.names),
      derived(std::move(o.derived)) {
  if (budget && o.names.overrides == &o.budget->catalog) names.overrides = &budget->catalog;
}

CheckedBudget& CheckedBudget::operator=(CheckedBudget&& o) noexcept {
  if (this == &o) return *this;
  diag = std::move(o.diag);
  budget = std::move(o.budget);
  profile = o.profile;
  names = o.names;
  derived = std::move(o.derived);
  if (budget && o.names.overrides == &o.budget->catalog) names.overrides = &budget->catalog;
  return *this;
}

}  // namespace bp
