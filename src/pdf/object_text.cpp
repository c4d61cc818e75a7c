#include "pdf/object_text.hpp"

#include <charconv>
#include <cstdint>

namespace bp::pdf {

namespace {

// PoDoFo's PdfTokenizer: a name character is written as it is if it is neither white space nor a
// delimiter, lies in 33..124 ("printable" there) and is not '#'; otherwise as #XX (upper case).
bool plain_name_char(unsigned char c) {
  if (c <= 32 || c >= 125 || c == '#') return false;
  switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '%':
      return false;
    default:
      return true;
  }
}

void append_name(std::string& out, const std::string& name) {
  out += '/';
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (plain_name_char(c)) {
      out += ch;
    } else {
      out += '#';
      out += "0123456789ABCDEF"[c / 16];
      out += "0123456789ABCDEF"[c % 16];
    }
  }
}

template <typename Int>
void append_int(std::string& out, Int v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// `std::fixed` with the default precision of 6, then trailing zeros and a trailing point dropped.
void append_real(std::string& out, double d) {
  char buf[400];  // DBL_MAX in fixed notation has 309 digits before the point
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, 6);
  size_t len = static_cast<size_t>(r.ptr - buf);
  if (r.ec != std::errc() || std::string_view(buf, len).find('.') == std::string_view::npos) {
    out.append(buf, r.ec == std::errc() ? len : 0);  // inf and nan: without the point
    return;
  }
  while (buf[len - 1] == '0') --len;
  if (buf[len - 1] == '.') --len;
  if (len == 0)
    out += '0';
  else
    out.append(buf, len);
}

void append_string(std::string& out, const std::string& bytes) {
  out += '(';
  for (const char c : bytes) {
    char esc = 0;
    switch (c) {
      case '\n':
        esc = 'n';
        break;
      case '\r':
        esc = 'r';
        break;
      case '\t':
        esc = 't';
        break;
      case '\b':
        esc = 'b';
        break;
      case '\f':
        esc = 'f';
        break;
      case '(':
      case ')':
      case '\\':
        esc = c;
        break;
      default:
        break;
    }
    if (esc) {
      out += '\\';
      out += esc;
    } else {
      out += c;
    }
  }
  out += ')';
}

struct Writer {
  std::string& out;
  void operator()(std::monostate) const { out += " null"; }
  void operator()(bool b) const { out += b ? " true" : " false"; }
  void operator()(int64_t i) const {
    out += ' ';
    append_int(out, static_cast<long long>(i));
  }
  void operator()(double d) const {
    out += ' ';
    append_real(out, d);
  }
  void operator()(const Name& n) const { append_name(out, n.bytes); }
  void operator()(const String& s) const { append_string(out, s.bytes); }
  void operator()(const Ref& r) const {
    out += ' ';
    append_int(out, static_cast<int>(r.num));  // "%i %hi R"
    out += ' ';
    append_int(out, static_cast<short>(r.gen));
    out += " R";
  }
  void operator()(const Array& a) const {
    out += '[';
    for (const Object& item : a) append_object_text(out, item);
    out += ']';
  }
  void operator()(const Dict& d) const {
    out += "<<";
    if (const Object* type = d.get("Type")) {
      out += "/Type";
      append_object_text(out, *type);
    }
    for (const auto& [key, value] : d.entries()) {
      if (key == "Type") continue;
      append_name(out, key);
      append_object_text(out, value);
    }
    out += ">>";
  }
};

}  // namespace

void append_object_text(std::string& out, const Object& v) {
  std::visit(Writer{out}, v.value());
}

void append_indirect(std::string& out, uint32_t num, const Indirect& o) {
  append_int(out, static_cast<int>(num));
  out += " 0 obj";
  append_object_text(out, o.value);
  out += '\n';
  if (o.stream) {
    out += "stream\n";
    out += *o.stream;
    out += "\nendstream\n";
  }
  out += "endobj\n";
}

}  // namespace bp::pdf
