#include "xlsx/workbook.hpp"

#include <algorithm>
#include <stdexcept>

#include "util/libc_time.hpp"
#include "util/xml_text.hpp"

namespace bp::xlsx {

namespace {

uint8_t lxw_align(doc::Align a) {
  switch (a) {
    case doc::Align::Center:
      return LXW_ALIGN_CENTER;
    case doc::Align::Right:
      return LXW_ALIGN_RIGHT;
    case doc::Align::Justify:
      return LXW_ALIGN_JUSTIFY;
    case doc::Align::Left:
      break;
  }
  return LXW_ALIGN_LEFT;
}

}  // namespace

Workbook::Workbook(const std::filesystem::path& path, std::string font, TypeSizes type)
    : path_(path.string()), font_(std::move(font)), type_(type) {
  lxw_workbook_options opt = {};
  opt.constant_memory = LXW_FALSE;  // merged ranges need the rows buffered
  wb_ = lxw::workbook_new_opt(path_.c_str(), &opt);
  if (!wb_) throw std::runtime_error(path_ + ": 无法创建 xlsx 工作簿");
}

Workbook::~Workbook() {
  if (wb_)
    lxw::lxw_workbook_free(wb_);  // not closed: an exception is unwinding; nothing is written
}

void Workbook::fail(lxw_error e, std::string_view what) const {
  throw std::runtime_error(path_ + ": " + std::string(what) + ": " + lxw::lxw_strerror(e) +
                           " (libxlsxwriter " + std::to_string(static_cast<int>(e)) + ")");
}

lxw_worksheet* Workbook::add_sheet(const std::string& name) {
  lxw_error e = lxw::workbook_validate_sheet_name(wb_, name.c_str());
  check(e, "工作表名“" + name + "”");
  lxw_worksheet* ws = lxw::workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw std::runtime_error(path_ + ": 无法添加工作表“" + name + "”");
  return ws;
}

lxw_format* Workbook::format(const Style& style) {
  // A style without a size is body text: keyed by its size, so that it shares the format of a
  // style that names the body size.
  if (style.size <= 0) {
    Style sized = style;
    sized.size = type_.body;
    return format(sized);
  }
  const Style& s = style;
  if (auto it = formats_.find(s); it != formats_.end()) return it->second;
  lxw_format* f = lxw::workbook_add_format(wb_);
  if (!f) throw std::runtime_error(path_ + ": 无法创建单元格格式");
  lxw::format_set_font_name(f, font_.c_str());
  lxw::format_set_font_size(f, s.size);
  if (s.bold) lxw::format_set_bold(f);
  lxw::format_set_align(f, lxw_align(s.align));
  lxw::format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (s.border) lxw::format_set_border(f, LXW_BORDER_THIN);
  if (s.wrap) lxw::format_set_text_wrap(f);
  if (s.indent > 0) lxw::format_set_indent(f, static_cast<uint8_t>(std::min(s.indent, 15)));
  if (!s.num_format.empty()) lxw::format_set_num_format(f, s.num_format.c_str());
  if (s.unlocked) lxw::format_set_unlocked(f);
  if (s.link) {
    lxw::format_set_underline(f, LXW_UNDERLINE_SINGLE);
    lxw::format_set_font_color(f, LXW_COLOR_BLUE);
  }
  formats_.emplace(s, f);
  return f;
}

void Workbook::set_properties(const Properties& p) {
  if (p.created <= 0) throw std::logic_error("xlsx: creation time must be positive");
  // libxlsxwriter copies the strings; the pointers only need to live through the call.
  // docProps/core.xml is written verbatim: a control character in a department name made it
  // ill-formed XML.
  std::string title = xml_safe(p.title), subject = xml_safe(p.subject), author = xml_safe(p.author),
              keywords = xml_safe(p.keywords), comments = xml_safe(p.comments);
  lxw_doc_properties props = {};
  props.title = title.data();
  props.subject = subject.data();
  props.author = author.data();
  props.keywords = keywords.data();
  props.comments = comments.data();
  props.created = static_cast<time_t>(p.created);
  check(lxw::workbook_set_properties(wb_, &props), "文档属性");
}

void Workbook::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;  // workbook_close frees the workbook whatever it returns
  lxw_error rc;
  {
    // workbook_close calls gmtime(): the program's thread-safe one (util/libc_time.hpp), so the
    // workers' closes run side by side.
    const LibcTimeUse time_use;
    rc = lxw::workbook_close(wb);
  }
  check(rc, "写入工作簿");
}

}  // namespace bp::xlsx
