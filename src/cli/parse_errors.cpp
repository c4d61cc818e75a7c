#include "cli/parse_errors.hpp"

#include <charconv>
#include <regex>

namespace bp::cli {

namespace {

// The part of CLI11's message that `re` captures ($1), or "" when it does not match.
std::string capture(const std::string& text, const char* re) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex(re)) && m.size() > 1) return m[1].str();
  return {};
}

// The subcommands of the deepest command given, for "缺少子命令（可用：…）".
std::string subcommand_list(const CLI::App* app) {
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  std::string list;
  for (const auto* sub : app->get_subcommands({})) {
    if (!list.empty()) list += "、";
    list += sub->get_name();
  }
  return list;
}

// The message for one parse error; CLI11's English text is only mined for names and values.
std::string chinese_message(const CLI::App* app, const CLI::Error& e) {
  const std::string what = e.what();
  const std::string kind = e.get_name();
  if (kind == "RequiredError") {
    if (what.rfind("A subcommand", 0) == 0 || what.find("subcommands") != std::string::npos) {
      // An unknown command word is left over as an extra argument, not reported by CLI11 itself.
      const auto rest = app->remaining();
      if (!rest.empty() && !rest.front().empty() && rest.front()[0] != '-')
        return "未知的子命令“" + rest.front() + "”（可用：" + subcommand_list(app) + "）";
      return "缺少子命令（可用：" + subcommand_list(app) + "）";
    }
    if (auto name = capture(what, R"(^(.+) is required$)"); !name.empty())
      return "缺少必需的参数 " + name;
    if (auto list = capture(what, R"(\[(.*)\])"); !list.empty())
      return "选项 " + list + " 的个数不对";
    return "缺少必需的参数";
  }
  // CLI11 names an ExtrasError of a subcommand after the subcommand, so it is known by its text.
  if (kind == "ExtrasError" || what.find("not expected: ") != std::string::npos) {
    auto extra = capture(what, R"(not expected: (.*)$)");
    return "多余的参数：" + extra +
           "（这个命令不接受它；选项要写在子命令之后，路径不能含未加引号的空格）";
  }
  if (kind == "ArgumentMismatch") {
    if (auto name = capture(what, R"(arguments to (\S+), got)"); !name.empty())
      return "选项 " + name + " 后面缺少值";
    if (auto name = capture(what, R"(^(\S+): )"); !name.empty())
      return "选项 " + name + " 后面缺少值或值的个数不对";
    if (auto name = capture(what, R"(^(\S+) was given a disallowed flag override)"); !name.empty())
      return "开关 " + name + " 不接受取值";
    return "选项的值的个数不对";
  }
  if (kind == "ConversionError") {
    if (auto v = capture(what, R"(^The value (.*) is not an allowed value for)"); !v.empty())
      return "“" + v + "”不是选项 " + capture(what, R"(allowed value for (.*)$)") + " 可用的值";
    if (auto name = capture(what, R"(^Could not convert: (\S+) =)"); !name.empty())
      return "选项 " + name + " 的值“" + capture(what, R"(= (.*)$)") + "”无法识别";
    if (auto name = capture(what, R"(^(\S+): too many inputs for a flag)"); !name.empty())
      return "开关 " + name + " 不接受取值";
    if (auto name = capture(what, R"(^(\S+): Should be true/false)"); !name.empty())
      return "开关 " + name + " 的值应为 true/false 或数字";
    return "选项的值无法识别";
  }
  if (kind == "ValidationError") {
    // Our own validators (range_zh) write Chinese after "NAME: "; CLI11's built-in ones do not.
    auto name = capture(what, R"(^([^:]+):)");
    auto detail = capture(what, R"(^[^:]+: (.*)$)");
    bool ascii = true;
    for (unsigned char c : detail)
      if (c >= 0x80) ascii = false;
    if (!ascii) return "选项 " + name + " 的值不对：" + detail;
    return "选项 " + name + " 的值不对";
  }
  if (kind == "RequiresError") {
    auto a = capture(what, R"(^(\S+) requires)");
    return "选项 " + a + " 需要同时给出 " + capture(what, R"(requires (.*)$)");
  }
  if (kind == "ExcludesError") {
    auto a = capture(what, R"(^(\S+) excludes)");
    return "选项 " + a + " 不能与 " + capture(what, R"(excludes (.*)$)") + " 同时使用";
  }
  if (kind == "FileError") return "无法读取文件";
  if (kind == "InvalidError") return "命令行参数的定义有误（程序错误）";
  return "命令行参数有误";
}

}  // namespace

std::string chinese_failure_message(const CLI::App* app, const CLI::Error& e) {
  // The deepest subcommand given ("catalog import") is the one whose help answers the question.
  std::string help = "budgetpress";
  for (const CLI::App* a = app; a;) {
    const auto subs = a->get_subcommands();
    a = subs.empty() ? nullptr : subs.front();
    if (a) help += " " + a->get_name();
  }
  return "budgetpress: 错误: " + chinese_message(app, e) + "\n运行 " + help + " --help 查看用法\n";
}

void use_chinese_help_labels(CLI::App& app) {
  auto f = app.get_formatter();
  f->label("Usage", "用法");
  f->label("OPTIONS", "选项");
  f->label("SUBCOMMAND", "子命令");
  f->label("SUBCOMMANDS", "子命令");
  f->label("REQUIRED", "（必需）");
  f->label("Positionals", "位置参数");
  f->label("Env", "环境变量");
  f->label("Needs", "需要");
  f->label("Excludes", "不能同时使用");
  f->label("TEXT", "值");
  f->label("INT", "整数");
  f->label("UINT", "整数");
  f->column_width(34);
}

CLI::Validator range_zh(long min, long max) {
  const std::string desc = "取值 " + std::to_string(min) + "–" + std::to_string(max);
  return CLI::Validator(
      [min, max](std::string& input) -> std::string {
        long v = 0;
        const char* end = input.data() + input.size();
        auto [p, ec] = std::from_chars(input.data(), end, v);
        if (ec != std::errc() || p != end || v < min || v > max)
          return "“" + input + "”不在 " + std::to_string(min) + " 到 " + std::to_string(max) +
                 " 之间";
        return {};
      },
      desc);
}

}  // namespace bp::cli
