#include "cli/check_review.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "app/inputs.hpp"
#include "util/atomic_file.hpp"

namespace bp::cli {

namespace {

std::string read_head(const std::filesystem::path& file, size_t bytes) {
  std::ifstream in(file, std::ios::binary);
  std::string s(bytes, '\0');
  in.read(s.data(), static_cast<std::streamsize>(bytes));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

// The file `new-year` wrote this draft from: its first line says
// “# 2024 年度部门预算草稿：由 budgetpress new-year 从 SOURCE（2023 年度）生成。”
std::optional<std::filesystem::path> new_year_source(const std::filesystem::path& file) {
  static const std::regex re("由 budgetpress new-year 从 (.+)（([0-9]{4}) 年度）生成");
  const std::string head = read_head(file, 4096);
  std::smatch m;
  const std::string first = head.substr(0, head.find('\n'));
  if (!std::regex_search(first, m, re)) return std::nullopt;
  const std::filesystem::path src = m[1].str();
  std::error_code ec;
  for (const auto& candidate : {src, file.parent_path() / src,
                                file.parent_path().parent_path() / m[2].str() / src.filename(),
                                file.parent_path() / src.filename()})
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  return std::nullopt;
}

}  // namespace

CheckReview::CheckReview(const CheckReviewOptions& opt, const Context& ctx) : opt_(opt), ctx_(ctx) {
  settings_ = review::load_settings_file(ctx.config_dir() / "review.yaml");
  if (!opt_.report.empty()) {
    const auto ext = std::filesystem::path(opt_.report).extension().string();
    if (ext != ".html" && ext != ".htm" && ext != ".md")
      throw std::runtime_error("--report 只支持 .html 或 .md 文件：" + opt_.report);
  }
  if (!opt_.previous.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(opt_.previous, ec))
      throw std::runtime_error("--previous 指定的文件或目录不存在：" + opt_.previous);
    auto list = collect_inputs({opt_.previous});
    for (const auto& f : list.files) {
      auto c = check_budget_file(f, ctx_);
      if (!c.budget) continue;
      const std::string code = c.budget->dept.code.value;
      previous_by_code_.emplace(code, std::move(c));
    }
    if (previous_by_code_.empty())
      throw std::runtime_error("--previous 中没有可读取的部门文件：" + opt_.previous);
  }
}

const Budget* CheckReview::previous_for(const std::filesystem::path& file, const Budget& b) {
  auto ok = [&](const CheckedBudget& p) -> const Budget* {
    if (!p.budget || p.budget->dept.year >= b.dept.year) return nullptr;
    return &*p.budget;
  };
  if (!opt_.previous.empty()) {
    auto it = previous_by_code_.find(b.dept.code.value);
    if (it != previous_by_code_.end()) return ok(it->second);
    // a single file given for a single department: compare whatever its code
    if (previous_by_code_.size() == 1 && std::filesystem::is_regular_file(opt_.previous))
      return ok(previous_by_code_.begin()->second);
    return nullptr;
  }
  auto src = new_year_source(file);
  if (!src) return nullptr;
  auto [it, fresh] =
      new_year_sources_.try_emplace(src->string(), CheckedBudget{Diagnostics(src->string())});
  if (fresh) it->second = check_budget_file(*src, ctx_);
  return ok(it->second);
}

void CheckReview::add(const std::filesystem::path& file, CheckedBudget& c) {
  Entry e;
  e.file = file.string();
  if (c.budget) {
    e.code = c.budget->dept.code.value;
    e.year = c.budget->dept.year;
    e.report.title = c.budget->dept.code.value + " " + c.budget->dept.name.value + "（" +
                     std::to_string(c.budget->dept.year) + " 年度）";
  } else {
    e.report.title = file.filename().string();
  }
  e.report.file = e.file;
  e.report.checks = c.diag.sorted();
  if (c.ok() && c.profile) {
    auto settings = review::settings_for(settings_, *c.budget, c.diag);
    std::ifstream src_in(file, std::ios::binary);
    std::ostringstream src;
    src << src_in.rdbuf();
    const std::string source = src.str();
    review::Input in{*c.budget, *c.derived, *c.profile, previous_for(file, *c.budget), &source};
    e.report.findings = review::review(in, settings);
    review::to_diagnostics(e.report.findings, c.diag);
    e.report.checks.clear();
    for (const auto& d : c.diag.sorted())
      if (d.code.size() < 2 || d.code[1] != '2' || d.code[0] == 'E') e.report.checks.push_back(d);
  }
  e.diagnostics = c.diag.sorted();
  entries_.push_back(std::move(e));
}

std::string CheckReview::json(size_t files, size_t passed) const {
  using nlohmann::ordered_json;
  ordered_json root;
  root["files"] = ordered_json::array();
  size_t errors = 0, warnings = 0;
  for (const auto& e : entries_) {
    ordered_json f;
    f["file"] = e.file;
    f["department"] = e.code ? ordered_json(*e.code) : ordered_json(nullptr);
    f["year"] = e.year ? ordered_json(e.year) : ordered_json(nullptr);
    size_t fe = 0, fw = 0;
    ordered_json ds = ordered_json::array();
    for (const auto& d : e.diagnostics) {
      (d.severity == Severity::Error ? fe : fw)++;
      ordered_json j;
      j["severity"] = d.severity == Severity::Error ? "error" : "warning";
      j["code"] = d.code;
      j["line"] = d.pos.line;
      j["col"] = d.pos.line ? std::max(d.pos.col, 1) : 0;
      j["message"] = d.message;
      j["hint"] = d.hint;
      for (const auto& r : e.report.findings)
        if (r.code == d.code && r.pos.line == d.pos.line && r.pos.col == d.pos.col &&
            r.message == d.message) {
          j["section"] = r.section;
          j["quote"] = r.quote;
          j["data"] = r.data;
          break;
        }
      ds.push_back(std::move(j));
    }
    f["errors"] = fe;
    f["warnings"] = fw;
    f["diagnostics"] = std::move(ds);
    errors += fe;
    warnings += fw;
    root["files"].push_back(std::move(f));
  }
  root["summary"] = {{"files", files},
                     {"passed", passed},
                     {"failed", files - passed},
                     {"errors", errors},
                     {"warnings", warnings}};
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void CheckReview::write_report() const {
  if (opt_.report.empty()) return;
  std::vector<review::ReportDepartment> depts;
  for (const auto& e : entries_) depts.push_back(e.report);
  const auto ext = std::filesystem::path(opt_.report).extension().string();
  const std::string body =
      ext == ".md" ? review::report_markdown(depts) : review::report_html(depts);
  write_file_atomic(opt_.report, body);
}

}  // namespace bp::cli
