#include "util/file_names.hpp"

namespace bp {

namespace {
// Length of an invisible control character at s[i] that is not ASCII: C1 controls (U+0080–U+009F,
// which some terminals obey when a listing prints the name), the line/paragraph separators and the
// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a
// listing show "x<RLO>fdp.exe" as "xexe.pdf". 0 when there is none.
size_t invisible_control(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (at(i) == 0xC2 && i + 1 < s.size() && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) return 2;
  if (at(i) == 0xE2 && i + 2 < s.size()) {
    const unsigned b = at(i + 1), c = at(i + 2);
    if (b == 0x80 && c >= 0xA8 && c <= 0xAE) return 3;  // U+2028–U+202E
    if (b == 0x81 && c >= 0xA6 && c <= 0xA9) return 3;  // U+2066–U+2069
  }
  return 0;
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
    size_t cut = max_bytes;
    // Step back over UTF-8 continuation bytes so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  if (out.empty()) out = "_";
  return out;
}

std::string department_file_stem(std::string_view code, std::string_view name) {
  return sanitize_file_component(std::string(code) + "-" + std::string(name));
}

}  // namespace bp
