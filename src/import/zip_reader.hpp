// Read-only access to the parts of a ZIP package (an .xlsx) through libzip, with RAII handles and
// limits that keep a hostile file from exhausting memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "util/zip.hpp"

namespace bp::import {

// The workbook cannot be read at all (not a file, not a ZIP, a part too large …): exit status 2.
class WorkbookIoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ZipReader {
 public:
  // Largest part we inflate (a sheet of the 9 tables is a few hundred KB).
  static constexpr size_t kMaxPartBytes = 256u << 20;

  // Throws WorkbookIoError naming the file.
  static ZipReader open_file(const std::filesystem::path& path);
  // An archive in memory (tests); the bytes are copied.
  static ZipReader open_bytes(std::string bytes, std::string name = "<memory>");

  ZipReader(ZipReader&&) noexcept;
  ZipReader& operator=(ZipReader&&) noexcept;
  ~ZipReader();

  // The part's bytes, or nullopt when there is no such entry. Throws WorkbookIoError when the
  // entry exists but cannot be inflated or is larger than kMaxPartBytes.
  std::optional<std::string> read(std::string_view part) const;
  const std::string& name() const { return name_; }

 private:
  ZipReader(ZipArchivePtr z, std::string name, std::shared_ptr<std::string> bytes);
  ZipArchivePtr zip_;
  std::string name_;
  std::shared_ptr<std::string> bytes_;  // backing store of open_bytes; outlives zip_
};

}  // namespace bp::import
