#include "pdf/object_text.hpp"

#include <charconv>
#include <cstdint>

namespace bp::pdf {

using namespace PoDoFo;

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
      // PoDoFo refuses a NUL in a name; it cannot be in a name we made (PdfName from C strings).
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

// `std::fixed` with the default precision of 6 (what PoDoFo's stream gives), then trailing zeros
// and a trailing point dropped, as PoDoFo does in compact mode.
void append_real(std::string& out, double d) {
  char buf[400];  // DBL_MAX in fixed notation has 309 digits before the point
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, 6);
  size_t len = static_cast<size_t>(r.ptr - buf);
  if (r.ec != std::errc() || std::string_view(buf, len).find('.') == std::string_view::npos) {
    out.append(buf, r.ec == std::errc() ? len : 0);  // inf and nan: as PoDoFo, without the point
    return;
  }
  while (buf[len - 1] == '0') --len;
  if (buf[len - 1] == '.') --len;
  if (len == 0)
    out += '0';
  else
    out.append(buf, len);
}

// PoDoFo's own writer, for the values this file does not write itself.
void append_by_podofo(std::string& out, const PdfVariant& v) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  v.Write(&device, ePdfWriteMode_Compact, nullptr);
  out.append(buffer.GetBuffer(), device.GetLength());
}

}  // namespace

void append_object_text(std::string& out, const PdfVariant& v) {
  switch (v.GetDataType()) {
    case ePdfDataType_Bool:
      out += v.GetBool() ? " true" : " false";
      return;
    case ePdfDataType_Number:
      out += ' ';
      append_int(out, static_cast<long long>(v.GetNumber()));
      return;
    case ePdfDataType_Real:
      out += ' ';
      append_real(out, v.GetReal());
      return;
    case ePdfDataType_Name:
      append_name(out, v.GetName().GetName());
      return;
    case ePdfDataType_Reference: {
      const PdfReference& r = v.GetReference();
      out += ' ';
      append_int(out, static_cast<int>(r.ObjectNumber()));  // "%i %hi R"
      out += ' ';
      append_int(out, static_cast<short>(r.GenerationNumber()));
      out += " R";
      return;
    }
    case ePdfDataType_Array:
      out += '[';
      for (const PdfObject& item : v.GetArray()) append_object_text(out, item);
      out += ']';
      return;
    case ePdfDataType_Dictionary: {
      // /Type first, then the other keys in PoDoFo's order (its key map is sorted).
      const PdfDictionary& d = v.GetDictionary();
      out += "<<";
      if (const PdfObject* type = d.GetKey(PdfName::KeyType)) {
        out += "/Type";
        append_object_text(out, *type);
      }
      for (const auto& [key, value] : d.GetKeys()) {
        if (key == PdfName::KeyType) continue;
        append_name(out, key.GetName());
        append_object_text(out, *value);
      }
      out += ">>";
      return;
    }
    default:  // strings, hex strings, raw data, null
      append_by_podofo(out, v);
      return;
  }
}

}  // namespace bp::pdf
