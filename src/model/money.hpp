// Exact money. An amount is an integer count of 分 (0.01 元); 万元 figures with 2 decimals are exact
// multiples of 10000 分. No floating point anywhere on a money path: parsing, summing and rounding are
// integer operations, and every overflow is an error, never a wrap-around.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bp {

enum class Unit { Wan, Yuan };  // 万元, 元

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money fen(int64_t f) { return Money(f); }
  constexpr int64_t in_fen() const { return fen_; }
  constexpr bool zero() const { return fen_ == 0; }
  constexpr bool negative() const { return fen_ < 0; }

  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  Money operator-() const { return *this * -1; }
  Money operator*(int64_t k) const;
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t f) : fen_(f) {}
  int64_t fen_ = 0;
};

inline constexpr int64_t kFenPerWan = 1'000'000;  // 1 万元 = 10000 元 = 1000000 分
// The largest amount a file may state: 999999999999.99 万元 (just below 10¹² 万元). It is a whole
// number of 0.01 万元, so every allowed amount — in 元 too — rounded to 0.01 万元 for display is
// still allowed and parses back (near the 64-bit limit, ≈ 9.2 × 10¹⁸ 分, it would not).
inline constexpr int64_t kMaxAmountFen = 999'999'999'999'990'000;

// Result of parsing a decimal: the value, or a Chinese message saying what was wrong.
struct MoneyParse {
  std::optional<Money> value;
  std::string error;  // empty on success
  std::string hint;
};

// Parses a plain decimal in the given unit: digits, optional '.', at most 2 decimals, optional leading
// '-'. Rejects thousands separators, exponents, NaN/inf, '+', full-width digits, spaces inside, text,
// and amounts beyond ±kMaxAmountFen.
MoneyParse parse_money(std::string_view text, Unit unit);

// Rounds half away from zero ("四舍五入") to a multiple of `step` 分 and returns the quotient.
int64_t round_half_up(int64_t fen, int64_t step);

// The displayed 万元 value in hundredths (2075.36 万元 → 207536), rounded half-up from 分.
int64_t wan_hundredths(Money m);

// "2075.36" — 万元 with 2 decimals, no thousands separator, "-" for negatives.
std::string format_wan(Money m);
// Same but empty for zero (the convention inside the 9 tables).
std::string format_wan_blank(Money m);
// Formats an integer of hundredths (e.g. 207536 → "2075.36").
std::string format_hundredths(int64_t h);

// 增减率 in hundredths of a percent, rounded half-up: (now - prev) / prev × 100, 2 decimals.
// std::nullopt when prev is zero (a rate against nothing is not printed).
std::optional<int64_t> change_rate_hundredths(Money now, Money prev);
// Share now / total in hundredths of a percent; nullopt when total is zero.
std::optional<int64_t> share_hundredths(Money part, Money total);

}  // namespace bp
