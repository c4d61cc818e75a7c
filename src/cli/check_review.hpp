// `check`'s publication review (docs/review.md): runs the review rules on each department that
// passes the data checks, and writes what machines and the person who signs off read —
// `--format json` on stdout, `--report FILE.html|.md`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "review/report.hpp"
#include "review/settings.hpp"

namespace bp::cli {

struct CheckReviewOptions {
  std::string previous;  // --previous FILE|DIR (last year's department files)
  std::string report;    // --report FILE.html|FILE.md
  bool json = false;     // --format json
};

class CheckReview {
 public:
  // Throws std::runtime_error (Chinese) for a bad config/review.yaml, --report or --previous.
  CheckReview(const CheckReviewOptions& opt, const Context& ctx);
  // Reviews one checked department (when its data checks passed); findings become warnings in
  // c.diag.
  void add(const std::filesystem::path& file, CheckedBudget& c);
  // The JSON document of every file added (--format json).
  std::string json(size_t files, size_t passed) const;
  // Writes --report if asked (atomically). Throws std::runtime_error on I/O failure.
  void write_report() const;

 private:
  const Budget* previous_for(const std::filesystem::path& file, const Budget& b);

  CheckReviewOptions opt_;
  const Context& ctx_;
  review::SettingsFile settings_;
  std::map<std::string, CheckedBudget> previous_by_code_;  // from --previous
  std::map<std::string, CheckedBudget> new_year_sources_;  // from the new-year header comment
  struct Entry {
    std::string file;
    std::optional<std::string> code;
    int year = 0;
    std::vector<Diagnostic> diagnostics;
    review::ReportDepartment report;
  };
  std::vector<Entry> entries_;
};

}  // namespace bp::cli
