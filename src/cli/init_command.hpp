// budgetpress init: a blank department file with Chinese comments, for a clerk starting a new
// department (docs/zh/用户手册.md#新建部门).
#pragma once

#include <string>

#include "cli/commands.hpp"

namespace bp::cli {

struct InitOptions {
  std::string file;
  int year = 0;
  std::string form;  // "" → the year's own form
  bool force = false;
};

// Exit status: 0 written, 2 usage or I/O (unknown form, existing file without --force).
int run_init(const InitOptions& opt, const Options& global);

}  // namespace bp::cli
