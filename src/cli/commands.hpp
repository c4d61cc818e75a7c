#pragma once

#include <string>
#include <vector>

namespace bp::cli {

struct Options {
  std::string config_dir;
  std::vector<std::string> paths;
  std::string out_dir;
  std::string formats = "pdf";
  bool quiet = false;
  const char* argv0 = nullptr;
};

int run_check(const Options& opt);
int run_build(const Options& opt);

}  // namespace bp::cli
