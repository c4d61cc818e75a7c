#include "util/file_names.hpp"

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
  const bool control =
      (c >= 0x80 && c <= 0x9F) || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  return control ? d.len : 0;
}
}  // namespace

std::string sanitize_file_component(std::string_view s, size_t max_bytes) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (size_t n = invisible_control(s, i)) {
      out.push_back('_');
      i += n - 1;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool bad = c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
               c == '"' || c == '<' || c == '>' || c == '|';
    out.push_back(bad ? '_' : static_cast<char>(c));
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
