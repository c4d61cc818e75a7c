// budgetpress site init / site show: a bureau's configuration overlay (docs/cli.md#site).
#pragma once

#include <string>

#include "cli/commands.hpp"

namespace bp::cli {

// Writes an empty overlay (the part directories and a Chinese README.md). Refuses a directory that
// exists and is not empty (exit 2).
int run_site_init(const std::string& dir);
// Lists, part by part, every file in use and whether the overlay's or the default wins.
int run_site_show(const Options& opt);

}  // namespace bp::cli
