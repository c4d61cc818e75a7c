#include "xlsx/sheet_names.hpp"

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp::xlsx {

namespace {

bool forbidden(char32_t cp) {
  if (cp == utf8::kInvalid || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;
  if (!chars::is_xml_char(cp) || chars::is_noncharacter(cp) || chars::is_bidi_control(cp) ||
      chars::is_invisible(cp))
    return true;
  switch (cp) {
    case '[':
    case ']':
    case ':':
    case '*':
    case '?':
    case '/':
    case '\\':
      return true;
    default:
      return false;
  }
}

char32_t fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;     // Latin-1
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic А–Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                // Cyrillic Ѐ–Џ
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;              // full-width Ａ–Ｚ
  return c;
}

bool trimmable(char32_t c) {
  return c == '\'' || c == ' ' || c == 0x3000;
}

}  // namespace

size_t utf16_units(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    auto d = utf8::decode(s, i);
    n += (d.cp != utf8::kInvalid && d.cp > 0xFFFF) ? 2 : 1;
    i += d.len;
  }
  return n;
}

std::string fold_sheet_name(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    auto d = utf8::decode(name, i);
    utf8::append(out, d.cp == utf8::kInvalid ? U'_' : fold(d.cp));
    i += d.len;
  }
  return out;
}

std::string sanitize_sheet_name(std::string_view want, size_t max_units,
                                std::string_view fallback) {
  std::u32string cps;
  for (size_t i = 0; i < want.size();) {
    auto d = utf8::decode(want, i);
    cps.push_back(forbidden(d.cp) ? U'_' : d.cp);
    i += d.len;
  }
  auto trim = [&] {
    while (!cps.empty() && trimmable(cps.front())) cps.erase(cps.begin());
    while (!cps.empty() && trimmable(cps.back())) cps.pop_back();
  };
  trim();
  size_t units = 0, keep = 0;
  for (; keep < cps.size(); ++keep) {
    const size_t u = cps[keep] > 0xFFFF ? 2 : 1;
    if (units + u > max_units) break;
    units += u;
  }
  cps.resize(keep);
  trim();  // the cut may expose a trailing apostrophe or space
  std::string out;
  for (char32_t c : cps) utf8::append(out, c);
  if (out.empty() || fold_sheet_name(out) == "history") return std::string(fallback);
  return out;
}

bool SheetNamer::taken(std::string_view name) const {
  return folded_.count(fold_sheet_name(name)) > 0;
}

void SheetNamer::reserve(const std::string& name) {
  folded_.insert(fold_sheet_name(name));
}

std::string SheetNamer::unique(std::string_view want) {
  std::string name = sanitize_sheet_name(want);
  for (int n = 2; taken(name); ++n) {
    const std::string suffix = "(" + std::to_string(n) + ")";
    name = sanitize_sheet_name(want, kMaxSheetNameUnits - suffix.size()) + suffix;
  }
  reserve(name);
  return name;
}

}  // namespace bp::xlsx
