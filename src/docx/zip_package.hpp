// A deterministic ZIP (the OPC package) built in memory with libzip: entries in the given order,
// every entry stamped with the same DOS time (from SOURCE_DATE_EPOCH, else 1980-01-01 00:00),
// Deflate at a fixed level, no extra fields, DOS "made by" with zero attributes. Same parts and
// same epoch → same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bp::docx {

struct ZipEntry {
  std::string name;
  std::string bytes;
};

// Throws std::runtime_error with libzip's message on failure.
std::string zip_entries(const std::vector<ZipEntry>& entries, int64_t epoch);

// DOS date and time (UTC) of `epoch`, clamped to the DOS range 1980–2107.
struct DosTime {
  uint16_t time = 0;
  uint16_t date = 0;
};
DosTime dos_time(int64_t epoch);

}  // namespace bp::docx
