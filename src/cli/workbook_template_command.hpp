// budgetpress workbook-template: the empty fill-in workbook for the clerk (docs/import.md,
// docs/cli.md). Kept apart from main.cpp: main only calls add_ and run_.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace bp::cli {

struct WorkbookTemplateOptions {
  CLI::App* command = nullptr;
  int year = 0;
  std::optional<std::string> form;
  std::optional<std::string> three_public;  // full | short
  std::string unit = "万元";                // 万元 | 元
  std::string out;
  bool force = false;
};

// Registers the subcommand on `app`; `opt` must outlive parsing.
void add_workbook_template(CLI::App& app, WorkbookTemplateOptions& opt);

// Exit status: 0 written, 2 bad year/form, existing -o without --force, or I/O.
// `site_dir`: --site (the overlay's catalogue gives the 科目编码 list).
int run_workbook_template(const WorkbookTemplateOptions& opt, const std::string& config_dir,
                          const std::string& site_dir, const char* argv0);

}  // namespace bp::cli
