#include "document/numbering.hpp"

namespace bp {

std::string chinese_number(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n > 99) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string s = n / 10 == 1 ? "" : digits[n / 10];
  s += "十";
  if (n % 10) s += digits[n % 10];
  return s;
}

std::string numbered(const std::string& style, int n, const std::string& text) {
  if (style == "(一)") return "(" + chinese_number(n) + ")" + text;
  if (style == "（一）") return "（" + chinese_number(n) + "）" + text;
  if (style == "一、") return chinese_number(n) + "、" + text;
  if (style == "1.") return std::to_string(n) + "." + text;
  if (style == "（1）") return "（" + std::to_string(n) + "）" + text;
  if (style == "(1)") return "(" + std::to_string(n) + ")" + text;
  return std::to_string(n) + "、" + text;
}

}  // namespace bp
