// Chinese list numbering: (一) （一） 一、 1. 1、 （1） styles.
#pragma once

#include <string>

namespace bp {

// Chinese numeral for 1..99 (一 … 九十九).
std::string chinese_number(int n);
// `style` is an example of the first item: "(一)", "（一）", "一、", "1.", "1、", "（1）".
// Returns the numbered text, e.g. numbered("（一）", 2, "x") == "（二）x".
std::string numbered(const std::string& style, int n, const std::string& text);

}  // namespace bp
