#include "pdf/pdf_writer.hpp"

#include <bit>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "pdf/archival.hpp"
#include "pdf/cff.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/file_writer.hpp"
#include "pdf/flate.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/helper_thread.hpp"
#include "pdf/images.hpp"
#include "pdf/object_store.hpp"
#include "pdf/pdf_format.hpp"
#include "pdf/structure_tree.hpp"
#include "pdf/to_unicode.hpp"
#include "util/process_end.hpp"
#include "util/trace.hpp"

namespace bp::pdf {

namespace {

Object integer(int64_t v) {
  return Object::integer(v);
}

// The glyphs each font needs, fonts in order of first use (stable object order). A synthetic bold
// draws its regular face's outlines: both share one UsedFont (one embedded subset).
struct UsedFont {
  const text::Font* font = nullptr;
  std::set<uint32_t> gids;
  std::map<uint32_t, std::u32string> text;  // gid → characters (first occurrence)
};

// A set of glyph IDs as a bitmap: collect_fonts marks each of the document's glyphs (most are
// seen many times), cheaper than a std::set look-up each.
class GlyphBits {
 public:
  // Marks `gid`; true if it was not marked before.
  bool mark(uint32_t gid) {
    const size_t w = gid / 64;
    if (w >= words_.size()) words_.resize(std::max<size_t>(w + 1, 1024), 0);  // 65 536 glyphs
    const uint64_t bit = uint64_t{1} << (gid % 64);
    if (words_[w] & bit) return false;
    words_[w] |= bit;
    return true;
  }
  // The marked IDs, ascending.
  std::set<uint32_t> to_set() const {
    std::set<uint32_t> out;
    for (size_t w = 0; w < words_.size(); ++w)
      for (uint64_t v = words_[w]; v; v &= v - 1)
        out.insert(out.end(), static_cast<uint32_t>(w * 64 + std::countr_zero(v)));
    return out;
  }

 private:
  std::vector<uint64_t> words_;
};

std::vector<UsedFont> collect_fonts(const layout::DocumentLayout& layout) {
  std::vector<UsedFont> out;
  std::vector<GlyphBits> seen, has_text;  // per font: glyphs used, glyphs whose text is known
  std::map<const text::Font*, size_t> index;
  const text::Font* last = nullptr;  // consecutive glyphs mostly share a font
  size_t u = 0;
  for (const auto& page : layout.pages)
    for (const auto& item : page.text)
      for (const auto& g : item.glyphs) {
        const text::Font* outlines = &g.font->outlines();
        if (outlines != last) {
          auto [it, fresh] = index.try_emplace(outlines, out.size());
          if (fresh) {
            out.push_back({outlines, {}, {}});
            seen.emplace_back();
            has_text.emplace_back();
          }
          last = outlines;
          u = it->second;
        }
        seen[u].mark(g.gid);
        if (g.text[0] && has_text[u].mark(g.gid)) {  // the first occurrence with text
          std::u32string s(1, g.text[0]);
          if (g.text[1]) s.push_back(g.text[1]);
          out[u].text.emplace(g.gid, std::move(s));
        }
      }
  for (size_t i = 0; i < out.size(); ++i) out[i].gids = seen[i].to_set();
  return out;
}

// A face's subset and its font program, Flate-compressed. Subsetting and compressing the font
// programs are the largest costs of writing a document, and the faces are independent: the face
// with the most glyphs (the body face, most of the work) is made on the helper thread
// (helper_thread.hpp) while the caller makes the others and then writes everything of the file
// that does not depend on the subsets (pages, links, outline, metadata, the structure tree, and
// the content streams from predicted CIDs, predicted_subset) — only the font dictionaries and the
// check of the prediction wait for it. Each concurrent hb-subset adds its
// working memory to the peak, so only one face is made beside the caller. The bytes are the same
// as made one by one.
struct Program {
  FontSubset sub;      // without its font program (cff, sfnt), which is only needed packed
  std::string packed;  // the CFF table or the TrueType file, compressed
  size_t bytes = 0;    // its size before compression
};

class Programs {
 public:
  // Posts the largest face to `helper`.
  Programs(const std::vector<UsedFont>& used, bool keep_hinting, bool use_cache,
           HelperThread& helper)
      : used_(used),
        keep_hinting_(keep_hinting),
        use_cache_(use_cache),
        helper_(helper),
        out_(used.size()) {
    for (size_t i = 1; i < used.size(); ++i)
      if (used[i].gids.size() > used[largest_].gids.size()) largest_ = i;
    if (helper.parallel() && used.size() > 1)
      ticket_ = helper.post([this](Flate& flate) { out_[largest_] = one(largest_, flate); });
  }
  // The helper's job writes to out_: an exception must not free it under the job.
  ~Programs() { helper_.stop(); }
  Programs(const Programs&) = delete;
  Programs& operator=(const Programs&) = delete;

