#include "util/file_names.hpp"

namespace bp {

std::string sanitize_file_component(std::string_view s, size_t max_bytes) {
  std::string out;
  for (unsigned char c : s) {
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
