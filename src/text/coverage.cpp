#include "text/coverage.hpp"

#include <algorithm>
#include <cstdio>

#include "util/utf8.hpp"

namespace bp::text {

void Coverage::missing(char32_t cp, const std::vector<std::string>& fonts) {
  Entry& e = missing_[cp];
  if (e.fonts.empty()) e.fonts = fonts;
  ++e.count;
  if (e.places.size() < 3 &&
      std::find(e.places.begin(), e.places.end(), context_) == e.places.end())
    e.places.push_back(context_);
}

std::string Coverage::report() const {
  std::string out;
  for (const auto& [cp, e] : missing_) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    out += "  ";
    out += code;
    out += " '";
    if (cp >= 0x20) utf8::append(out, cp);
    out += "' not in any font (";
    for (size_t i = 0; i < e.fonts.size(); ++i) out += (i ? ", " : "") + e.fonts[i];
    out += "), " + std::to_string(e.count) + "×, in: ";
    for (size_t i = 0; i < e.places.size(); ++i) out += (i ? "; " : "") + e.places[i];
    if (e.count > static_cast<int>(e.places.size())) out += "; …";
    out += "\n";
  }
  return out;
}

void Coverage::throw_if_missing() const {
  if (ok()) return;
  throw MissingGlyphsError(std::to_string(missing_.size()) +
                           " character(s) not covered by the theme's fonts:\n" + report());
}

}  // namespace bp::text
