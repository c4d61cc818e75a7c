#include "docx/docx_file.hpp"

#include <iostream>

#include "docx/docx.hpp"
#include "docx/from_layout.hpp"

namespace bp::docx {

FileStats write_docx_file(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                          const std::filesystem::path& out) {
  return write_docx_file(
      d, theme, [&] { return options_from_layout(d, theme, fonts); }, out);
}

FileStats write_docx_file(const doc::Document& d, const layout::Theme& theme,
                          const std::function<Options()>& from_layout,
                          const std::filesystem::path& out, bool staged, SyncFile sync_file) {
  Options o;
  FileStats st;
  try {
    o = from_layout();
    st.from_layout = true;
  } catch (const std::exception& e) {
    std::cerr << "警告：" << out.filename().string() << " 的目录页码未能排版（" << e.what()
              << "），留待 Word 更新域时填写\n";
  }
  st.bytes = write_docx(d, theme, o, out, staged, sync_file);
  return st;
}

}  // namespace bp::docx
