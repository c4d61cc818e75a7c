#include "review/figures.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "util/utf8.hpp"

namespace bp::review {

namespace {

using U32 = std::u32string;
using V32 = std::u32string_view;

// Full-width digits and signs as their ASCII forms, one code point for one, so that offsets into
// the normalized text are offsets into the original.
char32_t fold(char32_t c) {
  if (c >= U'０' && c <= U'９') return U'0' + (c - U'０');
  switch (c) {
    case U'．':
      return U'.';
    case U'％':
      return U'%';
    case U'＋':
      return U'+';
    case U'＊':
      return U'*';
    case U'，':
      return U'，';
    default:
      return c;
  }
}

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_ascii_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_han(char32_t c) {
  return c >= 0x3400 && c <= 0x9FFF;
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\u3000' || c == U'\t';
}
// Where a clause ends: the context of a figure never reaches past one.
bool is_clause_break(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U';' || c == U',' || c == U'！' ||
         c == U'？' || c == U'\n' || c == U'、' || c == U'：' || c == U':' || c == U'（' ||
         c == U'(' || c == U'）' || c == U')';
}
bool starts_with(V32 s, size_t i, V32 w) {
  return s.substr(i, w.size()) == w;
}
bool ends_at(V32 s, size_t i, V32 w) {
  return i >= w.size() && s.substr(i - w.size(), w.size()) == w;
}

struct UnitWord {
  V32 word;
  FigureKind kind;
  int64_t fen = 0;
};

// Longest first where one word begins another (万元 before 元, 平方米 before 米…).
constexpr std::array kUnits{
    UnitWord{U"亿元", FigureKind::Amount, 10'000'000'000},
    UnitWord{U"万元", FigureKind::Amount, 1'000'000},
    UnitWord{U"千元", FigureKind::Amount, 100'000},
    UnitWord{U"元", FigureKind::Amount, 100},
    UnitWord{U"%", FigureKind::Percent},
    UnitWord{U"百分比", FigureKind::Percent},
    UnitWord{U"万平方米", FigureKind::Quantity},
    UnitWord{U"平方米", FigureKind::Quantity},
    UnitWord{U"㎡", FigureKind::Quantity},
    UnitWord{U"万人次", FigureKind::Quantity},
    UnitWord{U"人次", FigureKind::Quantity},
    UnitWord{U"万人", FigureKind::Quantity},
    UnitWord{U"个小时", FigureKind::Quantity},
    UnitWord{U"小时", FigureKind::Quantity},
    UnitWord{U"个月", FigureKind::Quantity},
    UnitWord{U"辆", FigureKind::Quantity},
    UnitWord{U"台", FigureKind::Quantity},
    UnitWord{U"人", FigureKind::Quantity},
    UnitWord{U"名", FigureKind::Quantity},
    UnitWord{U"个", FigureKind::Quantity},
    UnitWord{U"次", FigureKind::Quantity},
    UnitWord{U"项", FigureKind::Quantity},
    UnitWord{U"场", FigureKind::Quantity},
    UnitWord{U"套", FigureKind::Quantity},
    UnitWord{U"册", FigureKind::Quantity},
    UnitWord{U"件", FigureKind::Quantity},
    UnitWord{U"本", FigureKind::Quantity},
    UnitWord{U"份", FigureKind::Quantity},
    UnitWord{U"户", FigureKind::Quantity},
    UnitWord{U"家", FigureKind::Quantity},
    UnitWord{U"部", FigureKind::Quantity},
    UnitWord{U"批", FigureKind::Quantity},
    UnitWord{U"期", FigureKind::Quantity},
    UnitWord{U"篇", FigureKind::Quantity},
    UnitWord{U"条", FigureKind::Quantity},
    UnitWord{U"处", FigureKind::Quantity},
    UnitWord{U"所", FigureKind::Quantity},
    UnitWord{U"座", FigureKind::Quantity},
    UnitWord{U"间", FigureKind::Quantity},
    UnitWord{U"张", FigureKind::Quantity},
    UnitWord{U"箱", FigureKind::Quantity},
    UnitWord{U"天", FigureKind::Quantity},
    UnitWord{U"年", FigureKind::Quantity},  // a duration (≥6年); four-digit years are taken first
};

// Words before a number that make it a cap or a floor.
constexpr std::array<V32, 9> kCapBefore{U"不超过", U"不高于", U"不多于", U"不大于", U"低于",
                                        U"少于",   U"控制在", U"最多",   U"不超出"};
constexpr std::array<V32, 8> kFloorBefore{U"不低于", U"不少于", U"不小于", U"高于",
                                          U"超过",   U"大于",   U"多于",   U"至少"};
// Words before a number in the same clause that make it a rate, not a total.
constexpr std::array<V32, 10> kPerUnitBefore{U"人均", U"每",   U"单次",     U"平均", U"单价",
                                             U"次均", U"户均", U"单位成本", U"单台", U"标准"};

bool is_range_dash(char32_t c) {
  return c == U'-' || c == U'—' || c == U'–' || c == U'~' || c == U'～' || c == U'至' || c == U'到';
}

int64_t pow10(int n) {
  int64_t r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

struct Num {
  Decimal d;
  size_t begin = 0, end = 0;
};

// A number at s[i] (ASCII digits after folding): 1234, 1,234.5, 0.54. Returns false if the digits
// are part of a code (a letter or '.' right before them).
bool read_number(V32 s, size_t i, Num& out) {
  if (i > 0 && (is_ascii_letter(s[i - 1]) || is_digit(s[i - 1]) || s[i - 1] == U'.' ||
                s[i - 1] == U'/' || s[i - 1] == U'_'))
    return false;
  size_t j = i;
  int64_t m = 0;
  int digits = 0;
  auto add = [&](char32_t c) {
    if (digits < 17) m = m * 10 + (c - U'0');
    ++digits;
  };
  while (j < s.size() && is_digit(s[j])) add(s[j++]);
  // thousands separators: ",ddd" followed by a non-digit
  while (j + 3 < s.size() + 0 && s[j] == U',' && j + 4 <= s.size() && is_digit(s[j + 1]) &&
         is_digit(s[j + 2]) && is_digit(s[j + 3]) && (j + 4 == s.size() || !is_digit(s[j + 4]))) {
    add(s[j + 1]), add(s[j + 2]), add(s[j + 3]);
    j += 4;
  }
  int dec = 0;
  if (j + 1 < s.size() && s[j] == U'.' && is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && is_digit(s[j])) {
      if (dec < 6) {
        add(s[j]);
        ++dec;
      }
      ++j;
    }
  }
  if (digits > 17) return false;  // an identifier, not a figure
  if (j < s.size() && is_ascii_letter(s[j]) && s[j] != U'm' && s[j] != U'x' && s[j] != U'X')
    return false;  // 4G, 5A …
  out = {{m, dec}, i, j};
  return true;
}

const UnitWord* read_unit(V32 s, size_t j, size_t& after) {
  while (j < s.size() && is_space(s[j])) ++j;
  if (starts_with(s, j, U"m²") || starts_with(s, j, U"m2")) {
    static const UnitWord sq{U"平方米", FigureKind::Quantity};
    after = j + 2;
    return &sq;
  }
  for (const auto& u : kUnits)
    if (starts_with(s, j, u.word)) {
      after = j + u.word.size();
      return &u;
    }
  return nullptr;
}

Relation relation_before(V32 s, size_t i) {
  size_t k = i;
  while (k > 0 && is_space(s[k - 1])) --k;
  if (k > 0) {
    char32_t c = s[k - 1];
    if (c == U'≤' || c == U'≦' || c == U'<' || c == U'＜') return Relation::AtMost;
    if (c == U'≥' || c == U'≧' || c == U'>' || c == U'＞') return Relation::AtLeast;
  }
  // “不超过” may be followed by 为 / 在.
  size_t k2 = k;
  if (k2 > 0 && (s[k2 - 1] == U'为' || s[k2 - 1] == U'在')) --k2;
  // The longest word wins: “不低于” is a floor although it ends with the cap word “低于”.
  Relation best = Relation::Equal;
  size_t best_len = 0;
  auto try_words = [&](const auto& words, Relation r) {
    for (V32 w : words)
      if ((ends_at(s, k, w) || ends_at(s, k2, w)) && w.size() > best_len) {
        best = r;
        best_len = w.size();
      }
  };
  try_words(kCapBefore, Relation::AtMost);
  try_words(kFloorBefore, Relation::AtLeast);
  if (best_len) return best;
  return Relation::Equal;
}

Relation relation_after(V32 s, size_t j) {
  while (j < s.size() && is_space(s[j])) ++j;
  if (starts_with(s, j, U"以内") || starts_with(s, j, U"以下") || starts_with(s, j, U"之内"))
    return Relation::AtMost;
  if (starts_with(s, j, U"以上")) return Relation::AtLeast;
  return Relation::Equal;
}

// Where the clause of s[i] starts; at most 40 characters back (a context, not a paragraph), so
// that a long text with many figures stays linear.
size_t clause_start(V32 s, size_t i) {
  size_t k = i;
  while (k > 0 && i - k < 40 && !is_clause_break(s[k - 1])) --k;
  return k;
}

// For each position, whether it is inside 《》 (computed once per text).
std::vector<bool> title_spans(V32 s) {
  std::vector<bool> in(s.size() + 1, false);
  int depth = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    in[k] = depth > 0;
    if (s[k] == U'《') ++depth;
    if (s[k] == U'》' && depth > 0) --depth;
  }
  in[s.size()] = depth > 0;
  return in;
}

}  // namespace

long double Decimal::value() const {
  return static_cast<long double>(mantissa) / static_cast<long double>(pow10(decimals));
}

__int128 Figure::micro_fen() const {
  return static_cast<__int128>(number.mantissa) * fen_per_unit * pow10(6 - number.decimals);
}

__int128 Figure::tolerance_micro_fen() const {
  return static_cast<__int128>(fen_per_unit) * pow10(6 - number.decimals) / 2;
}

bool amount_matches(const Figure& f, int64_t fen) {
  if (f.kind != FigureKind::Amount) return false;
  __int128 d = f.micro_fen() - static_cast<__int128>(fen) * 1'000'000;
  if (d < 0) d = -d;
  return d <= f.tolerance_micro_fen();
}

std::vector<Figure> extract_figures(std::string_view text) {
  U32 s = utf8::to_u32(text);
  for (auto& c : s) c = fold(c);
  const V32 v(s);
  const std::vector<bool> titled = title_spans(v);
  std::vector<Figure> out;
  for (size_t i = 0; i < v.size();) {
    if (!is_digit(v[i])) {
      ++i;
      continue;
    }
    Num n;
    if (!read_number(v, i, n)) {
      while (i < v.size() && (is_digit(v[i]) || v[i] == U'.' || v[i] == U',')) ++i;
      continue;
    }
    size_t j = n.end;
    Figure f;
    f.number = n.d;
    f.begin = n.begin;
    // A range “3—5万元”, “2023—2025年”: both ends take the unit written after the second.
    std::optional<Num> second;
    {
      size_t k = j;
      while (k < v.size() && is_space(v[k])) ++k;
      if (k < v.size() && is_range_dash(v[k])) {
        size_t m = k + 1;
        while (m < v.size() && is_space(v[m])) ++m;
        Num n2;
        if (m < v.size() && is_digit(v[m]) && read_number(v, m, n2)) second = n2;
      }
    }
    const size_t unit_from = second ? second->end : j;
    // Dates: 3月底, 12月31日, 31号 are neither quantities nor amounts.
    {
      size_t k = unit_from;
      while (k < v.size() && is_space(v[k])) ++k;
      if (k < v.size() &&
          (v[k] == U'月' || v[k] == U'日' || v[k] == U'号' || v[k] == U'时' || v[k] == U'点')) {
        i = unit_from;
        continue;
      }
    }
    size_t after = unit_from;
    const UnitWord* u = read_unit(v, unit_from, after);
    // Years: four digits 1990–2100 followed by 年 (or 年度).
    const bool year_like = u && u->word == U"年" && n.d.decimals == 0 && n.end - n.begin == 4 &&
                           n.d.mantissa >= 1990 && n.d.mantissa <= 2100 &&
                           relation_before(v, n.begin) == Relation::Equal;
    if (!u) {
      i = unit_from;
      continue;
    }
    f.kind = year_like ? FigureKind::Year : u->kind;
    f.fen_per_unit = u->fen;
    f.unit = utf8::from_u32(u->word);
    f.end = after;
    f.rel = relation_before(v, n.begin);
    if (Relation r = relation_after(v, after); r != Relation::Equal) f.rel = r;
    f.in_title = titled[n.begin];
    const size_t cs = clause_start(v, n.begin);
    const size_t ctx_from = n.begin - cs > 12 ? n.begin - 12 : cs;
    f.context = utf8::from_u32(v.substr(ctx_from, n.begin - ctx_from));
    V32 clause = v.substr(cs, n.begin - cs);
    for (V32 w : kPerUnitBefore)
      if (clause.find(w) != V32::npos) f.per_unit = true;
    if (after < v.size() && (v[after] == U'/' || v[after] == U'／' || v[after] == U'每'))
      f.per_unit = true;
    {
      auto op = [](char32_t ch) {
        return ch == U'×' || ch == U'*' || ch == U'+' || ch == U'x' || ch == U'X' || ch == U'✕' ||
               ch == U'=';
      };
      size_t k = n.begin;
      while (k > 0 && is_space(v[k - 1])) --k;
      size_t m = after;
      while (m < v.size() && is_space(v[m])) ++m;
      if ((k > 0 && op(v[k - 1])) || (m < v.size() && op(v[m]))) f.in_formula = true;
    }
    if (second) {
      f.in_range = true;
      Figure g = f;
      g.number = second->d;
      g.begin = second->begin;
      out.push_back(f);
      out.push_back(g);
    } else {
      out.push_back(f);
    }
    i = after;
  }
  return out;
}

bool find_arithmetic(std::string_view text, Arithmetic& out) {
  U32 s = utf8::to_u32(text);
  for (auto& c : s) c = fold(c);
  const V32 v(s);
  auto is_times = [](char32_t c) {
    return c == U'×' || c == U'*' || c == U'x' || c == U'X' || c == U'✕';
  };
  auto is_plus = [](char32_t c) { return c == U'+'; };
  for (size_t start = 0; start < v.size(); ++start) {
    if (!is_digit(v[start])) continue;
    Num n;
    if (!read_number(v, start, n)) continue;
    // Parse: term (+ [label] term)*, term = number [unit] (× number [unit])*.
    size_t i = start;
    long double total = 0;
    int64_t fen = 0;
    int products = 0, terms = 0;
    bool ok = true;
    size_t end = start;
    while (ok) {
      long double term = 1;
      int factors = 0;
      while (true) {
        while (i < v.size() && is_space(v[i])) ++i;
        Num f;
        if (i >= v.size() || !is_digit(v[i]) || !read_number(v, i, f)) break;
        term *= f.d.value();
        ++factors;
        i = f.end;
        size_t after = i;
        if (const UnitWord* u = read_unit(v, i, after)) {
          if (u->kind == FigureKind::Amount) {
            if (fen == 0)
              fen = u->fen;
            else if (fen != u->fen)
              ok = false;
          } else if (u->kind == FigureKind::Percent) {
            ok = false;  // 实际数/计划数×100%: a formula, not a cost
          }
          i = after;
        } else if (i < v.size() && is_han(v[i])) {
          // a measure word not in the list (月, 周…): one character
          if (v[i] != U'×') ++i;
        }
        size_t k = i;
        while (k < v.size() && is_space(v[k])) ++k;
        if (k < v.size() && is_times(v[k])) {
          i = k + 1;
          continue;
        }
        break;
      }
      if (factors == 0) break;
      if (factors > 1) ++products;
      ++terms;
      total += term;
      end = i;
      size_t k = i;
      while (k < v.size() && is_space(v[k])) ++k;
      if (k < v.size() && is_plus(v[k])) {
        // an optional label of up to 6 Han characters before the next term
        size_t m = k + 1, lab = 0;
        while (m < v.size() && is_han(v[m]) && lab < 6) ++m, ++lab;
        i = m;
        continue;
      }
      break;
    }
    // Resume after what this attempt read: every character is looked at a bounded number of
    // times, however long the text.
    const size_t resume = i > start + 1 ? i - 1 : start;
    if (ok && products > 0) {
      out.value = total;
      out.fen_per_unit = fen;
      out.written = utf8::from_u32(v.substr(start, end - start));
      return true;
    }
    start = std::max({start, n.end - 1, resume});
  }
  return false;
}

}  // namespace bp::review
