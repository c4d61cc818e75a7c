// Chinese messages for the argument parser (CLI11). CLI11 words its errors in English and offers no
// translation hook but App::failure_message, so each of its exception types is mapped here to a
// message for the clerk; the option names and values are taken from CLI11's own text.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace bp::cli {

// "budgetpress: 错误: 缺少必需的选项 --out（输出目录）\n运行 … --help 查看用法\n" for any parse
// error.
std::string chinese_failure_message(const CLI::App* app, const CLI::Error& e);

// The help page's fixed words ("Usage", "OPTIONS", "REQUIRED" …) in Chinese.
void use_chinese_help_labels(CLI::App& app);

// Validators whose failure message is Chinese (CLI::Range words its own in English).
CLI::Validator range_zh(long min, long max);

}  // namespace bp::cli
