// WordprocessingML measures: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes,
// eighths of a point for border widths. Every conversion rounds to the nearest integer so the XML
// never carries a fraction (and the bytes do not depend on floating-point printing).
#pragma once

#include <cmath>

namespace bp::docx {

inline int twips_from_pt(double pt) {
  return static_cast<int>(std::lround(pt * 20.0));
}
inline int twips_from_mm(double mm) {
  return static_cast<int>(std::lround(mm * 1440.0 / 25.4));
}
inline int half_points(double pt) {
  return static_cast<int>(std::lround(pt * 2.0));
}
inline int border_eighths(double pt) {
  return static_cast<int>(std::lround(pt * 8.0));
}

}  // namespace bp::docx
