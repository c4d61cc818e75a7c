// `budgetpress workbook-template`: an empty fill-in workbook for the clerk (docs/import.md). Its
// sheets are the input tables of our own department workbook (same titles and header rows, taken
// from the document of a skeleton department, so `budgetpress import` reads the filled workbook
// like any other): the clerk types 项 (and 经济分类 款) rows, every total is a =SUM() formula, the
// 科目编码 cells have a drop-down list from the year's catalogue, headers are protected, panes
// frozen, and a 说明 sheet explains it in Chinese.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/context.hpp"

namespace bp {

// A year or form the template cannot be made for (message in Chinese, for the clerk).
struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct TemplateRequest {
  int year = 0;
  std::optional<std::string> form;                 // default: the year's own form
  std::optional<std::string> three_public_layout;  // "full" (default) or "short": rows of 三公
  std::string unit = "万元";  // 万元 or 元: the unit of every amount the clerk types
  std::filesystem::path out;
  int input_rows = 200;  // blank 科目 rows per table
};

// Writes the workbook to req.out atomically. Throws TemplateError for a bad year/form,
// std::runtime_error naming the file for I/O errors.
void write_workbook_template(const TemplateRequest& req, const Context& ctx);

}  // namespace bp
