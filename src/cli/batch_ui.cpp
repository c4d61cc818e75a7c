#include "cli/batch_ui.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "util/utf8.hpp"

namespace bp::cli {

namespace {

size_t terminal_columns() {
  struct winsize ws {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// Wide (2 columns) for the CJK and full-width ranges a department name uses; an invalid byte
// (utf8::kInvalid) is one column, as terminals show it.
bool wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

const char* status_mark(DeptStatus s) {
  switch (s) {
    case DeptStatus::Built:
      return "✓";
    case DeptStatus::Unchanged:
      return "= 未变化";
    case DeptStatus::Failed:
      return "✗ 失败";
    case DeptStatus::Cancelled:
      return "– 已取消";
  }
  return "";
}

std::string fit_columns(const std::string& s, size_t columns) {
  size_t used = 0, i = 0;
  while (i < s.size()) {
    const utf8::Decoded d = utf8::decode(s, i);
    size_t w = wide(d.cp) ? 2 : 1;
    if (used + w > columns) {
      // Make room for the ellipsis (1 column).
      std::string out = s.substr(0, i);
      while (!out.empty() && used + 1 > columns) {
        const size_t back = utf8::floor_boundary(out, out.size() - 1);
        used -= wide(utf8::decode(out, back).cp) ? 2 : 1;
        out.resize(back);
      }
      return out + "…";
    }
    used += w;
    i += d.len;
  }
  return s;
}

BatchPrinter::BatchPrinter(bool quiet, bool terminal) : quiet_(quiet), terminal_(terminal) {}

BatchPrinter::~BatchPrinter() {
  clear();
}

BatchCallbacks BatchPrinter::callbacks() {
  BatchCallbacks cb;
  cb.progress = [this](size_t done, size_t total, const DeptResult& r) {
    progress(done, total, r);
  };
  cb.result = [this](const DeptResult& r) { result(r); };
  return cb;
}

void BatchPrinter::clear() {
  if (!bar_visible_) return;
  std::cerr << "\r\033[K" << std::flush;
  bar_visible_ = false;
}

void BatchPrinter::draw() {
  if (!terminal_ || quiet_ || bar_.empty()) return;
  std::cerr << "\r\033[K" << fit_columns(bar_, terminal_columns() - 1) << std::flush;
  bar_visible_ = true;
}

void BatchPrinter::progress(size_t done, size_t total, const DeptResult& r) {
  total_ = total;
  if (!terminal_ || quiet_) return;
  bar_ = "[" + std::to_string(done) + "/" + std::to_string(total) + "] " + r.label + " " +
         status_mark(r.status);
  draw();
}

void BatchPrinter::result(const DeptResult& r) {
  ++printed_;
  bool anything =
      !r.diagnostics.empty() || (!quiet_ && !r.written.empty()) || (!terminal_ && !quiet_);
  if (!anything) return;
  clear();
  std::cerr << r.diagnostics;
  std::cerr.flush();
  if (!quiet_) {
    for (const auto& p : r.written) std::cout << p.string() << "\n";
    std::cout.flush();
  }
  if (!terminal_ && !quiet_)
    std::cerr << "[" << printed_ << "/" << total_ << "] " << r.label << " " << status_mark(r.status)
              << "\n";
  draw();
}

void BatchPrinter::summary(const BatchReport& r) {
  clear();
  bar_.clear();
  for (const auto& w : r.warnings) std::cerr << "budgetpress: 警告: " << w << "\n";
  if (!quiet_) {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.1f", r.seconds);
    std::cerr << "生成 " << r.built << " 个部门，失败 " << r.failed << " 个，未变化 " << r.unchanged
              << " 个（用时 " << secs << " 秒）\n";
    if (!r.failures.empty()) {
      std::cerr << "失败的部门（各自的第一个错误）：\n";
      for (const auto& f : r.failures) std::cerr << "  " << f << "\n";
    }
  }
  if (r.stopped)
    std::cerr << "budgetpress: 已中断：" << r.cancelled
              << " 个部门未生成（其原有输出保持不变），已生成的文件完整，未留下临时文件\n";
}

}  // namespace bp::cli
