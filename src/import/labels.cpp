#include "import/labels.hpp"

#include <array>

namespace bp::import {

const char* table_name(TableId t) {
  static constexpr std::array<const char*, kTableCount> kNames = {
      "收支总表",         "收入总表",           "支出总表",
      "财政拨款收支总表", "一般公共预算支出表", "基本支出表",
      "政府性基金支出表", "国有资本经营支出表", "三公经费支出表"};
  return kNames[static_cast<int>(t)];
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string norm_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::string_view three = s.substr(i, 3);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (three == "\xE3\x80\x80" /* 　 */ || three == "\xE2\x80\x9C" /* “ */ ||
               three == "\xE2\x80\x9D" /* ” */ || three == "\xE2\x80\x98" /* ‘ */ ||
               three == "\xE2\x80\x99" /* ’ */ || three == "\xE3\x80\x8C" /* 「 */ ||
               three == "\xE3\x80\x8D" /* 」 */) {
      i += 3;
    } else if (three == "\xEF\xBC\x88") {  // （
      out += '(';
      i += 3;
    } else if (three == "\xEF\xBC\x89") {  // ）
      out += ')';
      i += 3;
    } else if (three == "\xEF\xBC\x9A") {  // ：
      out += ':';
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

namespace {

// Length of a run of Chinese numerals 一…十 (and 百) at the start of s, in bytes.
size_t chinese_numeral_prefix(std::string_view s) {
  static constexpr std::array<std::string_view, 11> kDigits = {"一", "二", "三", "四", "五", "六",
                                                               "七", "八", "九", "十", "百"};
  size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto d : kDigits)
      if (s.substr(n, d.size()) == d) {
        n += d.size();
        more = true;
        break;
      }
  }
  return n;
}

size_t ascii_digits_prefix(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

}  // namespace

std::string strip_numbering(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"其中:", "其中"}) {
      if (starts_with(s, p) && s.size() > p.size()) {
        s.remove_prefix(p.size());
        again = true;
        break;
      }
    }
    if (again) continue;
    // 一、 / 十二、 / (一) / 1. / 1、 / (1)
    if (size_t n = chinese_numeral_prefix(s); n && s.substr(n, 3) == "、") {
      s.remove_prefix(n + 3);
      again = true;
    } else if (starts_with(s, "(")) {
      std::string_view rest = s.substr(1);
      size_t n = chinese_numeral_prefix(rest);
      if (!n) n = ascii_digits_prefix(rest);
      if (n && rest.substr(n, 1) == ")") {
        s.remove_prefix(n + 2);
        again = true;
      }
    } else if (size_t n = ascii_digits_prefix(s); n && n < s.size()) {
      std::string_view after = s.substr(n);
      if (starts_with(after, "、")) {
        s.remove_prefix(n + 3);
        again = true;
      } else if (starts_with(after, ".") &&
                 !(after.size() > 1 && after[1] >= '0' && after[1] <= '9')) {
        s.remove_prefix(n + 1);
        again = true;
      }
    }
  }
  return std::string(s);
}

std::optional<TableId> classify_title(std::string_view s) {
  if (s.empty() || s.size() > 150 || starts_with(s, "注") || contains(s, "目录"))
    return std::nullopt;
  if (contains(s, "三公")) return TableId::ThreePublic;
  if (contains(s, "基本支出表")) return TableId::GpbBasic;
  if (contains(s, "国有资本经营") && contains(s, "支出表")) return TableId::Soc;
  if ((contains(s, "政府性基金") || contains(s, "政府基金")) && contains(s, "支出表"))
    return TableId::Fund;
  if (contains(s, "一般公共预算") && contains(s, "支出表")) return TableId::Gpb;
  if (contains(s, "财政拨款收支总表")) return TableId::Fiscal;
  if (contains(s, "收支总表")) return TableId::Summary;
  if (contains(s, "收入总表")) return TableId::Income;
  if (contains(s, "支出总表")) return TableId::Expenditure;
  return std::nullopt;
}

}  // namespace bp::import
