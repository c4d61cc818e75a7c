#include "catalog_import/source_grid.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <memory>
#include <sstream>

#include "import/a1.hpp"
#include "import/xlsx_read.hpp"
#include "import/zip_reader.hpp"
#include "util/utf8.hpp"

namespace bp::catalog_import {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxColumns = 64;

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto d = utf8::decode(s, i);
    if (!d.valid()) return false;
    i += d.len;
  }
  return true;
}

// iconv_t as a handle that closes itself.
struct IconvCloser {
  void operator()(void* cd) const { ::iconv_close(static_cast<iconv_t>(cd)); }
};

// GB18030 (a superset of GBK and GB2312, what Excel writes as "CSV" on a Chinese system) → UTF-8.
std::string gb18030_to_utf8(const std::string& in, const std::string& file) {
  iconv_t raw = ::iconv_open("UTF-8", "GB18030");
  if (raw == reinterpret_cast<iconv_t>(-1))
    throw SourceError(file +
                      "：文件不是 UTF-8 编码，且无法按 GB18030 转换（系统缺少 iconv 转换表）");
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  while (src_left > 0) {
    if (::iconv(raw, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        const size_t used = static_cast<size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      throw SourceError(file + "：文件既不是 UTF-8 也不是 GB18030 编码（第 " +
                        std::to_string(in.size() - src_left + 1) + " 个字节无法识别）");
    }
  }
  out.resize(static_cast<size_t>(dst - out.data()));
  return out;
}

std::string read_bytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw SourceError(path.string() + "：文件不存在或不是普通文件");
  if (fs::file_size(path, ec) > kMaxSourceBytes)
    throw SourceError(path.string() + "：文件太大（超过 " + std::to_string(kMaxSourceBytes >> 20) +
                      " MiB）");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError(path.string() + "：无法读取文件");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

SourceGrid read_csv(const fs::path& path) {
  SourceGrid g;
  g.file = path.string();
  std::string text = read_bytes(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (!valid_utf8(text)) {
    text = gb18030_to_utf8(text, g.file);
    g.from_gb18030 = true;
  }
  const size_t first_end = text.find('\n');
  const std::string_view first(text.data(),
                               first_end == std::string::npos ? text.size() : first_end);
  const char sep =
      first.find(',') == std::string_view::npos && first.find('\t') != std::string_view::npos ? '\t'
                                                                                              : ',';

  int line = 1;
  GridRow row;
  std::string cell;
  bool quoted = false, any = false;
  int row_line = 1;
  auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
  };
  auto end_row = [&] {
    end_cell();
    row.where = g.file + ":" + std::to_string(row_line);
    g.rows.push_back(std::move(row));
    row = GridRow{};
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty()) {
      quoted = any = true;
    } else if (c == sep) {
      end_cell();
      any = true;
    } else if (c == '\n') {
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      end_row();
      row_line = ++line;
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted)
    throw SourceError(g.file + ":" + std::to_string(row_line) +
                      "：引号没有配对（从这一行开始的引号直到文件末尾都没有结束）");
  if (any || !cell.empty()) end_row();
  return g;
}

std::vector<SourceGrid> read_xlsx(const fs::path& path) {
  import::Workbook wb;
  try {
    (void)read_bytes(path);  // same "missing / too large" messages as CSV
    wb = import::read_workbook_file(path);
  } catch (const import::WorkbookIoError& e) {
    throw SourceError(path.string() + "：无法读取 Excel 工作簿（" + e.what() + "）");
  }
  std::vector<SourceGrid> out;
  for (const auto& sheet : wb.sheets) {
    SourceGrid g;
    g.file = path.string();
    g.sheet = sheet.name;
    for (int r = sheet.next_row(0); r < sheet.rows(); r = sheet.next_row(r + 1)) {
      GridRow row;
      // A catalogue list has a handful of columns; a stray cell far to the right is not read.
      for (int c = 0; c < std::min(sheet.cols(), kMaxColumns); ++c) {
        row.cells.push_back(sheet.shown_text(r, c));
        row.cell_where.push_back(g.file + ":" + import::qualified_ref(sheet.name, {r, c}));
      }
      row.where = g.file + ":" + import::qualified_ref(sheet.name, {r, 0});
      g.rows.push_back(std::move(row));
    }
    out.push_back(std::move(g));
  }
  if (out.empty()) throw SourceError(path.string() + "：工作簿里没有工作表");
  return out;
}

std::vector<SourceGrid> read_source(const fs::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".csv" || ext == ".txt" || ext == ".tsv") return {read_csv(path)};
  if (ext == ".xlsx" || ext == ".xlsm") return read_xlsx(path);
  if (ext == ".xls")
    throw SourceError(
        path.string() +
        "：不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv");
  throw SourceError(path.string() + "：只能读取 .xlsx 或 .csv 文件");
}

}  // namespace bp::catalog_import
