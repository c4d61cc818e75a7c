// A per-face cache of the charstrings hb-subset makes, from which later subsets of the same face
// are assembled without hb-subset (issue 20v).
//
// A desubroutinized, unhinted charstring (the theme default: HB_SUBSET_FLAGS_NO_HINTING |
// HB_SUBSET_FLAGS_DESUBROUTINIZE) depends only on its source glyph, and the rest of a CID-keyed
// CFF subset (Top DICT, String INDEX, charset, FDSelect, FDArray, Private DICTs) depends only on
// which glyphs and font dicts it keeps. So every CFF table hb-subset 6.0 makes for the face is
// read back (`learn`): the charstring, CID and font dict of each glyph, the face's constant parts
// and each font dict's bytes. When every glyph of a later subset is known, `assemble` lays out
// the table the way hb-subset's serializer does (object order, INDEX offset sizes, charset and
// FDSelect formats, font dict remapping, sharing of identical objects) — byte for byte what
// hb-subset would have made.
//
// A glyph the cache does not know yet is flattened from the original face by our own flattener
// (text/cff_flatten.hpp, issue 20E: ≈ 8–17 K instructions a glyph instead of hb-subset's ≈ 80 K).
// hb-subset still makes, for the glyphs of a subset the cache misses (pdf/font_subset.cpp), a
// subset of only: the glyphs the flattener refuses, one glyph of each font dict not seen yet (the
// FontDICT and Private DICT bytes come from hb-subset's tables), and — until the flattener is
// verified on the face — a sample of the set; the cache learns that table and then assembles the
// whole set (issue 20B).
//
// Safety: each learned table is assembled again from the cache right away and compared with
// hb-subset's; any difference (a font this model does not fit) switches the cache off for the
// face for good, and subsets come from hb-subset as before. Name-keyed CFF, hinted subsets and
// glyphs that could pull others into a subset (seac) are never assembled. The flattener is
// trusted on a face only after its charstrings of kTrustAfter glyphs hb-subset made equal
// hb-subset's; every glyph of every later table hb-subset makes is compared too, and one
// difference switches the flattener off for the face for good (the cache keeps learning from
// hb-subset as before).
//
// Thread-safe: one cache per face, shared by the documents and worker threads of a process.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/cff_flatten.hpp"

namespace bp::text {

class CffSubsetCache {
 public:
  // `original_cff`: the face's whole 'CFF ' table (its FDSelect gives each glyph's font dict);
  // must outlive the cache.
  explicit CffSubsetCache(std::string_view original_cff) : original_(original_cff) {}
  CffSubsetCache(const CffSubsetCache&) = delete;
  CffSubsetCache& operator=(const CffSubsetCache&) = delete;

  // The subset of `gids` (original glyph IDs; 0 is added), or nothing when a glyph is not known
  // yet or the cache is off for this face.
  std::optional<std::string> assemble(const std::set<uint32_t>& gids);

  // The glyphs of `gids` (and .notdef) the cache does not know yet, in ascending order; nothing
  // when the cache is off or has learned no table of the face yet. A subset that misses a few
  // glyphs is cheaper made by having hb-subset make only these (its cost is almost all per glyph:
  // desubroutinizing), learning them, and assembling the whole (issue 20B).
  std::optional<std::set<uint32_t>> missing(const std::set<uint32_t>& gids);

  // Flattens the glyphs of `gids` (and .notdef) the cache does not know yet with the face's own
  // flattener, once it is verified on the face. Returns the glyphs hb-subset must still make (a
  // table of these to `learn`): those the flattener refuses, one glyph of each font dict not
  // known yet, and while the flattener is not verified, a sample of the set to verify it with;
  // when the flattener is off, every glyph not known. Empty: `assemble(gids)` can make the set.
  // Nothing when the cache is off for the face (hb-subset makes the whole set).
  std::optional<std::set<uint32_t>> flatten_missing(const std::set<uint32_t>& gids);

  // Takes hb-subset's CFF table `cff` for `gids`; `new_to_old[n]` is the original glyph of
  // subset glyph n. The table is only kept here and read when the face is subset again (or
  // another table arrives): a lone document, which subsets each face once, pays for a copy, not
  // for reading it. Never throws for a table it cannot read: it switches the cache off.
  void learn(const std::set<uint32_t>& gids, std::string_view cff,
             std::vector<uint32_t> new_to_old);

  // For tests and measurements (both read a table kept by learn first).
  bool enabled();
  size_t glyphs();
  // True once the flattener is verified on the face (and not switched off).
  bool flattener_trusted();

  // Glyphs of a first subset sent to hb-subset to verify the flattener with, and how many of
  // them must be equal to trust it.
  static constexpr size_t kSample = 16;
  static constexpr size_t kTrustAfter = 12;

 private:
  struct Glyph {
    std::string charstring;
    uint32_t cid = 0;
    uint32_t fd = 0;  // font dict of the original face
  };
  // One font dict of the original face, as hb-subset writes it.
  struct FontDict {
    bool known = false;
    std::string dict;       // FontDICT bytes; FontName SID and Private offset patched in
    size_t name_at = 0;     // the 2-byte FontName SID in `dict`
    size_t private_at = 0;  // the 4-byte Private DICT offset in `dict`
    std::string private_dict;
    std::string font_name;  // its string in the String INDEX
    uint32_t top_sid = 0;   // its SID when the Top DICT names the same string, else 0
  };

  // False when some glyph of the subset was not cached (or the subset holds other glyphs).
  void read_pending_locked();
  bool learn_locked(const std::set<uint32_t>& gids, std::string_view cff,
                    const std::vector<uint32_t>& new_to_old);
  std::optional<std::string> assemble_locked(const std::set<uint32_t>& gids) const;
  uint32_t original_fd(uint32_t gid) const;
  // Opens the face's flattener (its parser of the original face) once; throws Unexpected when
  // it cannot.
  void parse_original_locked();
  // Compares the flattener's charstrings with hb-subset's for the glyphs of a table just learned.
  void verify_flattener_locked(const std::vector<uint32_t>& new_to_old);

  std::string_view original_;
  mutable std::shared_mutex mutex_;
  bool off_ = false;
  // The last table learn took, not read yet.
  bool pending_ = false;
  std::set<uint32_t> pending_gids_;
  std::string pending_cff_;
  std::vector<uint32_t> pending_new_to_old_;
  bool parsed_original_ = false;

  bool learned_ = false;
  std::string root_;  // header, Name INDEX and the Top DICT INDEX's header
  std::string top_;   // Top DICT data
  size_t charset_at_ = 0, charstrings_at_ = 0, fdselect_at_ = 0, fdarray_at_ = 0;
  std::vector<std::string> top_strings_;  // the String INDEX before the font dicts' names
  std::vector<FontDict> fds_;
  std::unordered_map<uint32_t, Glyph> glyphs_;

  // Our own flattener of the original face, which also reads its FDSelect and charset for the
  // cache (opened with the cache's first use of the face: parse_original_locked).
  enum class Trust { unverified, trusted, off };
  std::optional<CffFlattener> flattener_;
  Trust trust_ = Trust::unverified;
  size_t verified_ = 0;  // glyphs whose flattened charstring equalled hb-subset's
  std::string scratch_;  // a flattened charstring
};

}  // namespace bp::text
