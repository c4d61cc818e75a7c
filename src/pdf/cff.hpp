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

// The CID of each glyph of `gids` (ascending glyph indices) in a whole face's CFF table, read from
// its charset without decoding its CharStrings: for a CID-keyed face, the CIDs its subsets keep
// (pdf_writer.cpp makes content streams from them before the subset is ready). `cid_keyed` false
// (a name-keyed face): no CIDs, the map is empty. Throws CffError on a malformed table.
struct CffCids {
  bool cid_keyed = false;
  std::vector<std::pair<uint32_t, uint32_t>> cid_of_gid;  // (glyph index, CID), ascending
};
CffCids read_cff_cids(std::string_view cff, const std::vector<uint32_t>& gids);

}  // namespace bp::pdf
