// The ToUnicode CMap of a Type0 font: CID → the characters it stands for (text search and copy).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace bp::pdf {

std::string to_unicode_cmap(const std::map<uint32_t, std::u32string>& text_of_cid);

}  // namespace bp::pdf
