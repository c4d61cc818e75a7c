#include "review/report.hpp"

#include <map>

#include "util/xml_text.hpp"

namespace bp::review {

namespace {

const char* title_of(const std::string& code) {
  for (const auto& r : rules())
    if (code == r.code) return r.title;
  return "";
}

std::string loc(const std::string& file, Pos p) {
  if (!p.line) return file;
  return file + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

// Sections in the order of their first finding (findings are sorted by position).
std::vector<std::pair<std::string, std::vector<const Finding*>>> by_section(
    const std::vector<Finding>& fs) {
  std::vector<std::pair<std::string, std::vector<const Finding*>>> out;
  std::map<std::string, size_t> index;
  for (const auto& f : fs) {
    auto [it, fresh] = index.try_emplace(f.section, out.size());
    if (fresh) out.push_back({f.section, {}});
    out[it->second].second.push_back(&f);
  }
  return out;
}

std::string md_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' ||
        c == ']')
      o += '\\';
    o += c == '\n' ? ' ' : c;
  }
  return o;
}

std::string counts(const ReportDepartment& d) {
  size_t errors = 0, warnings = 0;
  for (const auto& c : d.checks) (c.severity == Severity::Error ? errors : warnings)++;
  return "数据检查：错误 " + std::to_string(errors) + " 处，警告 " + std::to_string(warnings) +
         " 处；发布审核：" + std::to_string(d.findings.size()) + " 处";
}

}  // namespace

std::string report_markdown(const std::vector<ReportDepartment>& depts) {
  std::string o = "# 部门预算公开发布审核报告\n\n";
  size_t total = 0;
  for (const auto& d : depts) total += d.findings.size();
  o += "共 " + std::to_string(depts.size()) + " 个部门，发布审核发现 " + std::to_string(total) +
       " 处需要核对。\n";
  for (const auto& d : depts) {
    o += "\n## " + md_escape(d.title) + "\n\n文件：`" + d.file + "`　" + counts(d) + "\n";
    if (!d.checks.empty()) {
      o += "\n### 数据检查\n\n";
      for (const auto& c : d.checks)
        o += "- " + std::string(c.severity == Severity::Error ? "错误" : "警告") + "[" + c.code +
             "] 第 " + std::to_string(c.pos.line) + " 行：" + md_escape(c.message) + "\n";
    }
    if (d.findings.empty()) {
      o += "\n未发现需要核对的文字。\n";
      continue;
    }
    for (const auto& [section, fs] : by_section(d.findings)) {
      o += "\n### " + md_escape(section) + "\n";
      for (const Finding* f : fs) {
        o += "\n- **" + f->code + " " + title_of(f->code) + "**（" + loc(d.file, f->pos) + "）\n";
        o += "  - 问题：" + md_escape(f->message) + "\n";
        if (!f->quote.empty()) o += "  - 原文：“" + md_escape(f->quote) + "”\n";
        if (!f->data.empty()) o += "  - 数据：" + md_escape(f->data) + "\n";
        if (!f->hint.empty()) o += "  - 处理：" + md_escape(f->hint) + "\n";
      }
    }
  }
  return o;
}

std::string report_html(const std::vector<ReportDepartment>& depts) {
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      "<title>部门预算公开发布审核报告</title>\n<style>\n"
      "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}\n"
      "h2{border-bottom:1px solid #999}\n.finding{margin:0.8em 0;padding:0.4em "
      "0.8em;border-left:4px solid #c80}\n"
      ".code{font-weight:bold}\n.where{color:#666;font-size:90%}\nblockquote{margin:0.3em "
      "0;padding:0.2em 0.6em;background:#f4f4f4}\n"
      ".error{border-left-color:#c00}\n</style>\n</head>\n<body>\n<h1>部门预算公开发布审核报告</"
      "h1>\n";
  size_t total = 0;
  for (const auto& d : depts) total += d.findings.size();
  o += "<p>共 " + std::to_string(depts.size()) + " 个部门，发布审核发现 " + std::to_string(total) +
       " 处需要核对。</p>\n";
  for (const auto& d : depts) {
    o += "<section>\n<h2>" + xml_escape(d.title) + "</h2>\n<p class=\"where\">文件：" +
         xml_escape(d.file) + "　" + counts(d) + "</p>\n";
    if (!d.checks.empty()) {
      o += "<h3>数据检查</h3>\n<ul>\n";
      for (const auto& c : d.checks)
        o += "<li>" + std::string(c.severity == Severity::Error ? "错误" : "警告") + "[" + c.code +
             "] 第 " + std::to_string(c.pos.line) + " 行：" + xml_escape(c.message) + "</li>\n";
      o += "</ul>\n";
    }
    if (d.findings.empty()) o += "<p>未发现需要核对的文字。</p>\n";
    for (const auto& [section, fs] : by_section(d.findings)) {
      o += "<h3>" + xml_escape(section) + "</h3>\n";
      for (const Finding* f : fs) {
        o += "<div class=\"finding\">\n<p><span class=\"code\">" + f->code + " " +
             xml_escape(title_of(f->code)) + "</span> <span class=\"where\">" +
             xml_escape(loc(d.file, f->pos)) + "</span></p>\n";
        o += "<p>" + xml_escape(f->message) + "</p>\n";
        if (!f->quote.empty()) o += "<blockquote>原文：" + xml_escape(f->quote) + "</blockquote>\n";
        if (!f->data.empty()) o += "<p>数据：" + xml_escape(f->data) + "</p>\n";
        if (!f->hint.empty()) o += "<p>处理：" + xml_escape(f->hint) + "</p>\n";
        o += "</div>\n";
      }
    }
    o += "</section>\n";
  }
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace bp::review
