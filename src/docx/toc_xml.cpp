#include "docx/toc_xml.hpp"

#include <algorithm>
#include <climits>

#include "docx/props.hpp"
#include "docx/runs.hpp"
#include "docx/styles.hpp"
#include "docx/xml.hpp"

namespace bp::docx {

void write_toc(pugi::xml_node body, const doc::Toc& toc, const Bookmarks& bookmarks,
               const std::map<std::string, int>& page_numbers, bool page_break_before) {
  if (!toc.title.empty() || page_break_before) {
    auto p = xml::add(body, "w:p");
    ParaProps pp;
    pp.style = style_id::kTocHeading;
    pp.page_break_before = page_break_before;
    write_ppr(p, pp);
    if (!toc.title.empty()) add_run(p, toc.title);
  }
  int shallowest = INT_MAX;
  for (const auto& e : toc.entries) shallowest = std::min(shallowest, e.level);

  if (toc.entries.empty()) {  // an empty field Word can still fill
    auto p = xml::add(body, "w:p");
    write_ppr(p, ParaProps{.style = toc_style(1)});
    add_field(p, kTocInstruction, "");
    return;
  }
  for (size_t i = 0; i < toc.entries.size(); ++i) {
    const doc::TocEntry& e = toc.entries[i];
    const std::string target = e.target.empty() ? std::string() : bookmarks.name(e.target);
    auto p = xml::add(body, "w:p");
    ParaProps pp;
    pp.style =
        e.target.empty() ? std::string(style_id::kTocGroup) : toc_style(e.level - shallowest + 1);
    write_ppr(p, pp);
    if (target.empty()) {
      add_run(p, e.text);
    } else {
      auto link = xml::add(p, "w:hyperlink");
      xml::attr(link, "w:anchor", target);
      xml::attr(link, "w:history", 1);
      add_run(link, e.text);
      add_run(link, "\t");
      auto it = page_numbers.find(e.target);
      const std::string cached = it == page_numbers.end() ? "" : std::to_string(it->second);
      add_field(link, "PAGEREF " + target + " \\h", cached);
    }
  }
}

}  // namespace bp::docx
