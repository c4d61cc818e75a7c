#include "docx/docx.hpp"

#include "docx/body.hpp"
#include "docx/parts.hpp"
#include "docx/picture.hpp"
#include "docx/styles.hpp"
#include "util/atomic_file.hpp"
#include "util/config_error.hpp"
#include "util/png_info.hpp"

#include <fstream>
#include <sstream>
#include <variant>

namespace bp::docx {

namespace {
// The title page's logo file, checked to be a PNG ("" when there is none).
std::string logo_bytes(const doc::Document& d) {
  for (const auto& b : d.blocks)
    if (const auto* tp = std::get_if<doc::TitlePage>(&b); tp && !tp->logo.empty()) {
      std::string why;
      if (!read_png_info(tp->logo, &why))
        throw ConfigError(tp->logo, "封面标志图片不能用：" + why, "E605");
      std::ifstream in(tp->logo, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      return s.str();
    }
  return "";
}
}  // namespace

std::vector<ZipEntry> build_parts(const doc::Document& d, const layout::Theme& theme,
                                  const Options& o) {
  std::string footer = footer_xml(theme);
  std::string header = header_xml(theme, d.meta);
  const std::string logo = logo_bytes(d);
  const PartSet set{!footer.empty(), !header.empty(), !logo.empty()};
  BodyRefs refs;
  if (set.footer) refs.footer_rel = kRelFooter;
  if (set.header) refs.header_rel = kRelHeader;
  if (set.logo) refs.logo_rel = kRelLogo;

  std::vector<ZipEntry> parts;
  parts.push_back({"[Content_Types].xml", content_types_xml(set)});
  parts.push_back({"_rels/.rels", root_rels_xml()});
  parts.push_back({"docProps/core.xml", core_xml(d.meta)});
  parts.push_back({"docProps/app.xml", app_xml(d.meta)});
  parts.push_back({"word/document.xml", document_xml(d, theme, o, refs)});
  parts.push_back({"word/styles.xml", styles_xml(theme)});
  parts.push_back({"word/settings.xml", settings_xml(theme)});
  parts.push_back({"word/fontTable.xml", font_table_xml(theme)});
  if (set.footer) parts.push_back({"word/footer1.xml", std::move(footer)});
  if (set.header) parts.push_back({"word/header1.xml", std::move(header)});
  if (set.logo) parts.push_back({kLogoPart, logo});
  parts.push_back({"word/_rels/document.xml.rels", document_rels_xml(set)});
  return parts;
}

std::string render_docx(const doc::Document& d, const layout::Theme& theme, const Options& o) {
  return zip_entries(build_parts(d, theme, o), d.meta.epoch);
}

size_t write_docx(const doc::Document& d, const layout::Theme& theme, const Options& o,
                  const std::filesystem::path& out, bool staged, SyncFile sync_file) {
  const std::string bytes = render_docx(d, theme, o);
  write_file_atomic(out, bytes, staged ? SyncDirectory::no : SyncDirectory::yes, sync_file);
  return bytes.size();
}

}  // namespace bp::docx
