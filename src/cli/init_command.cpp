#include "cli/init_command.hpp"

#include <algorithm>
#include <iostream>

#include "cli/command_setup.hpp"
#include "cli/department_skeleton.hpp"
#include "util/atomic_file.hpp"

namespace bp::cli {

int run_init(const InitOptions& opt, const Options& global) {
  auto ctx = load_context(global.config_dir, global.site_dir, global.argv0);
  if (!ctx) return kUsage;
  const Profile* profile =
      opt.form.empty() ? ctx->profile_for_year(opt.year) : ctx->profile(opt.form);
  if (!profile) {
    if (opt.form.empty())
      std::cerr << "budgetpress: 错误: 没有 " << opt.year
                << " 年的年度格式；请用 --form 指定，如 --form 2024\n";
    else
      std::cerr << "budgetpress: 错误: 没有年度格式“" << opt.form << "”\n";
    return kUsage;
  }
  std::error_code ec;
  if (!opt.force && std::filesystem::exists(opt.file, ec)) {
    std::cerr << "budgetpress: 错误: " << opt.file << " 已存在；要覆盖请加 --force\n";
    return kUsage;
  }
  // The 2024 form's 三公 table has 会议费 and 培训费 rows; older forms do not.
  const bool meetings = std::any_of(
      profile->three_public_layouts.begin(), profile->three_public_layouts.end(),
      [](const auto& kv) {
        return std::any_of(kv.second.begin(), kv.second.end(), [](const auto& row) {
          return std::find(row.items.begin(), row.items.end(), TpItem::Training) != row.items.end();
        });
      });
  try {
    write_file_atomic(opt.file, department_skeleton(opt.year, profile->id, meetings));
  } catch (const std::exception& e) {
    std::cerr << "budgetpress: 错误: 无法写入 " << opt.file << "：" << e.what() << "\n";
    return kUsage;
  }
  std::cout << opt.file << "\n";
  std::cerr << "已新建 " << opt.year << " 年部门预算文件（格式 " << profile->id
            << "）。填好“填写”处后运行 budgetpress check " << opt.file << "\n";
  return kOk;
}

}  // namespace bp::cli
