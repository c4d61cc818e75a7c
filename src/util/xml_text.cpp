#include "util/xml_text.hpp"

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp {

bool is_xml_safe(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
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
