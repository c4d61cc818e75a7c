// Fuzz target (b): the money parser and formatter (model/money).
// Input: first byte selects the unit (even: 万元, odd: 元), the rest is the text.
// Properties, for every text:
//  * parse_money never crashes; it succeeds exactly when the text is an optional '-', ≥ 1 digit,
//    optionally '.' and 1–2 digits, and |value| ≤ kMaxAmountFen (checked against an __int128
//    reference);
//  * on success the value is exact (reference value in 分), and format_wan of it re-parses (in 万元)
//    to the value rounded half away from zero to 0.01 万元 — for 万元 input, to the same value;
//  * on failure the error message is non-empty.
// The same bytes as 8-byte integers also drive round_half_up, the ratio helpers and format_hundredths.
#include <cstring>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "model/money.hpp"

namespace {

// Reference parser: the grammar of docs/schema.md, value in 分, nullopt when not a valid amount.
std::optional<__int128> reference(std::string_view s, bp::Unit unit) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') {
    neg = true;
    ++i;
  }
  __int128 whole = 0;
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
    whole = whole * 10 + (s[i] - '0');
    if (whole > (static_cast<__int128>(1) << 100)) whole = static_cast<__int128>(1) << 100;
  }
  if (digits == 0) return std::nullopt;
  __int128 frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t fd = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++fd)
      if (fd < 3) frac = frac * 10 + (s[i] - '0');  // more than 2 decimals is invalid anyway
    if (fd == 0 || fd > 2) return std::nullopt;
    if (fd == 1) frac *= 10;
  }
  if (i != s.size()) return std::nullopt;
  const __int128 per_unit = unit == bp::Unit::Wan ? bp::kFenPerWan : 100;
  __int128 fen = whole * per_unit + frac * (per_unit / 100);
  return neg ? -fen : fen;
}

int64_t read_i64(const uint8_t* p) {
  int64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void check_text(std::string_view s, bp::Unit unit) {
  const bp::MoneyParse r = bp::parse_money(s, unit);
  const auto ref = reference(s, unit);
  const bool fits = ref && *ref <= bp::kMaxAmountFen && *ref >= -static_cast<__int128>(bp::kMaxAmountFen);
  if (!r.value) {
    BP_FUZZ_ASSERT(!r.error.empty());
    BP_FUZZ_ASSERT(!fits);  // a valid amount that fits must be accepted
    return;
  }
  BP_FUZZ_ASSERT(r.error.empty());
  BP_FUZZ_ASSERT(fits);
  BP_FUZZ_ASSERT(static_cast<__int128>(r.value->in_fen()) == *ref);

  // Round trip through the 万元 display text.
  const std::string shown = bp::format_wan(*r.value);
  const bp::MoneyParse again = bp::parse_money(shown, bp::Unit::Wan);
  BP_FUZZ_ASSERT(again.value.has_value());
  const int64_t hundredths = bp::wan_hundredths(*r.value);
  BP_FUZZ_ASSERT(static_cast<__int128>(again.value->in_fen()) ==
                 static_cast<__int128>(hundredths) * (bp::kFenPerWan / 100));
  if (unit == bp::Unit::Wan) BP_FUZZ_ASSERT(again.value->in_fen() == r.value->in_fen());
  // Rounding moves a value by at most half a step, away from zero on ties.
  const __int128 diff = static_cast<__int128>(again.value->in_fen()) - r.value->in_fen();
  BP_FUZZ_ASSERT(2 * (diff < 0 ? -diff : diff) <= bp::kFenPerWan / 100);
  BP_FUZZ_ASSERT(bp::format_wan_blank(*r.value).empty() == r.value->zero());
}

void check_integers(int64_t a, int64_t b) {
  if (b > 0) {
    const int64_t q = bp::round_half_up(a, b);
    // q·b is the nearest multiple of b (ties away from zero).
    const __int128 back = static_cast<__int128>(q) * b;
    const __int128 d = static_cast<__int128>(a) - back;
    BP_FUZZ_ASSERT(2 * (d < 0 ? -d : d) <= b);
  }
  const std::string h = bp::format_hundredths(a);
  if (a >= -bp::kMaxAmountFen && a <= bp::kMaxAmountFen) {
    const bp::MoneyParse p = bp::parse_money(h, bp::Unit::Yuan);
    BP_FUZZ_ASSERT(p.value && p.value->in_fen() == a);
  }
  const bp::Money ma = bp::Money::fen(a), mb = bp::Money::fen(b);
  (void)bp::change_rate_hundredths(ma, mb);
  (void)bp::share_hundredths(ma, mb);
  int64_t sum = 0, difference = 0;
  const bool add_overflows = __builtin_add_overflow(a, b, &sum);
  const bool sub_overflows = __builtin_sub_overflow(a, b, &difference);
  try {
    BP_FUZZ_ASSERT((ma + mb).in_fen() == sum);  // only reached without overflow
    BP_FUZZ_ASSERT(!add_overflows);
  } catch (const std::overflow_error&) {
    BP_FUZZ_ASSERT(add_overflows);
  }
  try {
    BP_FUZZ_ASSERT((ma - mb).in_fen() == difference);
    BP_FUZZ_ASSERT(!sub_overflows);
  } catch (const std::overflow_error&) {
    BP_FUZZ_ASSERT(sub_overflows);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bp::Unit unit = (data[0] & 1) ? bp::Unit::Yuan : bp::Unit::Wan;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  check_text(text, unit);
  if (size >= 17) check_integers(read_i64(data + 1), read_i64(data + 9));
  return 0;
}
