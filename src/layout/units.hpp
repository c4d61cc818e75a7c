// Units of the layout: points (1/72 in). Millimetres convert to points; type sizes (号) are read by
// the style (style/sizes.hpp).
#pragma once

namespace bp::layout {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double mm(double v) {
  return v * kPtPerMm;
}

}  // namespace bp::layout
