#include "util/read_sized.hpp"

namespace bp {

std::optional<std::string> read_sized(std::istream& in, std::uintmax_t size) {
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return std::nullopt;
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

}  // namespace bp
