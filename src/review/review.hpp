// The publication review behind `budgetpress check`: rules that read a department's free text
// against its own data, and what is still unfinished before publishing (docs/review.md).
// The review reads the loaded model and the derived figures only; it never touches a backend.
// Every finding is a warning (W200–W299) that can be switched off by code for a bureau
// (config/review.yaml) or a department (`review: {off: [...]}` in its file).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "derive/derived.hpp"
#include "model/department.hpp"
#include "model/diagnostics.hpp"
#include "model/profile.hpp"

namespace bp::review {

struct Finding {
  std::string code;     // "W203"
  Pos pos;              // the text (or value) the clerk must look at
  std::string message;  // one line, Chinese
  std::string hint;     // what to do
  std::string section;  // where in the document: “项目：慰问经费” …, for the sign-off report
  std::string quote;  // the text as written
  std::string data;   // what it disagrees with (“项目预算数 30.65 万元”), may be empty
};

struct Input {
  const Budget& budget;
  const Derived& derived;
  const Profile& profile;
  const Budget* previous = nullptr;     // last year's file (--previous or the new-year source)
  const std::string* source = nullptr;  // the file's bytes: comments are not in the model
};

// Codes switched off, from every layer that may say so (bureau configuration, department file).
struct Settings {
  std::set<std::string> off;
};

// All findings, in a stable order (by line, column, code), without the switched-off ones.
std::vector<Finding> review(const Input& in, const Settings& settings);

// Every code the review can report, with its one-line Chinese title (docs/review.md, the report).
struct RuleInfo {
  const char* code;
  const char* title;
};
const std::vector<RuleInfo>& rules();
bool is_rule_code(const std::string& code);

// Adds the findings to `diag` as warnings (the FILE:LINE:COL lines of `check`).
void to_diagnostics(const std::vector<Finding>& findings, Diagnostics& diag);

}  // namespace bp::review
