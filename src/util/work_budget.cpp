#include "util/work_budget.hpp"

#include <string>

namespace bp {

namespace {
std::string seconds_text(std::chrono::milliseconds ms) {
  const auto s = ms.count() / 1000, tenths = (ms.count() % 1000) / 100;
  return std::to_string(s) + (tenths ? "." + std::to_string(tenths) : std::string());
}

[[noreturn]] void too_many_pages(size_t pages, size_t max) {
  throw LimitError("排版结果超过 " + std::to_string(max) + " 页（已排到第 " + std::to_string(pages) +
                   " 页），已停止；一个部门的公开文档通常只有几十页，请检查是否有超长的表格或文字");
}
}  // namespace

WorkBudget::WorkBudget(const ResourceLimits& limits)
    : limits_(limits), end_(Clock::now() + limits.time) {}

bool WorkBudget::expired() const {
  return limits_.time.count() > 0 && Clock::now() >= end_;
}

void WorkBudget::check_time(std::string_view stage) const {
  if (!expired()) return;
  throw LimitError("处理超时：超过每个部门 " + seconds_text(limits_.time) + " 秒的处理时间上限（停在" +
                   std::string(stage) + "阶段）；请检查文件是否异常庞大，或用 --time-limit 调整上限");
}

void WorkBudget::check_pages(size_t pages) const {
  if (limits_.max_pages > 0 && pages > limits_.max_pages) too_many_pages(pages, limits_.max_pages);
}

void check_default_page_limit(size_t pages) {
  const size_t max = ResourceLimits{}.max_pages;
  if (pages > max) too_many_pages(pages, max);
}

}  // namespace bp
