// A minimal reader of CFF (Compact Font Format) tables: enough to read a subset's charset, which
// maps its (renumbered) glyph indices to the CIDs that PDF content streams address.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace bp::pdf {

class CffError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CffInfo {
  bool cid_keyed = false;         // Top DICT has ROS
  std::vector<uint32_t> charset;  // glyph index → CID (CID-keyed) or SID; [0] = 0 (.notdef)
};

CffInfo read_cff(std::string_view cff);

}  // namespace bp::pdf
