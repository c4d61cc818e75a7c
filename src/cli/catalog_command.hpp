// budgetpress catalog import: a catalogue file from the official 政府收支分类科目 list
// (docs/catalog.md#import).
#pragma once

#include <string>

#include "cli/commands.hpp"

namespace bp::cli {

struct CatalogImportOptions {
  std::string file;  // .xlsx or .csv
  int year = 0;
  std::string kind;  // function | economic
  std::string out;  // "" → the site overlay's catalog/<kind>/<year>.tsv, else stdout; "-" → stdout
  bool force = false;
};

// Exit status: 0 written (warnings allowed), 1 the list has errors (nothing written), 2 usage or
// I/O.
int run_catalog_import(const CatalogImportOptions& opt, const Options& global);

}  // namespace bp::cli
