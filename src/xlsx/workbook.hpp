// RAII ownership of a libxlsxwriter workbook: every call that can fail is checked and turned into
// an exception naming the file; formats are created once per distinct style and reused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "xlsx/lxw.hpp"

#include "document/document.hpp"
#include "xlsx/label_lines.hpp"
#include "xlsx/type_sizes.hpp"

namespace bp::xlsx {

// The look of a cell. Compared as a whole: equal styles share one lxw_format.
struct Style {
  bool bold = false;
  double size = 0;  // points; 0 = the workbook's body size (TypeSizes::body)
  doc::Align align = doc::Align::Left;
  bool border = false;
  bool wrap = false;
  int indent = 0;
  std::string num_format;  // "" = General
  bool link = false;       // blue, underlined (hyperlinks)
  bool unlocked = false;   // editable when the sheet is protected (fill-in template cells)
  auto operator<=>(const Style&) const = default;
};

struct Properties {
  std::string title, subject, author, keywords, comments;
  int64_t created = 0;  // seconds since 1970; must be > 0 (libxlsxwriter takes 0 as "now")
};

class Workbook {
 public:
  // Starts a workbook that close() writes to `path` (normal mode: merges need buffered rows), its
  // cells in `font` at the sizes of `type`.
  Workbook(const std::filesystem::path& path, std::string font, TypeSizes type = {});
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* add_sheet(const std::string& name);
  lxw_format* format(const Style& s);
  void set_properties(const Properties& p);
  // Writes the file. Throws on failure.
  void close();

  // Throws std::runtime_error "<file>: <what>: <libxlsxwriter message>" unless e is LXW_NO_ERROR.
  void check(lxw_error e, std::string_view what) const {
    if (e != LXW_NO_ERROR) fail(e, what);
  }
  // The same for messages that cost something to build (a cell reference per written cell):
  // `describe()` runs only when e is an error.
  template <class Describe>
  void check_with(lxw_error e, Describe&& describe) const {
    if (e != LXW_NO_ERROR) fail(e, describe());
  }
  [[noreturn]] void fail(lxw_error e, std::string_view what) const;
  const std::string& font() const { return font_; }
  const TypeSizes& type() const { return type_; }
  // Word breaking for header labels (label_lines), owned by the caller; may be null.
  void set_words(text::WordBreaker* words) { labels_ = LabelBreaker(words); }
  // Header labels broken into lines (label_lines.hpp), each distinct one once per workbook.
  const std::string& label_lines(std::string_view text, double width) {
    return labels_(text, width);
  }

 private:
  std::string path_;
  std::string font_;
  TypeSizes type_;
  lxw_workbook* wb_ = nullptr;
  std::map<Style, lxw_format*> formats_;
  LabelBreaker labels_;
};

}  // namespace bp::xlsx
