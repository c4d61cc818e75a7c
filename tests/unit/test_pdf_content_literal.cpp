// Content streams write each glyph's 2-byte CID into literal strings (pdf/content_stream.cpp):
// every CID, including those whose bytes are the string delimiters, the backslash, a carriage
// return or a line feed, must read back as itself with the PDF rules for literal strings
// (ISO 32000-1 7.3.4.2), which this test implements on its own. And the rules of one width are
// one path stroked once.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../tools/engine_support.hpp"
#include "pdf/content_stream.hpp"

using namespace bp;

namespace {

// The bytes of the literal strings of the first TJ array in `content`, in order (adjustments
// between them skipped). A reader's rules: "\\" "\(" "\)" "\r" "\n" escapes, an unescaped CR,
// LF or CR LF is one LF.
std::string tj_bytes(const std::string& content) {
  const size_t at = content.find("[(");
  REQUIRE(at != std::string::npos);
  std::string out;
  size_t i = at + 1;
  bool in_string = false;
  while (i < content.size()) {
    const char c = content[i++];
    if (!in_string) {
      if (c == '(') in_string = true;
      if (c == ']') break;
      continue;
    }
    if (c == ')') {
      in_string = false;
    } else if (c == '\\') {
      const char e = content[i++];
      out += e == 'r' ? '\r' : e == 'n' ? '\n' : e;
    } else if (c == '\r') {
      if (i < content.size() && content[i] == '\n') ++i;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("glyph CIDs read back from the content stream's literal strings", "[pdf][content]") {
  const text::Font& font = testing::shared_fonts().get("Noto Serif CJK SC", false);
  // CIDs whose high or low byte needs care, and plain ones.
  const std::vector<uint32_t> cids = {0x0D0A, 0x0A0D, 0x2829, 0x295C, 0x5C28, 0x000D,
                                      0x0D00, 0x4142, 0x0000, 0xFFFF, 0x0D0D, 0x5C5C};
  pdf::FontSubset sub;
  layout::Page page;
  page.width = 595;
  page.height = 842;
  layout::TextItem item;
  item.x = 72;
  item.y = 100;
  double x = 0;
  for (size_t k = 0; k < cids.size(); ++k) {
    const uint32_t gid = static_cast<uint32_t>(k + 1);
    sub.cid_of_gid[gid] = cids[k];
    text::PlacedGlyph g;
    g.font = &font;
    g.gid = gid;
    g.size = 12;
    g.x = x;
    x += font.advance(gid) * 12.0 / font.upem() + (k % 4 == 3 ? 1.5 : 0);  // some adjustments
    item.glyphs.push_back(g);
  }
  page.text.push_back(item);
  std::map<const text::Font*, pdf::FontRef> refs;
  refs[&font] = {0, "F1", &font, &sub, nullptr, nullptr};
  const std::string content = pdf::page_content(page, refs, nullptr, 0.03);
  CAPTURE(content);
  std::string want;
  for (uint32_t c : cids) {
    want += static_cast<char>(c >> 8);
    want += static_cast<char>(c & 0xFF);
  }
  CHECK(tj_bytes(content) == want);
  CHECK(content.find('\r') == std::string::npos);  // escaped, never raw
}

TEST_CASE("the rules of one width are one path with one stroke", "[pdf][content]") {
  layout::Page page;
  page.width = 595;
  page.height = 842;
  page.rules = {{70, 100, 520, 100, 0.5},
                {70, 120, 520, 120, 0.5},
                {70, 100, 70, 300, 0.5},
                {70, 90, 520, 90, 1},
                {520, 90, 520, 300, 1}};
  const std::string content = pdf::page_content(page, {}, nullptr, 0.03);
  CHECK(content ==
        "q 0 G 2 J 0 j\n0.5 w\n70 742 m 520 742 l\n70 722 m 520 722 l\n70 742 m 70 542 l\nS\n"
        "1 w\n70 752 m 520 752 l\n520 752 m 520 542 l\nS\nQ\n");
}
