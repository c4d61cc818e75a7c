#include "import/number_text.hpp"

#include "util/utf8.hpp"

namespace bp::import {

namespace {

constexpr int kSignificant = 15;  // DBL_DIG: decimals of this length survive a double
constexpr int64_t kMaxHundredths = 1'000'000'000'000'000;  // 10^15

// Replaces the full-width forms clerks type (or paste from the budget system) by ASCII.
std::string ascii_forms(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    const char32_t c = d.cp;
    if (c >= U'０' && c <= U'９') {
      out += static_cast<char>('0' + (c - U'０'));
    } else if (c == U'．' || c == U'，' || c == U'（' || c == U'）') {
      out += static_cast<char>(c - 0xFEE0);  // full-width forms are ASCII + 0xFEE0
    } else if (c == U'－' || c == U'−') {    // full-width hyphen-minus, U+2212 MINUS SIGN
      out += '-';
    } else {
      out.append(s.substr(i, d.len));
    }
    i += d.len;
  }
  return out;
}

// Length of a space character at s[i] (ASCII space/tab/CR/LF, U+00A0, U+3000), else 0.
size_t space_at(std::string_view s, size_t i) {
  const utf8::Decoded d = utf8::decode(s, i);
  const char32_t c = d.cp;
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 ? d.len : 0;
}

NumberText invalid(std::string why) {
  NumberText n;
  n.status = NumberText::Status::Invalid;
  n.error = std::move(why);
  return n;
}

}  // namespace

std::string trim_cell_text(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e) {
    size_t k = space_at(text, b);
    if (!k) break;
    b += k;
  }
  // Trailing spaces: walk back over whole characters.
  for (bool again = true; again && e > b;) {
    again = false;
    for (size_t k : {1, 2, 3})
      if (e >= b + k && space_at(text, e - k) == k) {
        e -= k;
        again = true;
        break;
      }
  }
  return std::string(text.substr(b, e - b));
}

NumberText parse_number_text(std::string_view raw) {
  std::string s = ascii_forms(trim_cell_text(raw));
  if (s.empty() || s == "-" || s == "--" || s == "/" || s == "\xE2\x80\x94" /* — */ ||
      s == "\xE2\x80\x94\xE2\x80\x94" || s == "\xE2\x80\x93" /* – */)
    return {};
  bool negative = false;
  std::string_view v = s;
  if (v.size() >= 2 && v.front() == '(' && v.back() == ')') {
    negative = true;
    v = v.substr(1, v.size() - 2);
  }
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    if (negative) return invalid("金额“" + s + "”的正负号重复");
    negative = v[0] == '-';
    v = v.substr(1);
  }
  for (char ch : v)
    if (!((ch >= '0' && ch <= '9') || ch == ',' || ch == '.' || ch == 'E' || ch == 'e' ||
          ch == '+' || ch == '-'))
      return invalid("“" + s + "”不是金额");
  // Mantissa: integer part (optionally grouped by commas), fraction, exponent.
  std::string digits;  // integer digits then fraction digits
  int frac_len = 0;
  size_t i = 0;
  int group = -1;  // digits since the last comma; -1 = no comma seen
  int first_group = 0;
  while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == ',')) {
    if (v[i] == ',') {
      if (group == -1 ? first_group == 0 || first_group > 3 : group != 3)
        return invalid("金额“" + s + "”的千位分隔符位置不对");
      group = 0;
    } else {
      digits += v[i];
      if (group == -1)
        ++first_group;
      else
        ++group;
    }
    ++i;
  }
  if (group != -1 && group != 3) return invalid("金额“" + s + "”的千位分隔符位置不对");
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
      digits += v[i++];
      ++frac_len;
    }
  }
  if (digits.empty()) return invalid("“" + s + "”不是金额");
  long exponent = 0;
  if (i < v.size() && (v[i] == 'E' || v[i] == 'e')) {
    ++i;
    bool eneg = false;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) eneg = v[i++] == '-';
    size_t start = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9' && exponent < 10000)
      exponent = exponent * 10 + (v[i++] - '0');
    if (i == start) return invalid("“" + s + "”不是金额");
    if (eneg) exponent = -exponent;
  }
  if (i != v.size()) return invalid("“" + s + "”不是金额");

  // value = digits × 10^(exponent − frac_len); drop leading zeros.
  long scale = exponent - frac_len;
  size_t nz = digits.find_first_not_of('0');
  if (nz == std::string::npos) return NumberText{NumberText::Status::Ok, 0, false, {}};
  digits.erase(0, nz);
  // Step 3: a double printed in full → 15 significant digits.
  if (static_cast<int>(digits.size()) > kSignificant) {
    bool up = digits[kSignificant] >= '5';
    scale += static_cast<long>(digits.size()) - kSignificant;
    digits.resize(kSignificant);
    for (int k = kSignificant - 1; up && k >= 0; --k) {
      if (digits[k] == '9') {
        digits[k] = '0';
      } else {
        ++digits[k];
        up = false;
      }
    }
    if (up) digits.insert(digits.begin(), '1');
  }
  // Step 4: hundredths = digits × 10^(scale + 2), rounded half away from zero.
  long shift = scale + 2;
  NumberText out;
  out.status = NumberText::Status::Ok;
  if (shift < 0) {
    size_t drop = static_cast<size_t>(-shift);
    std::string tail;
    if (drop >= digits.size()) {
      tail = std::string(drop - digits.size(), '0') + digits;
      digits.clear();
    } else {
      tail = digits.substr(digits.size() - drop);
      digits.resize(digits.size() - drop);
    }
    out.rounded = tail.find_first_not_of('0') != std::string::npos;
    bool up = tail[0] >= '5';
    int64_t h = 0;
    for (char d : digits) {
      if (h > kMaxHundredths / 10) return invalid("金额“" + s + "”过大");
      h = h * 10 + (d - '0');
    }
    out.hundredths = h + (up ? 1 : 0);
  } else {
    if (static_cast<long>(digits.size()) + shift > 16) return invalid("金额“" + s + "”过大");
    int64_t h = 0;
    for (char d : digits) h = h * 10 + (d - '0');
    for (long k = 0; k < shift; ++k) h *= 10;
    out.hundredths = h;
  }
  if (out.hundredths >= kMaxHundredths) return invalid("金额“" + s + "”过大");
  if (negative) out.hundredths = -out.hundredths;
  return out;
}

