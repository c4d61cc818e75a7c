#include "cli/command_setup.hpp"

#include <exception>
#include <iostream>

#include "app/font_check.hpp"

namespace bp::cli {

std::unique_ptr<Context> load_context(const std::string& config_dir, const std::string& site_dir,
                                      const char* argv0, const std::string& theme, bool styled,
                                      ProfileLoading profiles) {
  try {
    auto ctx = std::make_unique<Context>(
        ConfigLayers(Context::find_config_dir(config_dir, argv0),
                     Context::installed_config_dir(argv0), Context::find_site_dir(site_dir)),
        theme, profiles);
    if (!theme.empty()) ctx->themes().get();  // --theme: found and readable, before any department
    // The run's theme of a command that styles documents, in every format: read once, here, and
    // kept for the departments (Themes), so that a broken one stops the run once (E628 as for a
    // PDF) instead of failing each department.
    if (styled && !report_preflight(preflight_theme(*ctx))) return nullptr;
    return ctx;
  } catch (const ConfigLayersError& e) {
    std::cerr << "budgetpress: 错误[E629]: " << e.what() << "\n";
    return nullptr;
  } catch (const ConfigError& e) {
    std::cerr << "budgetpress: " << e.diagnostic() << "\n";
    return nullptr;
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return nullptr;
  }
}

void report_preflight(const PreflightError& err) {
  std::cerr << "budgetpress: 错误[E628]: " << err.message << "（没有处理任何部门）\n  提示："
            << err.hint << "\n";
}

bool preflight_or_report(const Context& ctx) {
  return report_preflight(preflight_typesetting(ctx));
}

bool report_preflight(const std::optional<PreflightError>& err) {
  if (!err) return true;
  report_preflight(*err);
  return false;
}

InputList collect_department_files(const std::vector<std::string>& paths) {
  InputList inputs = collect_inputs(paths);
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (inputs.files.empty() && inputs.errors.empty())
    std::cerr << "budgetpress: 错误: 没有找到 .yaml 文件\n";
  return inputs;
}

}  // namespace bp::cli
