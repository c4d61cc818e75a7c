#include "util/file_names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "util/char_classes.hpp"
#include "util/utf8.hpp"

namespace bp {

namespace {
// Length of an invisible control character at s[i] that is not ASCII: C1 controls (U+0080–U+009F,
// which some terminals obey when a listing prints the name), the line/paragraph separators and the
// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a
// listing show "x<RLO>fdp.exe" as "xexe.pdf". 0 when there is none.
size_t invisible_control(std::string_view s, size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return 0;
  const utf8::Decoded d = utf8::decode(s, i);
  const char32_t c = d.cp;
  const bool control = (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
                       chars::is_bidi_control(c) || chars::is_noncharacter(c);
  return control ? d.len : 0;
}

// NFC: "é" typed as e + U+0301 and as U+00E9 name the same file (macOS, Windows and Linux tools
// disagree on which form they keep). ICU's normalizer; the text is returned as it is when ICU
// cannot normalize it (invalid UTF-8 is replaced by '_' below anyway).
std::string nfc(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid()) return std::string(s);
    i += d.len;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || !n) return std::string(s);
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (n->isNormalized(in, err) && U_SUCCESS(err)) return std::string(s);
  err = U_ZERO_ERROR;
  const icu::UnicodeString norm = n->normalize(in, err);
  if (U_FAILURE(err)) return std::string(s);
  std::string out;
  norm.toUTF8String(out);
  return out;
}
}  // namespace

std::string sanitize_file_component(std::string_view raw, size_t max_bytes) {
  // Invisible characters (zero width space, joiners, direction marks, BOM) are dropped: a file
  // name must not differ from what a listing shows.
  std::string visible;
  visible.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const utf8::Decoded d = utf8::decode(raw, i);
    if (!d.valid() || !chars::is_invisible(d.cp)) visible.append(raw.substr(i, d.len));
    i += d.len;
  }
  const std::string s = nfc(visible);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid()) {
      out.push_back('_');  // an invalid byte never reaches a file name
      i += d.len;
      continue;
    }
    if (size_t n = invisible_control(s, i)) {
      out.push_back('_');
      i += n;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (d.len > 1) {
      out.append(s, i, d.len);
      i += d.len;
      continue;
    }
    bool bad = c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
               c == '"' || c == '<' || c == '>' || c == '|';
    out.push_back(bad ? '_' : static_cast<char>(c));
    ++i;
  }
  size_t start = 0;
  while (start < out.size() && (out[start] == '.' || out[start] == ' ')) ++start;
  out.erase(0, start);
  if (out.size() > max_bytes) {
    out.resize(utf8::floor_boundary(out, max_bytes));  // no character is split
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  if (out.empty()) out = "_";
  return out;
}

std::string department_file_stem(std::string_view code, std::string_view name) {
  return sanitize_file_component(std::string(code) + "-" + std::string(name));
}

}  // namespace bp