std::optional<std::string> parse_code(std::string_view text) {
  std::string s = ascii_forms(trim_cell_text(text));
  std::string_view v = s;
  auto strip = [&](std::string_view open, std::string_view close) {
    if (v.size() > open.size() + close.size() && v.substr(0, open.size()) == open &&
        v.substr(v.size() - close.size()) == close)
      v = v.substr(open.size(), v.size() - open.size() - close.size());
  };
  strip("[", "]");
  strip("\xE3\x80\x90", "\xE3\x80\x91");  // 【 】
  if (v.empty() || v.size() > 30) return std::nullopt;
  for (char ch : v)
    if (ch < '0' || ch > '9') return std::nullopt;
  return std::string(v);
}

std::optional<CodeAndName> split_code_name(std::string_view text) {
  std::string s = trim_cell_text(text);
  std::string_view v = s;
  bool bracket = false;
  if (!v.empty() && v[0] == '[') {
    bracket = true;
    v.remove_prefix(1);
  } else if (v.substr(0, 3) == "\xE3\x80\x90") {
    bracket = true;
    v.remove_prefix(3);
  }
  size_t n = 0;
  while (n < v.size() && v[n] >= '0' && v[n] <= '9') ++n;
  if (n < 3) return std::nullopt;
  CodeAndName out{std::string(v.substr(0, n)), {}};
  v.remove_prefix(n);
  // The code ends at a separator or at the name's first (non-ASCII) character: "20103a" is no code.
  if (!v.empty()) {
    unsigned char next = static_cast<unsigned char>(v[0]);
    if (next < 0x80 && next != ' ' && next != '\t' && next != '-' && next != ':' && next != ']' &&
        next != '.')
      return std::nullopt;
  }
  if (bracket) {
    if (!v.empty() && v[0] == ']')
      v.remove_prefix(1);
    else if (v.substr(0, 3) == "\xE3\x80\x91")
      v.remove_prefix(3);
    else
      return std::nullopt;
  }
  std::string rest = trim_cell_text(v);
  std::string_view r = rest;
  while (!r.empty() && (r[0] == '-' || r[0] == ':' || r[0] == '.')) r.remove_prefix(1);
  if (r.substr(0, 3) == "\xEF\xBC\x9A") r.remove_prefix(3);  // ：
  out.name = trim_cell_text(r);
  if (out.name.empty()) return std::nullopt;
  return out;
}

std::string format_hundredths_text(int64_t h) {
  bool neg = h < 0;
  uint64_t a = neg ? 0 - static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (neg ? "-" : "") + std::to_string(a / 100) + "." + frac;
}

}  // namespace bp::import
