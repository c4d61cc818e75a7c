#include "pdf/to_unicode.hpp"

#include <vector>

#include "pdf/pdf_format.hpp"

namespace bp::pdf {

namespace {
void append_utf16be(std::string& out, std::u32string_view s) {
  for (char32_t cp : s) {
    if (cp >= 0x10000) {
      cp -= 0x10000;
      append_hex16(out, 0xD800 + (cp >> 10));
      append_hex16(out, 0xDC00 + (cp & 0x3FF));
    } else {
      append_hex16(out, cp);
    }
  }
}
}  // namespace

std::string to_unicode_cmap(const std::map<uint32_t, std::u32string>& text_of_cid) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint32_t, const std::u32string*>> entries;
  for (const auto& [cid, s] : text_of_cid)
    if (!s.empty()) entries.push_back({cid, &s});
  for (size_t i = 0; i < entries.size(); i += 100) {  // at most 100 entries per block
    size_t n = std::min<size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      out += '<';
      append_hex16(out, entries[k].first);
      out += "> <";
      append_utf16be(out, *entries[k].second);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace bp::pdf