  // Makes the faces the helper does not make, on the caller's thread.
  void make_others(Flate& flate) {
    for (size_t i = 0; i < used_.size(); ++i)
      if (i != largest_ || !ticket_) out_[i] = one(i, flate);
  }
  // Whether face `i` is made on the helper (all() waits for it); the others are ready after
  // make_others (mine).
  bool on_helper(size_t i) const { return ticket_ && i == largest_; }
  // Non-const: embed_program takes each program's packed bytes (moved, not copied).
  Program& mine(size_t i) { return out_[i]; }
  // Every face's program, after make_others (waits for the helper).
  std::vector<Program>& all(Flate& flate) {
    if (ticket_) helper_.wait(*ticket_, flate);
    return out_;
  }

 private:
  Program one(size_t i, Flate& flate) const {
    const trace::Span span("pdf.face(subset+deflate)");
    Program p{subset_font(*used_[i].font, used_[i].gids, keep_hinting_, use_cache_), {}};
    std::string& program = used_[i].font->is_cff() ? p.sub.cff : p.sub.sfnt;
    p.packed = flate.compress(program, Packing::kFontProgram);
    p.bytes = program.size();
    std::string().swap(program);  // keeps the peak memory of a document down
    return p;
  }

  const std::vector<UsedFont>& used_;
  const bool keep_hinting_;
  const bool use_cache_;
  HelperThread& helper_;
  std::vector<Program> out_;
  size_t largest_ = 0;
  std::optional<size_t> ticket_;
};

// The five objects of an embedded font, created (numbered) before the subsets are ready and
// filled after: the font program, its descriptor, the CIDFont, the ToUnicode CMap and the Type0
// font that pages name. A dictionary keeps its keys sorted (object.hpp), so the bytes do not
// depend on when its keys are added.
struct FontObjects {
  Ref file, desc, cid, cmap, type0;
};

FontObjects create_font_objects(ObjectStore& store) {
  FontObjects o;
  o.file = store.add();
  o.desc = store.add_typed("FontDescriptor");
  o.cid = store.add_typed("Font");
  o.cmap = store.add();
  o.type0 = store.add_typed("Font");
  return o;
}

// A face's font program (the font file object). Its packed bytes move into the store: a copy
// of the largest face's (≈ 150 KB) was ≈ 40 pages written for the first time on the department's
// thread (bench/pdf/README.md, "Round 16").
void embed_program(ObjectStore& store, const FontObjects& o, const UsedFont& used,
                   Program& program) {
  if (!used.font->is_cff())
    store.dict(o.file).set("Length1", integer(static_cast<int64_t>(program.bytes)));
  else
    store.dict(o.file).set("Subtype", Object::name("CIDFontType0C"));
  set_packed_stream(store, o.file, std::move(program.packed));
}

// A face's other objects: its descriptor, CIDFont (with the widths of its CIDs), ToUnicode CMap
// and Type0 font; from the subset's CIDs or predicted ones (predicted_subset), so that the
// largest face's can be written while the helper makes it. Called again with the real CIDs when
// the prediction was wrong: every key and the CMap's stream are set anew.
void embed_dicts(ObjectStore& store, const FontObjects& o, const UsedFont& used,
                 const FontSubset& sub, Flate& flate) {
  const text::Font& font = *used.font;
  const double k = 1000.0 / font.upem();
  std::string seed = font.postscript_name();
  for (uint32_t g : used.gids) seed += ',' + std::to_string(g);
  const std::string base = subset_tag(seed) + "+" + font.postscript_name();

  const bool truetype = !font.is_cff();

  const auto& m = font.metrics();
  Dict& dd = store.dict(o.desc);
  dd.set("FontName", Object::name(base));
  dd.set("Flags", integer(4 | (m.serif ? 2 : 0) | (m.fixed_pitch ? 1 : 0)));
  Array bbox;
  for (int v : m.bbox) bbox.push_back(integer(std::lround(v * k)));
  dd.set("FontBBox", std::move(bbox));
  dd.set("ItalicAngle", integer(std::lround(m.italic_angle)));
  dd.set("Ascent", integer(std::lround(m.ascender * k)));
  dd.set("Descent", integer(std::lround(m.descender * k)));
  dd.set("CapHeight", integer(std::lround(m.cap_height * k)));
  dd.set("StemV", integer(80));
  dd.set(truetype ? "FontFile2" : "FontFile3", o.file);

  // /W: runs of consecutive CIDs whose width differs from /DW 1000.
  std::map<uint32_t, long> width_of_cid;
  for (uint32_t g : used.gids) {
    long w = std::lround(font.advance(g) * k);
    if (w != 1000) width_of_cid[sub.cid_of_gid.at(g)] = w;
  }
  Array widths;
  for (auto it = width_of_cid.begin(); it != width_of_cid.end();) {
    uint32_t first = it->first;
    Array run;
    uint32_t next = first;
    while (it != width_of_cid.end() && it->first == next) {
      run.push_back(integer(it->second));
      ++it;
      ++next;
    }
    widths.push_back(integer(first));
    widths.push_back(std::move(run));
  }

  Dict& cd = store.dict(o.cid);
  cd.set("Subtype", Object::name(truetype ? "CIDFontType2" : "CIDFontType0"));
  cd.set("BaseFont", Object::name(base));
  Dict info;
  info.set("Registry", Object::plain("Adobe"));
  info.set("Ordering", Object::plain("Identity"));
  info.set("Supplement", integer(0));
  cd.set("CIDSystemInfo", std::move(info));
  cd.set("FontDescriptor", o.desc);
  cd.set("DW", integer(1000));
  cd.remove("W");  // a prediction's
  if (!widths.empty()) cd.set("W", std::move(widths));
  // The subset's glyphs are addressed by their new glyph IDs (font_subset.hpp).
  if (truetype) cd.set("CIDToGIDMap", Object::name("Identity"));

  std::map<uint32_t, std::u32string> text_of_cid;
  for (const auto& [g, s] : used.text) text_of_cid.emplace(sub.cid_of_gid.at(g), s);
  const std::string cmap_text = to_unicode_cmap(text_of_cid);
  set_flate_stream(store, o.cmap, cmap_text, flate);

  Dict& td = store.dict(o.type0);
  td.set("Subtype", Object::name("Type0"));
  td.set("BaseFont", Object::name(base));
  td.set("Encoding", Object::name("Identity-H"));
  td.set("DescendantFonts", Array{o.cid});
  td.set("ToUnicode", o.cmap);
}

// The CIDs a face's subset will give its glyphs, known before the subset is made, so that the
// content streams can be made while the helper subsets the largest face: a subset of a CID-keyed
// CFF face keeps the face's CIDs (its charset, cff.hpp), a TrueType or name-keyed CFF subset
// numbers the glyphs in ascending order after .notdef (no RETAIN_GIDS). The writer compares the
// prediction with the real subset and makes the streams again from it if they differ (a closure
// that added glyphs, a font hb-subset treats otherwise): the bytes never depend on the prediction.
FontSubset predicted_subset(const UsedFont& used) {
  FontSubset p;
  if (used.font->is_cff()) {
    const std::vector<uint32_t> gids(used.gids.begin(), used.gids.end());
    text::HbBlobPtr table(
        hb_face_reference_table(used.font->subset_face(), HB_TAG('C', 'F', 'F', ' ')));
    unsigned len = 0;
    const char* data = hb_blob_get_data(table.get(), &len);
    try {
      const CffCids cids = read_cff_cids(std::string_view(data, len), gids);
      if (cids.cid_keyed) {
        for (const auto& [g, cid] : cids.cid_of_gid) {
          p.cid_of_gid.emplace_hint(p.cid_of_gid.end(), g, cid);
          if (cid != g) p.cid_equals_gid = false;
        }
        return p;
      }
    } catch (const CffError&) {
      return p;  // no prediction: the subset says (and subset_font reports the error)
    }
  }
  uint32_t next = used.gids.count(0) ? 0 : 1;  // .notdef is always glyph 0 of a subset
  for (uint32_t g : used.gids) {
    p.cid_of_gid.emplace_hint(p.cid_of_gid.end(), g, next);
    if (next++ != g) p.cid_equals_gid = false;
  }
  return p;
}

// What the content streams look glyphs up in: a table per face, and each drawing font's resource
// (a synthetic bold uses its regular face's).
struct ContentFonts {
  std::vector<GlyphTable> tables;
  std::map<const text::Font*, FontRef> refs;
};

void make_content_fonts(ContentFonts& out, const layout::DocumentLayout& layout,
                        const std::vector<UsedFont>& used,
                        const std::vector<const FontSubset*>& subsets) {
  out.tables.clear();
  out.refs.clear();
  for (size_t i = 0; i < used.size(); ++i)
    out.tables.push_back(GlyphTable::make(*used[i].font, *subsets[i], &used[i].text));
  for (size_t i = 0; i < used.size(); ++i)
    out.refs[used[i].font] = {
        i, "F" + std::to_string(i + 1), used[i].font, subsets[i], &used[i].text, &out.tables[i]};
  for (const auto& page : layout.pages)
    for (const auto& item : page.text)
      for (const auto& g : item.glyphs)
        if (g.font->synthetic_bold() && !out.refs.count(g.font))
          out.refs[g.font] = out.refs.at(&g.font->outlines());
}

// A destination [page /XYZ 0 top 0] made as PoDoFo's PdfDestination made it: an indirect object
// of its own (which nothing refers to, but which was always written and numbered), its array
// copied into the dictionary that uses it.
Array destination(ObjectStore& store, Ref page, double top) {
  Array dest{page, Object::name("XYZ"), Object::real(0), Object::real(top), Object::real(0)};
  store.add(dest);
  return dest;
}

// The outline: PoDoFo's PdfOutlines root and PdfOutlineItem objects, in the order and with the
// keys (/Parent /Title /Dest /First /Last /Prev /Next, no /Count) they had.
void add_outline(ObjectStore& store, const layout::DocumentLayout& layout,
                 const std::vector<Ref>& pages) {
  if (layout.outline.empty()) return;
  struct Item {
    Ref ref, first, last;
  };
  std::vector<Item> items{{store.add_typed("Outlines"), {}, {}}};  // the root
  store.dict(ObjectStore::kCatalog).set("Outlines", items[0].ref);
  std::vector<std::pair<int, size_t>> stack;  // open ancestors (level, item)
  auto insert_child = [&](size_t parent, Ref child) {
    Item& p = items[parent];
    if (p.last.num) {
      store.dict(p.last).set("Next", child);
      store.dict(child).set("Prev", p.last);
    }
    p.last = child;
    if (!p.first.num) p.first = child;
    store.dict(p.ref).set("First", p.first);
    store.dict(p.ref).set("Last", p.last);
  };
  for (const auto& o : layout.outline) {
    const layout::Page& p = layout.pages[o.at.page];
    Array dest = destination(store, pages[o.at.page], p.height - o.at.y);
    while (!stack.empty() && stack.back().first >= o.level) stack.pop_back();
    // A top-level item under the root; the first one as PoDoFo's CreateRoot made it, with an empty
    // destination object of its own before the item.
    const size_t parent = stack.empty() ? 0 : stack.back().second;
    if (parent == 0 && !items[0].first.num) store.add(Array{});
    const Ref item = store.add();
    Dict& d = store.dict(item);
    d.set("Parent", items[parent].ref);
    d.set("Title", Object::text(o.title));
    d.set("Dest", std::move(dest));
    insert_child(parent, item);
    items.push_back({item, {}, {}});
    stack.push_back({o.level, items.size() - 1});
  }
}

// Returns each page's annotations in the order of its links. `tagged`: PDF/UA and PDF/A keys
// (a description in /Contents, the print flag). Made as PoDoFo's PdfAnnotation made them (then
// its /Dest's object); PoDoFo's /M (the current time) is dated only by SOURCE_DATE_EPOCH.
std::vector<std::vector<Ref>> add_links(ObjectStore& store, const layout::DocumentLayout& layout,
                                        const std::vector<Ref>& pages, int64_t epoch, bool tagged) {
  std::vector<std::vector<Ref>> annots(layout.pages.size());
  for (size_t i = 0; i < layout.pages.size(); ++i) {
    const layout::Page& p = layout.pages[i];
    for (const auto& l : p.links) {
      const Ref a = store.add_typed("Annot");
      Dict& ad = store.dict(a);  // stays valid while objects are added (ObjectStore)
      ad.set("Subtype", Object::name("Link"));
      ad.set("Rect", rect_array(l.x0, p.height - l.y1, l.x1 - l.x0, l.y1 - l.y0));
      ad.set("P", pages[i]);
      Dict& pd = store.dict(pages[i]);
      if (!pd.get("Annots")) pd.set("Annots", Array{});
      pd.get("Annots")->array().push_back(a);
      const layout::Page& tp = layout.pages[l.target_page];
      // The destination's own object is numbered after the annotation, as PoDoFo numbered it.
      ad.set("Dest", destination(store, pages[l.target_page], tp.height - l.target_y));
      ad.set("Border", Array{Object::real(0), Object::real(0), Object::real(0)});
      if (epoch != 0) ad.set("M", Object::plain(pdf_date(epoch)));
      if (tagged) {
        ad.set("F", integer(4));  // Print
        if (l.tag >= 0) {
          const std::string& alt = layout.structure.nodes[static_cast<size_t>(l.tag)].alt;
          if (!alt.empty()) ad.set("Contents", Object::text(alt));
        }
      }
      annots[i].push_back(a);
    }
  }
  return annots;
}

const std::string kCreator = "BudgetPress " BP_VERSION;
// The libraries that made the file: HarfBuzz shapes and subsets, the objects and the file are our
// own (PoDoFo was named here until round 12, when 20O replaced its object model).
const std::string kProducer = "BudgetPress " BP_VERSION " (HarfBuzz)";

void set_info(ObjectStore& store, const doc::Meta& meta) {
  Dict& d = store.dict(ObjectStore::kInfo);
  if (!meta.title.empty()) d.set("Title", Object::text(meta.title));
  if (!meta.author.empty()) d.set("Author", Object::text(meta.author));
  if (!meta.subject.empty()) d.set("Subject", Object::text(meta.subject));
  if (!meta.keywords.empty()) d.set("Keywords", Object::text(meta.keywords));
  d.set("Creator", Object::plain(kCreator));
  d.set("Producer", Object::plain(kProducer));
  if (meta.epoch != 0) {
    d.set("CreationDate", Object::plain(pdf_date(meta.epoch)));
    d.set("ModDate", Object::plain(pdf_date(meta.epoch)));
  }
  Dict& cat = store.dict(ObjectStore::kCatalog);
  cat.set("Lang", Object::plain(meta.lang.empty() ? "zh-CN" : meta.lang));  // ASCII language tag
  cat.set("PageMode", Object::name("UseOutlines"));
}

}  // namespace

std::string write_pdf(const layout::DocumentLayout& layout, const doc::Meta& meta,
                      WriteStats* stats, const WriteOptions& options) {
  const trace::Span span("pdf");
  // The writer's serial steps, for the timeline.
  std::optional<trace::Span> step(std::in_place, "pdf.begin");
  Flate flate;  // the compressed streams made on this thread
  // The second core (a document typeset alone): the largest face, the content streams of part of
  // the pages, part of the object streams. The store's objects are only touched on this thread.
  // Held by pointer: the last document of a process leaves it to the process's end (below). Or
  // the caller's, started earlier (WriteOptions::helper).
  std::unique_ptr<HelperThread> helper_owner;
  if (options.helper)
    options.helper->give_tools();
  else
    helper_owner = std::make_unique<HelperThread>(options.parallel_fonts);
  HelperThread& helper = options.helper ? *options.helper : *helper_owner;

  // Subset each font once for the whole document (the largest face on the helper, see Programs,
  // posted first of all); meanwhile everything that does not depend on the subsets is written, in
  // the same object order as when it was written after them. This thread first makes every
  // object of the store and posts the helper's next jobs (the structure tree, the content runs), so
  // that the helper goes on with them the moment the largest face is done; then it makes the other
  // faces.
  auto used = collect_fonts(layout);
  Programs programs(used, options.keep_hinting, options.learn_subsets, helper);
  auto document = std::make_unique<ObjectStore>();  // left to exit when last (options)
  ObjectStore& store = *document;
  step.emplace("pdf.page_objects");
  std::vector<FontObjects> font_objs;
  for (size_t i = 0; i < used.size(); ++i) font_objs.push_back(create_font_objects(store));

  const bool tagged = options.tagged && !layout.structure.empty();
  const std::vector<PageTags> tags = tagged ? assign_mcids(layout) : std::vector<PageTags>{};
  std::map<const text::Font*, size_t> font_index;  // outline face → index in `used`
  for (size_t i = 0; i < used.size(); ++i) font_index[used[i].font] = i;
  ImageSet images(store);
  std::vector<Ref> contents;           // each page's content stream, filled below
  std::vector<std::string> image_ops;  // each page's image operators (before its text)
  // Each page as PoDoFo's PdfPage made it: the page (/MediaBox, /Resources with the /ProcSet),
  // its images' objects, its content stream numbered right after it; all in the page tree's
  // /Kids at once, each with /Parent.
  std::vector<Ref> page_objects;
  for (size_t pi = 0; pi < layout.pages.size(); ++pi) {
    const layout::Page& page = layout.pages[pi];
    const Ref p = store.add_typed("Page");
    {
      Dict resources;
      resources.set("ProcSet",
                    Array{Object::name("PDF"), Object::name("Text"), Object::name("ImageB"),
                          Object::name("ImageC"), Object::name("ImageI")});
      Dict& pd = store.dict(p);
      pd.set("MediaBox", rect_array(0, 0, page.width, page.height));
      pd.set("Resources", std::move(resources));
    }
    page_objects.push_back(p);
    image_ops.push_back(images.draw(page, tagged));
    contents.push_back(store.add());
    Dict& pd = store.dict(p);
    pd.set("Contents", contents.back());
    std::set<size_t> on_page;
    for (const auto& it : page.text)
      for (const auto& g : it.glyphs) on_page.insert(font_index.at(&g.font->outlines()));
    Dict& resources = pd.get("Resources")->dict();
    images.add_resources(resources, page);
    if (!on_page.empty()) {
      Dict fonts;
      for (size_t i : on_page) fonts.set("F" + std::to_string(i + 1), font_objs[i].type0);
      resources.set("Font", std::move(fonts));
    }
  }
  if (!page_objects.empty()) {
    Dict& tree = store.dict(ObjectStore::kPages);
    tree.set("Kids", Array(page_objects.begin(), page_objects.end()));
    tree.set("Count", integer(static_cast<int64_t>(page_objects.size())));
    for (const Ref p : page_objects) store.dict(p).set("Parent", ObjectStore::kPages);
  }
  // Content streams, made and compressed in runs of pages (each run's share of the glyphs about
  // equal) that the helper and this thread share. With the helper on the largest face they are
  // made from the predicted CIDs (predicted_subset) and posted now, behind the face: this thread
  // takes the runs the helper has not reached once it has written everything else, instead of
  // waiting for the face.
  const size_t n = layout.pages.size();
  std::vector<std::string> packed(n);
  ContentFonts content_fonts;
  const bool predicted = helper.parallel();
  std::vector<FontSubset> predictions;
  RawObjects tree;  // numbered after every object of the store; made by a job
  TreeTargets targets;
  HelperThread::StopGuard stop_guard(helper);  // the jobs below write to `packed` and `tree`
  auto make_pages = [&](size_t a, size_t b, Flate& f) {
    const trace::Span span("pdf.pages");
    std::string content;
    for (size_t pi = a; pi < b; ++pi) {
      content = image_ops[pi];
      append_page_content(content, layout.pages[pi], content_fonts.refs,
                          tagged ? &tags[pi].marks : nullptr, options.synthetic_bold);
      packed[pi] = f.compress(content);
    }
  };
  std::vector<size_t> runs;  // the tickets of the runs posted last
  auto post_runs = [&] {
    runs.clear();
    size_t glyphs = 0;
    for (const auto& page : layout.pages)
      for (const auto& it : page.text) glyphs += it.glyphs.size() + 8;
    constexpr size_t kRuns = 8;
    size_t a = 0, seen = 0;
    for (size_t pi = 0; pi + 1 < n; ++pi) {
      for (const auto& it : layout.pages[pi].text) seen += it.glyphs.size() + 8;
      if (seen * kRuns >= glyphs) {
        runs.push_back(helper.post([&, a, b = pi + 1](Flate& f) { make_pages(a, b, f); }));
        a = pi + 1;
        seen = 0;
      }
    }
    runs.push_back(helper.post([&, a](Flate& f) { make_pages(a, n, f); }));
  };

  step.emplace("pdf.links+outline+info");
  const auto annots = add_links(store, layout, page_objects, meta.epoch, tagged);
  add_outline(store, layout, page_objects);
  set_info(store, meta);
  if (options.archival) add_pdfa(store, meta, kCreator, kProducer, tagged, flate);
  // Every object of the store exists now. The structure tree's keys are set here, its objects (≈ 2
  // ms on a tagged 44-page document) made by a job: the helper's first after the largest face,
  // ahead of the content runs, as this thread needs them first (FileWriter).
  std::optional<size_t> tree_job;
  if (tagged) {
    const uint32_t first = store.next_number();
    mark_structure(store, page_objects, layout, annots, first);
    targets = TreeTargets{page_objects, annots, first};
    Dict prefs;
    prefs.set("DisplayDocTitle", Object::boolean(true));  // the title, not the file name
    store.dict(ObjectStore::kCatalog).set("ViewerPreferences", std::move(prefs));
    tree_job = helper.post([&](Flate&) {
      const trace::Span tree_span("pdf.structure_tree");
      tree = build_structure_tree(layout, tags, targets);
    });
  }
  step.emplace("pdf.predict");
  if (predicted) {
    std::vector<const FontSubset*> subsets;
    for (const UsedFont& u : used) predictions.push_back(predicted_subset(u));
    for (const FontSubset& p : predictions) subsets.push_back(&p);
    make_content_fonts(content_fonts, layout, used, subsets);
    post_runs();
  }
  step.reset();
  const auto t0 = std::chrono::steady_clock::now();
  programs.make_others(flate);
  const auto t1 = std::chrono::steady_clock::now();

  // Before the wait, the faces' objects that are ready: every face's dictionaries and CMap from
  // its predicted CIDs (if it has a prediction for every glyph), the programs made on this thread.
  // Only what the prediction got wrong is written again below. The bytes are the same as written
  // after the wait: a dictionary keeps its keys sorted.
  std::vector<bool> dicts_done(used.size(), false), program_done(used.size(), false);
  if (predicted) {
    const trace::Span embed_span("pdf.embed_font");
    for (size_t i = 0; i < used.size(); ++i) {
      if (predictions[i].cid_of_gid.size() == used[i].gids.size()) {
        embed_dicts(store, font_objs[i], used[i], predictions[i], flate);
        dicts_done[i] = true;
      }
      if (!programs.on_helper(i)) {
        embed_program(store, font_objs[i], used[i], programs.mine(i));
        program_done[i] = true;
      }
    }
  }
  if (tree_job) helper.wait(*tree_job, flate);

  // The object streams that hold neither a font's objects nor a content stream (all but the first
  // on a tagged document: the structure tree's elements) are serialised now and their compression
  // posted behind the content runs, so that this thread has work while the helper makes the
  // largest face, and the helper after it (FileWriter).
  FileWriter file(store, tree, options.object_streams, helper);
  if (predicted) {
    const trace::Span ahead_span("pdf.file(ahead)");
    std::vector<Ref> pending, will_stream;
    for (const FontObjects& o : font_objs) {
      pending.insert(pending.end(), {o.file, o.desc, o.cid, o.cmap, o.type0});
      will_stream.insert(will_stream.end(), {o.file, o.cmap});
    }
    pending.insert(pending.end(), contents.begin(), contents.end());
    will_stream.insert(will_stream.end(), contents.begin(), contents.end());
    file.pack_ahead(pending, will_stream);
  }
  // The subsets (the writer waits for the helper's here, taking the content runs and object
  // streams the helper has not reached meanwhile), the fonts' remaining objects, then the content
  // streams in the right CIDs.
  const auto t2 = std::chrono::steady_clock::now();
  std::vector<Program>& made = programs.all(flate);
  const auto t3 = std::chrono::steady_clock::now();
  bool remake = !predicted;
  for (size_t i = 0; predicted && i < used.size(); ++i)
    if (made[i].sub.cid_of_gid != predictions[i].cid_of_gid) {
      remake = true;
      dicts_done[i] = false;  // written again from the subset's CIDs
    }
  if (stats)  // the caller's own subsets and its wait for the helper's
    stats->subset_ms = std::chrono::duration<double, std::milli>((t1 - t0) + (t3 - t2)).count();
  if (remake) {
    if (predicted) helper.wait_all(flate);  // the runs still read the predicted content_fonts
    std::vector<const FontSubset*> subsets;
    for (const Program& p : made) subsets.push_back(&p.sub);
    make_content_fonts(content_fonts, layout, used, subsets);
    // The helper makes part of them while fonts are embedded.
    if (helper.parallel()) post_runs();
  }
  for (size_t i = 0; i < used.size(); ++i) {
    const trace::Span embed_span("pdf.embed_font");
    if (!program_done[i]) embed_program(store, font_objs[i], used[i], made[i]);
    if (!dicts_done[i]) embed_dicts(store, font_objs[i], used[i], made[i].sub, flate);
    if (stats)
      stats->fonts.push_back({used[i].font->postscript_name(), used[i].font->file().string(),
                              static_cast<int>(used[i].gids.size() - used[i].gids.count(0)),
                              made[i].bytes, made[i].sub.cid_equals_gid});
  }
  if (helper.parallel()) {
    // The first object stream (the font dictionaries) is posted while the helper may still make
    // content runs; this thread then takes the runs it has not reached.
    const trace::Span rest_span("pdf.file(objects+streams)");
    file.pack_rest(flate);
    for (size_t run : runs) helper.wait(run, flate);  // in order: a wait runs only its own job
  } else if (remake) {
    make_pages(0, n, flate);
  }
  step.emplace("pdf.set_contents");
  for (size_t pi = 0; pi < n; ++pi) {
    set_packed_stream(store, contents[pi], std::move(packed[pi]));
    std::string().swap(packed[pi]);
    std::string().swap(image_ops[pi]);
  }
  step.reset();
  std::string bytes;
  {
    const trace::Span file_span("pdf.file(objects+streams)");
    if (!helper.parallel()) file.pack_rest(flate);  // one stream at a time, as made
    bytes = file.finish(flate);
  }
  step.emplace("pdf.end");  // to the end of the "pdf" span: the writer's locals freed
  // ≈ 1 M instructions of frees before the file can be written and published.
  if (options.last_in_process) leave_to_exit(std::move(document));
  // The helper thread's end (≈ 2 M instructions of mimalloc's teardown of its heap, which the
  // guards' stop() would wait for): parked instead and left to the process's end. Not under the
  // sanitizers, which destroy what is left to exit (the guards below still refer to it).
  if (options.last_in_process && !kTearDownAtExit) {
    helper.park(flate);
    if (helper_owner) leave_to_exit(std::move(helper_owner));  // else the caller's to leave
  }
  return bytes;
}

}  // namespace bp::pdf
