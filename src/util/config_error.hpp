// A configuration error: the bureau's theme, fonts or other installed/overlay configuration is
// unusable (a theme that cannot be found or read, a font family that is not installed, a damaged
// font file, a title-page logo that cannot be used). It is not about one department's data, so
// the application may stop once before any department instead of failing each of them (exit 2).
// code(): which kind, for docs/errors.md (E300, E600–E619); where(): the configuration file and
// position ("" when the error is not about a place in a file); message(): Chinese, naming the file
// and what was expected. what() = "WHERE: MESSAGE"; diagnostic() = "WHERE: 错误[CODE]: MESSAGE".
#pragma once

#include <stdexcept>
#include <string>

namespace bp {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string where, const std::string& message, std::string code)
      : std::runtime_error(where.empty() ? message : where + ": " + message),
        where_(std::move(where)),
        message_(message),
        code_(std::move(code)) {}
  const std::string& code() const { return code_; }
  const std::string& where() const { return where_; }
  const std::string& message() const { return message_; }
  std::string diagnostic() const {
    return (where_.empty() ? "" : where_ + ": ") + "错误[" + code_ + "]: " + message_;
  }

 private:
  std::string where_, message_, code_;
};

}  // namespace bp
