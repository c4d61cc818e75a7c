// Writes a laid-out document as PDF 1.7 bytes: the object graph (pages, Flate streams, fonts,
// outlines, link annotations, Info, catalog) in our own object model (object_store.hpp, numbered
// as PoDoFo 0.9.8 numbered it until round 12), the structure tree as raw objects
// (structure_tree.hpp), the file by file_writer.hpp.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "layout/page.hpp"

namespace bp::pdf {

class HelperThread;  // pdf/helper_thread.hpp

struct FontStats {
  std::string name;  // PostScript name
  std::string file;
  int glyphs = 0;        // glyphs in the subset (without .notdef)
  size_t cff_bytes = 0;  // subset font program size before Flate (CFF, or the TrueType file)
  bool cid_equals_gid = true;
};

struct WriteStats {
  std::vector<FontStats> fonts;
  double subset_ms = 0;  // subsetting and compressing the font programs: the writer's wall time
                         // on it (its own faces, and waiting for the helper thread's)
};

struct WriteOptions {
  bool keep_hinting = false;  // keep the fonts' CFF hints in the subsets (theme fonts.hinting)
  // Tagged PDF/UA-1 (structure tree, marked content, artifacts; theme pdf.tagged) and PDF/A-2u
  // (XMP metadata, sRGB output intent; theme pdf.archival). docs/pdf-standards.md.
  bool tagged = true;
  bool archival = true;
  // Non-stream objects in compressed object streams with a cross-reference stream (PDF 1.5;
  // pdf/file_writer.hpp): a tagged file's many small structure dictionaries cost a fraction of
  // their plain size (theme pdf.object_streams).
  bool object_streams = true;
  // Synthetic bold (a family without a bold face): stroke width in em of the text size.
  double synthetic_bold = 0.03;
  // Use a second thread (pdf/helper_thread.hpp): the largest face's subset, runs of content
  // streams and object-stream compression. For a document typeset alone; a
  // batch with documents in flight keeps its cores busy already. The bytes are the same either way.
  bool parallel_fonts = true;
  // Subsets made through the faces' caches of charstrings (text/cff_subset_cache.hpp: their own
  // flattener, and what they learned for later documents of the process). False: every subset
  // from hb-subset alone (tests and measurements compare). The bytes are the same either way.
  bool learn_subsets = true;
  // The last document of a process that exits after it (a lone `build`): the object store is
  // left to the process's end (util/process_end.hpp) instead of freed before the file is written.
  bool last_in_process = false;
  // A helper started earlier without its tools (HelperThread::deferred, by write_outputs before
  // the layout): a new thread ran its first line 0.2–2.4 ms after it was started in the traces,
  // while the largest face waited for it. Used instead of starting one (parallel_fonts is then
  // ignored); the caller owns it (and leaves it to exit after a last document: write_pdf parks it).
  HelperThread* helper = nullptr;
};

// Deterministic: no random IDs, dates only from meta.epoch (0 = no dates), stable object order.
std::string write_pdf(const layout::DocumentLayout& layout, const doc::Meta& meta,
                      WriteStats* stats = nullptr, const WriteOptions& options = {});

}  // namespace bp::pdf
