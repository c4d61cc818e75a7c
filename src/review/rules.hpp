// The rule groups of the review (docs/review.md). Each appends findings; review() filters the
// switched-off codes and sorts.
#pragma once

#include <string>
#include <vector>

#include "review/figures.hpp"
#include "review/review.hpp"
#include "review/text_fields.hpp"

namespace bp::review {

struct Context {
  const Input& in;
  const std::vector<TextField>& fields;
  std::vector<Finding>& out;
  void add(std::string code, const TextField& f, std::string message, std::string hint,
           std::string data = {}) const {
    out.push_back({std::move(code), f.text->pos, std::move(message), std::move(hint), f.section,
                   f.text->value, std::move(data)});
  }
  void add_at(std::string code, Pos pos, std::string section, std::string message, std::string hint,
              std::string quote = {}, std::string data = {}) const {
    out.push_back({std::move(code), pos, std::move(message), std::move(hint), std::move(section),
                   std::move(quote), std::move(data)});
  }
};

void check_figures(const Context& c);    // W200–W209
void check_changes(const Context& c);    // W208–W209
void check_years(const Context& c);      // W210–W212
void check_hygiene(const Context& c);    // W220–W225
void check_readiness(const Context& c);  // W240–W249
void check_previous(const Context& c);   // W250

// “38.02 万元” for a written amount, “2 万元” for fen.
std::string written(const Figure& f);
std::string wan(int64_t fen);

}  // namespace bp::review
