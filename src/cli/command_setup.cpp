#include "cli/command_setup.hpp"

#include <exception>
#include <iostream>

namespace bp::cli {

std::unique_ptr<Context> load_context(const std::string& config_dir, const char* argv0,
                                      const std::string& theme) {
  try {
    auto ctx = std::make_unique<Context>(Context::find_config_dir(config_dir, argv0), theme);
    if (!theme.empty()) ctx->themes().get();  // --theme: found and readable, before any department
    return ctx;
  } catch (const ConfigError& e) {
    std::cerr << "budgetpress: " << e.diagnostic() << "\n";
    return nullptr;
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: " << e.what() << "\n";
    return nullptr;
  }
}

InputList collect_department_files(const std::vector<std::string>& paths) {
  InputList inputs = collect_inputs(paths);
  for (const auto& e : inputs.errors) std::cerr << "budgetpress: 错误: " << e << "\n";
  if (inputs.files.empty() && inputs.errors.empty())
    std::cerr << "budgetpress: 错误: 没有找到 .yaml 文件\n";
  return inputs;
}

}  // namespace bp::cli
