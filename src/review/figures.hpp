// Figures written in free text: amounts with a money unit, quantities with a measure word,
// percentages, caps and floors, years. The extractor is deliberately conservative: a number
// without a unit is not a figure (“≤28联通每月租金13000” names no unit, so nothing is compared),
// codes (ISO14001, A4), dates (3月底, 12月31日) and ranges (3—5万元) are recognised and set apart
// so that no rule compares them as if they were totals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bp::review {

enum class FigureKind { Amount, Quantity, Percent, Year };
enum class Relation { Equal, AtMost, AtLeast };  // ≤ 不超过 以内 / ≥ 不低于 以上

// A decimal as written: 38.50 → mantissa 3850, decimals 2. Kept exact; tolerance follows the
// number of digits the writer used (“38万元” is 37.5–38.5 万元, “38.00万元” is 37.995–38.005).
struct Decimal {
  int64_t mantissa = 0;
  int decimals = 0;
  long double value() const;
};

struct Figure {
  FigureKind kind = FigureKind::Amount;
  Relation rel = Relation::Equal;
  Decimal number;
  int64_t fen_per_unit = 0;  // amounts: 1 元 = 100, 1 万元 = 1 000 000, 1 亿元 = 10^10
  std::string unit;          // as written: 万元, 辆, %, 年 …
  bool per_unit = false;  // 人均 / 每 / 单次 / 平均 / 单价 / …元/人: a rate, not a total
  bool in_range = false;      // one end of “3—5万元”
  bool in_title = false;      // inside 《》 (a document or book title)
  bool in_formula = false;    // an operand of written arithmetic (3×2000元+…): not a total
  size_t begin = 0, end = 0;  // code-point offsets of the figure in the text
  std::string context;        // up to 12 characters of text before the number (same clause)

  // Amounts only: the exact value in millionths of a fen, and half of the last written digit in
  // the same scale (the rounding that the written form allows).
  __int128 micro_fen() const;
  __int128 tolerance_micro_fen() const;
};

std::vector<Figure> extract_figures(std::string_view text);

// Exact money (fen) against a written amount, within the rounding of the written form.
bool amount_matches(const Figure& f, int64_t fen);

// The arithmetic written in a text such as “3×2000元+2×1500元” or “13000*12+10000*12”: the value
// of the first sum of products found, in the unit written after it (fen_per_unit 0 if none).
struct Arithmetic {
  long double value = 0;  // in the written unit
  int64_t fen_per_unit = 0;
  std::string written;
};
bool find_arithmetic(std::string_view text, Arithmetic& out);

}  // namespace bp::review
