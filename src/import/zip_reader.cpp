#include "import/zip_reader.hpp"

#include <fstream>

namespace bp::import {

ZipReader::ZipReader(ZipArchivePtr z, std::string name, std::shared_ptr<std::string> bytes)
    : zip_(std::move(z)), name_(std::move(name)), bytes_(std::move(bytes)) {}
ZipReader::ZipReader(ZipReader&&) noexcept = default;
ZipReader& ZipReader::operator=(ZipReader&&) noexcept = default;
ZipReader::~ZipReader() = default;

namespace {

// An OLE2 compound file (D0 CF 11 E0 …) is either an .xls of Excel 97–2003 or an .xlsx with an
// open password (ECMA-376 encryption wraps the package in a compound file with an
// "EncryptionInfo" stream). Either way the clerk needs to know which, not "not a ZIP".
std::optional<std::string> ole_kind(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(8, '\0');
  if (!in.read(head.data(), 8) || head != std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return std::nullopt;
  // Directory entries hold UTF-16LE names; look for the encryption stream in the first MB.
  std::string body(1u << 20, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<size_t>(in.gcount()));
  static const std::string kEnc = [] {
    std::string w;
    for (char c : std::string("EncryptionInfo")) w += c, w += '\0';
    return w;
  }();
  if (body.find(kEnc) != std::string::npos)
    return "工作簿设置了打开密码（已加密），无法读取：请在 Excel 或 WPS 中取消密码（文件 → 信息 → "
           "保护工作簿）后另存为 .xlsx 再导入";
  return "这是 .xls 旧格式（Excel 97–2003）的工作簿：请先在 Excel 或 WPS 中“另存为” .xlsx 再导入";
}

}  // namespace

ZipReader ZipReader::open_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw WorkbookIoError(path.string() + ": 找不到文件（或不是普通文件）");
  if (auto why = ole_kind(path)) throw WorkbookIoError(path.string() + ": " + *why);
  int err = 0;
  ZipArchivePtr z(libzip::zip_open(path.c_str(), ZIP_RDONLY, &err));
  if (!z) {
    ZipError ze(err);
    std::string why =
        err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS
            ? "不是 .xlsx 工作簿（不是 ZIP 格式；.xls 旧格式请先在 Excel 中另存为 .xlsx）"
            : "无法打开：" + ze.text();
    throw WorkbookIoError(path.string() + ": " + why);
  }
  return ZipReader(std::move(z), path.string(), nullptr);
}

ZipReader ZipReader::open_bytes(std::string bytes, std::string name) {
  auto store = std::make_shared<std::string>(std::move(bytes));
  ZipError err;
  ZipSourcePtr src(libzip::zip_source_buffer_create(store->data(), store->size(), 0, err.get()));
  if (!src) throw WorkbookIoError(name + ": " + err.text());
  ZipArchivePtr z(libzip::zip_open_from_source(src.get(), ZIP_RDONLY, err.get()));
  if (!z) throw WorkbookIoError(name + ": 不是 .xlsx 工作簿（" + err.text() + "）");
  src.release();  // owned by the archive now
  return ZipReader(std::move(z), std::move(name), std::move(store));
}

std::optional<std::string> ZipReader::read(std::string_view part) const {
  std::string entry(part);
  zip_int64_t idx = libzip::zip_name_locate(zip_.get(), entry.c_str(), ZIP_FL_ENC_GUESS);
  if (idx < 0)
    idx = libzip::zip_name_locate(zip_.get(), entry.c_str(),
                                  ZIP_FL_NOCASE);  // OPC: names ignore case
  if (idx < 0) return std::nullopt;
  zip_stat_t st;
  libzip::zip_stat_init(&st);
  if (libzip::zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0)
    throw WorkbookIoError(name_ + ": " + entry + ": " + libzip::zip_strerror(zip_.get()));
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes)
    throw WorkbookIoError(name_ + ": " + entry + " 过大（" + std::to_string(st.size) + " 字节）");
  ZipFilePtr f(libzip::zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0));
  if (!f) throw WorkbookIoError(name_ + ": " + entry + ": " + libzip::zip_strerror(zip_.get()));
  std::string out;
  char buf[1 << 16];
  for (;;) {
    zip_int64_t n = libzip::zip_fread(f.get(), buf, sizeof buf);
    if (n < 0)
      throw WorkbookIoError(name_ + ": " + entry + " 解压失败：" +
                            libzip::zip_file_strerror(f.get()));
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > kMaxPartBytes)
      throw WorkbookIoError(name_ + ": " + entry + " 解压后过大");
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace bp::import
