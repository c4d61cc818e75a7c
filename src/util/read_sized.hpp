// Reads a file's bytes into a string allocated once at the file's size. Not `ss << in.rdbuf()`:
// that stream catches the std::bad_alloc of its growing buffer (under --max-memory) and hands back
// the text cut where memory ran out — a department file then failed as invalid UTF-8 (E002)
// instead of E014 (bench/pdf/README.md, "Round 10, 20I").
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace bp {

// Up to `size` bytes of `in` (fewer if the file shrank meanwhile); nullopt when reading fails.
// A std::bad_alloc of the string itself propagates.
std::optional<std::string> read_sized(std::istream& in, std::uintmax_t size);

}  // namespace bp
