#include "docx/zip_package.hpp"

#include <ctime>
#include <stdexcept>

#include "util/zip.hpp"

namespace bp::docx {

namespace {

[[noreturn]] void fail(const std::string& what, const char* msg) {
  throw std::runtime_error("DOCX 打包失败（" + what + "）：" + (msg ? msg : "unknown error"));
}

}  // namespace

DosTime dos_time(int64_t epoch) {
  constexpr int64_t kMin = 315532800;   // 1980-01-01T00:00:00Z
  constexpr int64_t kMax = 4354819198;  // 2107-12-31T23:59:58Z
  if (epoch < kMin) epoch = kMin;
  if (epoch > kMax) epoch = kMax;
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  DosTime d;
  d.time = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  d.date = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  return d;
}

std::string zip_entries(const std::vector<ZipEntry>& entries, int64_t epoch) {
  ZipError err;
  // The archive writes into this buffer source; keep our reference so it survives zip_close.
  ZipSourcePtr buffer(libzip::zip_source_buffer_create(nullptr, 0, 0, err.get()));
  if (!buffer) fail("buffer", err.text().c_str());
  ZipArchivePtr za(libzip::zip_open_from_source(buffer.get(), ZIP_TRUNCATE, err.get()));
  if (!za) fail("open", err.text().c_str());
  libzip::zip_source_keep(buffer.get());

  const DosTime when = dos_time(epoch);
  for (const auto& e : entries) {
    // libzip copies nothing here: the entry source reads `e.bytes` when the archive is closed,
    // and `entries` outlives zip_close below.
    zip_source_t* src = libzip::zip_source_buffer(za.get(), e.bytes.data(), e.bytes.size(), 0);
    if (!src) fail(e.name, libzip::zip_strerror(za.get()));
    zip_int64_t idx = libzip::zip_file_add(za.get(), e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      libzip::zip_source_free(src);
      fail(e.name, libzip::zip_strerror(za.get()));
    }
    const auto i = static_cast<zip_uint64_t>(idx);
    if (libzip::zip_set_file_compression(za.get(), i, ZIP_CM_DEFLATE, 6) != 0 ||
        libzip::zip_file_set_dostime(za.get(), i, when.time, when.date, 0) != 0 ||
        libzip::zip_file_set_external_attributes(za.get(), i, 0, ZIP_OPSYS_DOS, 0) != 0)
      fail(e.name, libzip::zip_strerror(za.get()));
  }
  if (libzip::zip_close(za.get()) != 0) fail("close", libzip::zip_strerror(za.get()));
  za.release();  // closed successfully: the handle is gone

  if (libzip::zip_source_open(buffer.get()) != 0)
    fail("read", libzip::zip_error_strerror(libzip::zip_source_error(buffer.get())));
  zip_stat_t st;
  libzip::zip_stat_init(&st);
  if (libzip::zip_source_stat(buffer.get(), &st) != 0) {
    libzip::zip_source_close(buffer.get());
    fail("stat", libzip::zip_error_strerror(libzip::zip_source_error(buffer.get())));
  }
  std::string out(static_cast<size_t>(st.size), '\0');
  zip_int64_t n = out.empty() ? 0 : libzip::zip_source_read(buffer.get(), out.data(), st.size);
  libzip::zip_source_close(buffer.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    fail("read", libzip::zip_error_strerror(libzip::zip_source_error(buffer.get())));
  return out;
}

}  // namespace bp::docx
