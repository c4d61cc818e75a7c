#include "model/money.hpp"

#include <stdexcept>

namespace bp {

namespace {
int64_t checked_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("金额超出可表示范围");
  return r;
}
}  // namespace

Money Money::operator+(Money o) const { return Money(checked_add(fen_, o.fen_)); }
Money Money::operator-(Money o) const {
  int64_t r;
  if (__builtin_sub_overflow(fen_, o.fen_, &r)) throw std::overflow_error("金额超出可表示范围");
  return Money(r);
}
Money Money::operator*(int64_t k) const {
  int64_t r;
  if (__builtin_mul_overflow(fen_, k, &r)) throw std::overflow_error("金额超出可表示范围");
  return Money(r);
}

MoneyParse parse_money(std::string_view s, Unit unit) {
  MoneyParse out;
  auto fail = [&](std::string msg, std::string hint = {}) {
    out.error = std::move(msg);
    out.hint = std::move(hint);
    return out;
  };
  if (s.empty()) return fail("金额为空", "请填写数字，例如 2075.36；无金额时填 0");
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') {
    neg = true;
    i = 1;
  } else if (s[0] == '+') {
    return fail("金额不能带“+”号");
  }
  int64_t whole = 0;
  size_t int_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++int_digits) {
    if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, s[i] - '0', &whole))
      return fail("金额过大");
  }
  int64_t frac = 0;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++frac_digits) {
      if (frac_digits >= 2) {
        return fail("金额最多保留两位小数：“" + std::string(s) + "”",
                    "预算金额以分为最小单位（万元口径为 0.01 万元）；请按原始数据填写，不要自行截断");
      }
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return fail("小数点后缺少数字：“" + std::string(s) + "”");
  }
  if (int_digits == 0) return fail("不是合法的金额：“" + std::string(s) + "”", "应为数字，例如 2075.36");
  if (i != s.size()) {
    char c = s[i];
    if (c == ',') {
      return fail("金额中不能使用千位分隔符：“" + std::string(s) + "”", "请写作 2075.36 而不是 2,075.36");
    }
    if (c == 'e' || c == 'E') {
      return fail("金额不能使用科学计数法：“" + std::string(s) + "”", "请写出完整数字，例如 1000");
    }
    return fail("不是合法的金额：“" + std::string(s) + "”", "应为数字，例如 2075.36");
  }
  if (frac_digits == 1) frac *= 10;
  // Convert to 分: 万元 → ×1000000 (hundredths ×10000); 元 → ×100 (hundredths ×1).
  const int64_t per_unit = unit == Unit::Wan ? kFenPerWan : 100;
  const int64_t per_hundredth = per_unit / 100;
  int64_t fen;
  if (__builtin_mul_overflow(whole, per_unit, &fen)) return fail("金额过大");
  if (__builtin_add_overflow(fen, frac * per_hundredth, &fen) || fen > kMaxAmountFen)
    return fail("金额过大（上限为 1 万亿万元以下）");
  out.value = Money::fen(neg ? -fen : fen);
  return out;
}

int64_t round_half_up(int64_t fen, int64_t step) {
  const int64_t q = fen / step;
  const int64_t r = fen % step;
  if (r == 0) return q;
  // |r| * 2 >= step → away from zero. Compare without overflow: |r| >= step - |r|.
  const int64_t ar = r < 0 ? -r : r;
  if (ar >= step - ar) return fen < 0 ? q - 1 : q + 1;
  return q;
}

int64_t wan_hundredths(Money m) { return round_half_up(m.in_fen(), kFenPerWan / 100); }

std::string format_hundredths(int64_t h) {
  const bool neg = h < 0;
  // Work in unsigned to cover INT64_MIN.
  uint64_t a = neg ? 0 - static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (neg ? "-" : "") + std::to_string(a / 100) + "." + frac;
}

std::string format_wan(Money m) { return format_hundredths(wan_hundredths(m)); }
std::string format_wan_blank(Money m) { return m.zero() ? std::string() : format_wan(m); }

namespace {
std::optional<int64_t> ratio_hundredths(__int128 num, __int128 den) {
  if (den == 0) return std::nullopt;
  // value = num / den × 100, in hundredths → num × 10000 / den, rounded half away from zero.
  __int128 n = num * 10000;
  bool neg = (n < 0) != (den < 0);
  if (n < 0) n = -n;
  if (den < 0) den = -den;
  __int128 q = n / den, r = n % den;
  if (r * 2 >= den) ++q;
  return static_cast<int64_t>(neg ? -q : q);
}
}  // namespace

std::optional<int64_t> change_rate_hundredths(Money now, Money prev) {
  return ratio_hundredths(static_cast<__int128>(now.in_fen()) - prev.in_fen(), prev.in_fen());
}
std::optional<int64_t> share_hundredths(Money part, Money total) {
  return ratio_hundredths(part.in_fen(), total.in_fen());
}

}  // namespace bp
