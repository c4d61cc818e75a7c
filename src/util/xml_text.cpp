#include "util/xml_text.hpp"

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp {

bool is_xml_safe(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned c = p[i];
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    // Most text here is Chinese: three bytes led by E1–EC or EE are U+1000–U+CFFF or U+E000–U+EFFF,
    // all XML characters, whenever the two bytes after the lead are continuation bytes (every cell
    // of a workbook is checked; decoding each character was 1 M instructions per department).
    if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE) && i + 2 < s.size() && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid() || !chars::is_xml_char(d.cp)) return false;
    i += d.len;
  }
  return true;
}

std::string xml_safe(std::string_view s) {
  if (is_xml_safe(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid()) {
      utf8::append(out, utf8::kReplacement);
    } else if (chars::is_xml_char(d.cp)) {
      out.append(s.substr(i, d.len));
    } else if (d.cp >= 0x20) {  // U+FFFE, U+FFFF
      utf8::append(out, utf8::kReplacement);
    }  // else: a forbidden C0 control, dropped
    i += d.len;
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  const std::string safe = xml_safe(s);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace bp
