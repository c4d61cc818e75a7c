// The fonts of a process: found by family name through fontconfig (the project's own font
// directories registered first and preferred over system fonts), loaded once, shared by every
// document of a batch. Thread-safe; the returned references stay valid for the FontSet's lifetime.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "text/font.hpp"
#include "text/raii.hpp"

namespace bp::text {

class FontSet {
 public:
  // The regular files below `font_dirs` (e.g. the project's fonts/) are added to fontconfig before
  // any lookup (FIFOs, sockets and devices are skipped; files that are not fonts are ignored); a
  // face found there wins over a system face of the same family and weight.
  // `preprocess_for_subsetting`: Font::subset_face() (slower first use, faster batches).
  explicit FontSet(std::vector<std::filesystem::path> font_dirs = {},
                   bool preprocess_for_subsetting = false);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // The face of `family` in the requested weight. Never substitutes: an unknown family, or a
  // family without a real bold face when bold is asked for, is a FontError naming the family.
  const Font& get(std::string_view family, bool bold);

 private:
  struct Candidate {
    std::filesystem::path file;
    int index = 0;
    int weight = 80;
    bool in_app_dir = false;
  };
  std::vector<Candidate> list_family(std::string_view family) const;

  std::mutex mu_;
  std::vector<std::filesystem::path> dirs_;
  bool preprocess_ = false;
  FtLibraryPtr ft_;
  FcConfigPtr fc_;
  std::map<std::pair<std::string, bool>, const Font*> by_request_;
  std::map<std::pair<std::string, int>, std::unique_ptr<Font>> by_face_;  // (file, index)
};

}  // namespace bp::text
