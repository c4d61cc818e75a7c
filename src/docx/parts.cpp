#include "docx/parts.hpp"

#include <algorithm>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "docx/picture.hpp"
#include "docx/props.hpp"
#include "docx/runs.hpp"
#include "docx/styles.hpp"
#include "docx/xml.hpp"
#include "text/kinsoku_lists.hpp"

#ifndef BP_VERSION
#define BP_VERSION "0"
#endif

namespace bp::docx {

using xml::add;
using xml::add_val;
using xml::attr;

namespace {

constexpr const char* kPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

void relationship(pugi::xml_node root, const char* id, const std::string& type,
                  const char* target) {
  auto r = add(root, "Relationship");
  attr(r, "Id", id);
  attr(r, "Type", type);
  attr(r, "Target", target);
}

void override_part(pugi::xml_node root, const char* part, const std::string& type) {
  auto o = add(root, "Override");
  attr(o, "PartName", part);
  attr(o, "ContentType", type);
}

void text_element(pugi::xml_node parent, const char* name, const std::string& text) {
  if (!text.empty()) add(parent, name).text().set(xml::clean_text(text).c_str());
}

// Replaces the first `key` in `s` by nothing and returns the parts before and after it.
std::pair<std::string, std::string> split_at(const std::string& s, const std::string& key) {
  size_t k = s.find(key);
  if (k == std::string::npos) return {s, ""};
  return {s.substr(0, k), s.substr(k + key.size())};
}

}  // namespace

std::string w3cdtf(int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string content_types_xml(const PartSet& s) {
  pugi::xml_document d;
  auto root = xml::start(d, "Types");
  attr(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  auto def = [&](const char* ext, const char* type) {
    auto e = add(root, "Default");
    attr(e, "Extension", ext);
    attr(e, "ContentType", type);
  };
  def("rels", "application/vnd.openxmlformats-package.relationships+xml");
  def("xml", "application/xml");
  if (s.logo) def("png", "image/png");
  override_part(root, "/word/document.xml", std::string(kWml) + "document.main+xml");
  override_part(root, "/word/styles.xml", std::string(kWml) + "styles+xml");
  override_part(root, "/word/settings.xml", std::string(kWml) + "settings+xml");
  override_part(root, "/word/fontTable.xml", std::string(kWml) + "fontTable+xml");
  if (s.footer) override_part(root, "/word/footer1.xml", std::string(kWml) + "footer+xml");
  if (s.header) override_part(root, "/word/header1.xml", std::string(kWml) + "header+xml");
  override_part(root, "/docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml");
  override_part(root, "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return xml::to_string(d);
}

std::string root_rels_xml() {
  pugi::xml_document d;
  auto root = xml::start(d, "Relationships");
  attr(root, "xmlns", kPkgRels);
  relationship(root, "rId1", std::string(kOfficeRel) + "officeDocument", "word/document.xml");
  relationship(
      root, "rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml");
  relationship(root, "rId3", std::string(kOfficeRel) + "extended-properties", "docProps/app.xml");
  return xml::to_string(d);
}

std::string document_rels_xml(const PartSet& s) {
  pugi::xml_document d;
  auto root = xml::start(d, "Relationships");
  attr(root, "xmlns", kPkgRels);
  relationship(root, kRelStyles, std::string(kOfficeRel) + "styles", "styles.xml");
  relationship(root, kRelSettings, std::string(kOfficeRel) + "settings", "settings.xml");
  relationship(root, kRelFontTable, std::string(kOfficeRel) + "fontTable", "fontTable.xml");
  if (s.footer) relationship(root, kRelFooter, std::string(kOfficeRel) + "footer", "footer1.xml");
  if (s.header) relationship(root, kRelHeader, std::string(kOfficeRel) + "header", "header1.xml");
  if (s.logo) relationship(root, kRelLogo, std::string(kOfficeRel) + "image", "media/logo.png");
  return xml::to_string(d);
}

std::string core_xml(const doc::Meta& m) {
  pugi::xml_document d;
  auto root = xml::start(d, "cp:coreProperties");
  attr(root, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  attr(root, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  attr(root, "xmlns:dcterms", "http://purl.org/dc/terms/");
  attr(root, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  attr(root, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  text_element(root, "dc:title", m.title);
  text_element(root, "dc:subject", m.subject);
  text_element(root, "dc:creator", m.author);
  text_element(root, "cp:keywords", m.keywords);
  text_element(root, "dc:language", m.lang);
  text_element(root, "cp:lastModifiedBy", m.author);
  if (m.epoch > 0) {
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
      auto e = add(root, name);
      attr(e, "xsi:type", "dcterms:W3CDTF");
      e.text().set(w3cdtf(m.epoch).c_str());
    }
  }
  return xml::to_string(d);
}

std::string app_xml(const doc::Meta& m) {
  pugi::xml_document d;
  auto root = xml::start(d, "Properties");
  attr(root, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  attr(root, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  text_element(root, "Template", "Normal.dotm");
  text_element(root, "Application", std::string("BudgetPress/") + BP_VERSION);
  text_element(root, "DocSecurity", "0");
  text_element(root, "ScaleCrop", "false");
  text_element(root, "Company", m.author);
  text_element(root, "LinksUpToDate", "false");
  text_element(root, "SharedDoc", "false");
  text_element(root, "HyperlinksChanged", "false");
  return xml::to_string(d);
}

std::string settings_xml(const layout::Theme& theme) {
  pugi::xml_document d;
  auto root = xml::start(d, "w:settings");
  attr(root, "xmlns:w", xml::kW);
  attr(root, "xmlns:r", xml::kR);
  attr(add(root, "w:zoom"), "w:percent", 100);
  // Two characters of body text: Chinese documents indent and align by characters.
  add_val(root, "w:defaultTabStop", static_cast<long long>(theme.body.size * 2 * 20 + 0.5));
  // Mainland convention: punctuation is compressed (adjusted), not hung.
  add_val(root, "w:characterSpacingControl", "compressPunctuation");
  // 禁则 at the theme's level: the sets of our own line breaker (text/kinsoku_lists).
  const text::KinsokuLists kinsoku = text::kinsoku_lists(theme.kinsoku);
  attr(add_val(root, "w:noLineBreaksAfter", kinsoku.no_line_end), "w:lang", "zh-CN");
  attr(add_val(root, "w:noLineBreaksBefore", kinsoku.no_line_start), "w:lang", "zh-CN");
  // The 目录 carries the page numbers of our layout; Word refreshes the fields on open.
  add_val(root, "w:updateFields", 1);
  auto compat = add(root, "w:compat");
  auto cs = add(compat, "w:compatSetting");
  attr(cs, "w:name", "compatibilityMode");
  attr(cs, "w:uri", "http://schemas.microsoft.com/office/word");
  attr(cs, "w:val", "15");
  auto lang = add_val(root, "w:themeFontLang", "en-US");
  attr(lang, "w:eastAsia", "zh-CN");
  add_val(root, "w:decimalSymbol", ".");
  add_val(root, "w:listSeparator", ",");
  return xml::to_string(d);
}

namespace {

// The Chinese faces of Windows and WPS as Word describes them in its own font tables: Chinese and
// English name, PANOSE, family and pitch (charset 86 = GB2312 for all). Word and WPS read altName
// and these fields when the named face is missing, and pick the face they describe rather than
// whatever their substitution table says.
struct OfficeFace {
  const char* zh;
  const char* en;
  const char* panose;
  const char* family;
  const char* pitch;
};
constexpr OfficeFace kOfficeFaces[] = {
    {"宋体", "SimSun", "02010600030101010101", "auto", "variable"},
    {"黑体", "SimHei", "02010609060101010101", "modern", "fixed"},
    {"仿宋", "FangSong", "02010609060101010101", "modern", "fixed"},
    {"楷体", "KaiTi", "02010609060101010101", "modern", "fixed"},
    {"微软雅黑", "Microsoft YaHei", "020B0503020204020204", "swiss", "variable"},
};

const OfficeFace* office_face(const std::string& name) {
  for (const auto& f : kOfficeFaces)
    if (name == f.zh || name == f.en) return &f;
  return nullptr;
}

void font_entry(pugi::xml_node root, const std::string& name, const std::string& alt,
                const OfficeFace* like, const char* family) {
  auto f = add(root, "w:font");
  attr(f, "w:name", name);
  if (!alt.empty() && alt != name) add_val(f, "w:altName", alt);
  if (like) add_val(f, "w:panose1", like->panose);
  add_val(f, "w:charset", "86");
  add_val(f, "w:family", like && !family ? like->family : family ? family : "auto");
  add_val(f, "w:pitch", like ? like->pitch : "variable");
}

}  // namespace

std::string font_table_xml(const layout::Theme& theme) {
  pugi::xml_document d;
  auto root = xml::start(d, "w:fonts");
  attr(root, "xmlns:w", xml::kW);
  attr(root, "xmlns:r", xml::kR);
  // The theme's faces name their office stand-in (theme fonts.office_serif / office_sans) as
  // altName, with its PANOSE, so that a bureau machine without Noto CJK shows 宋体 / 黑体 and not
  // whatever its substitution picks; the stand-ins follow with their English altName.
  std::vector<std::string> named;
  auto once = [&](const std::string& n) {
    if (std::find(named.begin(), named.end(), n) != named.end()) return false;
    named.push_back(n);
    return true;
  };
  const std::pair<const std::string*, const std::string*> roles[] = {
      {&theme.serif, &theme.office_serif}, {&theme.sans, &theme.office_sans}};
  const char* families[] = {"roman", "swiss"};
  for (size_t i = 0; i < 2; ++i) {
    const auto [face, office] = roles[i];
    if (!once(*face)) continue;
    const OfficeFace* own = office_face(*face);
    if (own)
      font_entry(root, *face, *face == own->zh ? own->en : own->zh, own, nullptr);
    else
      font_entry(root, *face, *office, office_face(*office), families[i]);
  }
  // The extra roles of a theme (公文: fangsong, kaiti, title) and bold families: a role named
  // after an office face gets that face as its stand-in (FandolFang → 仿宋).
  const std::pair<const char*, const char*> role_office[] = {
      {"fangsong", "仿宋"}, {"kaiti", "楷体"}, {"heiti", "黑体"}, {"title", "宋体"}};
  auto extra = [&](const std::string& role, const std::string& name) {
    if (!once(name)) return;
    const OfficeFace* own = office_face(name);
    if (own) return font_entry(root, name, name == own->zh ? own->en : own->zh, own, nullptr);
    std::string office;
    for (const auto& [r, o] : role_office)
      if (role == r) office = o;
    font_entry(root, name, office, office.empty() ? nullptr : office_face(office),
               office.empty() ? "roman" : nullptr);
  };
  for (const auto& [role, name] : theme.roles) extra(role, name);
  for (const auto& [role, name] : theme.bold_families) extra(role, name);
  for (const auto* office : {&theme.office_serif, &theme.office_sans}) {
    const OfficeFace* f = office_face(*office);
    const std::string name = f ? f->zh : *office;
    if (office->empty() || !once(name)) continue;
    font_entry(root, name, f ? f->en : "", f, nullptr);
  }
  return xml::to_string(d);
}

std::string footer_xml(const layout::Theme& theme) {
  if (theme.page_number.empty()) return "";
  pugi::xml_document d;
  auto root = xml::start(d, "w:ftr");
  attr(root, "xmlns:w", xml::kW);
  attr(root, "xmlns:r", xml::kR);
  auto p = add(root, "w:p");
  write_ppr(p, {.style = style_id::kFooter, .align = doc::Align::Center});
  auto [before, after] = split_at(theme.page_number, "{n}");
  if (!before.empty()) add_run(p, before);
  if (theme.page_number.find("{n}") != std::string::npos) add_field(p, "PAGE", "1");
  if (!after.empty()) add_run(p, after);
  return xml::to_string(d);
}

std::string header_xml(const layout::Theme& theme, const doc::Meta& meta) {
  if (theme.header_text.empty()) return "";
  std::string text = theme.header_text;
  for (size_t k = text.find("{title}"); k != std::string::npos;
       k = text.find("{title}", k + meta.title.size()))
    text.replace(k, 7, meta.title);
  pugi::xml_document d;
  auto root = xml::start(d, "w:hdr");
  attr(root, "xmlns:w", xml::kW);
  attr(root, "xmlns:r", xml::kR);
  auto p = add(root, "w:p");
  write_ppr(p, {.style = style_id::kHeader, .align = doc::Align::Center});
  add_run(p, text);
  return xml::to_string(d);
}

}  // namespace bp::docx
