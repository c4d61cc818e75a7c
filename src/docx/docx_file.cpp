#include "docx/from_config.hpp"

#include <iostream>

#include "docx/docx.hpp"
#include "docx/from_layout.hpp"

namespace bp::docx {

FileStats write_docx_file(const doc::Document& d, const layout::Theme& theme, text::FontSet& fonts,
                          const std::filesystem::path& out) {
  Options o;
  FileStats st;
  try {
    o = options_from_layout(d, theme, fonts);
    st.from_layout = true;
  } catch (const std::exception& e) {
    std::cerr << "警告：" << out.filename().string() << " 的目录页码未能排版（" << e.what()
              << "），留待 Word 更新域时填写\n";
  }
  st.bytes = write_docx(d, theme, o, out);
  return st;
}

FileStats write_docx_file(const doc::Document& d, const std::filesystem::path& config_dir,
                          const std::filesystem::path& out) {
  const auto theme_file = config_dir / "themes" / "default.yaml";
  const layout::Theme theme =
      std::filesystem::exists(theme_file) ? layout::Theme::load(theme_file) : layout::Theme{};
  text::FontSet fonts({config_dir.parent_path() / "fonts"});
  return write_docx_file(d, theme, fonts, out);
}

}  // namespace bp::docx
