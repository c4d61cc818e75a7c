#include "pdf/pdf_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace bp::pdf {

void append_num(std::string& out, double v, int decimals) {
  // 10^decimals, exact as std::pow(10.0, decimals) is for these.
  static constexpr double kScale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  const double scale = decimals >= 0 && decimals < 10 ? kScale[decimals] : std::pow(10.0, decimals);
  v = std::round(v * scale) / scale;
  if (v == 0) v = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) end = buf;
  if (std::find(buf, end, '.') != end) {
    while (end != buf && end[-1] == '0') --end;
    if (end != buf && end[-1] == '.') --end;
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

std::string num(double v, int decimals) {
  std::string s;
  append_num(s, v, decimals);
  return s;
}

void append_hex16(std::string& out, uint32_t code) {
  // Every glyph of a content stream: one append of four digits, not four push_backs that each
  // check the capacity.
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char digits[4] = {kHex[(code >> 12) & 0xF], kHex[(code >> 8) & 0xF],
                          kHex[(code >> 4) & 0xF], kHex[code & 0xF]};
  out.append(digits, 4);
}

std::string pdf_date(int64_t epoch) {
  // Civil-from-days (Howard Hinnant), UTC, independent of the process's time zone.
  int64_t days = epoch / 86400, secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "D:%04lld%02lld%02lld%02lld%02lld%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

std::string subset_tag(std::string_view seed) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : seed) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

}  // namespace bp::pdf
