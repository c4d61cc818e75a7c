#include "docx/runs.hpp"

#include <string>

#include "docx/xml.hpp"

namespace bp::docx {

using xml::add;
using xml::attr;

namespace {

pugi::xml_node new_run(pugi::xml_node parent, const RunProps* props) {
  auto r = add(parent, "w:r");
  if (props) write_rpr(r, *props);
  return r;
}

pugi::xml_node fld_char(pugi::xml_node parent, const char* type) {
  auto r = add(parent, "w:r");
  attr(add(r, "w:fldChar"), "w:fldCharType", type);
  return r;
}

}  // namespace

void add_run(pugi::xml_node parent, std::string_view raw, const RunProps* props) {
  const std::string text = xml::clean_text(raw);
  auto r = new_run(parent, props);
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\t' && text[i] != '\n') continue;
    if (i > start) xml::add_text(r, std::string_view(text).substr(start, i - start));
    if (i < text.size()) add(r, text[i] == '\t' ? "w:tab" : "w:br");
    start = i + 1;
  }
}

void add_field_begin(pugi::xml_node parent, std::string_view instr) {
  fld_char(parent, "begin");
  auto r = add(parent, "w:r");
  auto t = add(r, "w:instrText");
  t.append_attribute("xml:space") = "preserve";
  t.text().set((" " + std::string(instr) + " ").c_str());
}

void add_field_separate(pugi::xml_node parent) {
  fld_char(parent, "separate");
}
void add_field_end(pugi::xml_node parent) {
  fld_char(parent, "end");
}

void add_field(pugi::xml_node parent, std::string_view instr, std::string_view cached,
               const RunProps* props) {
  add_field_begin(parent, instr);
  add_field_separate(parent);
  if (!cached.empty()) add_run(parent, cached, props);
  add_field_end(parent);
}

void add_bookmark_start(pugi::xml_node parent, int id, std::string_view name) {
  auto b = add(parent, "w:bookmarkStart");
  attr(b, "w:id", id);
  attr(b, "w:name", name);
}

void add_bookmark_end(pugi::xml_node parent, int id) {
  attr(add(parent, "w:bookmarkEnd"), "w:id", id);
}

}  // namespace bp::docx
