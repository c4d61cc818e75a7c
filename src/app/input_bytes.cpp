#include "app/input_bytes.hpp"

#include <fstream>
#include <system_error>

#include "model/load.hpp"
#include "util/read_sized.hpp"

namespace bp {

std::optional<std::string> read_input_bytes(const std::filesystem::path& file) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > LoadLimits{}.max_file_bytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return read_sized(in, size);
}

}  // namespace bp
