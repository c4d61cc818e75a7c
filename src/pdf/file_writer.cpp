#include "pdf/file_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string_view>
#include <vector>

#include "pdf/object_text.hpp"
#include "util/content_hash.hpp"
#include "util/trace.hpp"

namespace bp::pdf {

namespace {

// Objects per object stream: readers decode a whole stream to reach one object, so streams stay
// moderate; larger ones compress the structure tree's similar dictionaries a little better.
constexpr size_t kObjectsPerStream = 500;

// A cross-reference entry: type (0 free, 1 at an offset, 2 in an object stream), field 2
// (offset or object stream), field 3 (generation or index in the stream).
struct XrefRow {
  uint8_t type = 0;
  uint64_t f2 = 0;
  uint32_t f3 = 0;
};

int bytes_for(uint64_t v) {
  int n = 1;
  while (v >>= 8) ++n;
  return n;
}

void put(std::string& out, uint64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// The /ID of a file: the XXH3-128 hash of `body` (util/content_hash.hpp — the program has no MD5,
// and an ID tells files apart, it is not a security feature): equal files have equal IDs. It is
// made after everything else of the file, on the critical path of every build: XXH3 reads the
// ≈ 340 KB in ≈ 0.03 ms, where two FNV-1a chains took 0.45–0.55 ms (round 15).
std::string file_id(std::string_view body) {
  return "<" + content_hash128_hex(body) + ">";
}

// The trailer keys /Root, /Info (the store's catalog and Info dictionary) and /ID (of `body`,
// file_id).
std::string trailer_keys(const std::string& body) {
  const std::string keys = "/Root " + std::to_string(ObjectStore::kCatalog.num) + " 0 R/Info " +
                           std::to_string(ObjectStore::kInfo.num) + " 0 R";
  const trace::Span span("pdf.file_id");
  const std::string id = file_id(body);
  return keys + "/ID[" + id + id + "]";
}

std::string indirect(uint32_t num, const std::string& body) {
  return std::to_string(num) + " 0 obj\n" + body + "\nendobj\n";
}

}  // namespace

// One object to write: the store's or a raw one (all of generation 0).
struct FileWriter::Item {
  uint32_t num = 0;
  const Indirect* object = nullptr;
  const std::string* raw = nullptr;
  bool stream() const { return object && object->stream; }
};

// One object stream: made by pack (its text) and compressed by a job (data).
struct FileWriter::ObjectStream {
  std::vector<uint32_t> nums;  // its objects, for pack_rest's check of what pack_ahead made
  std::string text;            // from `skip`: the offsets ("num offset …"), then the objects
  size_t skip = 0;             // unused room at text's start
  size_t text_size = 0;        // its size from skip, kept when the compression empties it
  size_t first = 0, count = 0;
  std::string data;  // compressed
};

FileWriter::FileWriter(const ObjectStore& store, const RawObjects& raw, bool object_streams,
                       HelperThread& helper)
    : store_(store), raw_(raw), object_streams_(object_streams), helper_(helper) {
  list_items();
}

void FileWriter::list_items() {
  items_.clear();
  items_.reserve(store_.objects().size() + raw_.bodies.size());  // once: each growth is new pages
  uint32_t num = 1;
  for (const Indirect& o : store_.objects()) items_.push_back({num++, &o, nullptr});
  for (size_t i = 0; i < raw_.bodies.size(); ++i)
    items_.push_back({raw_.first + static_cast<uint32_t>(i), nullptr, &raw_.bodies[i]});
  std::sort(items_.begin(), items_.end(),
            [](const Item& a, const Item& b) { return a.num < b.num; });
  next_ = items_.empty() ? 1 : items_.back().num + 1;
}

FileWriter::~FileWriter() {
  helper_.stop();
}

// Streams are plain indirect objects either way.
template <class IsStream>
std::vector<size_t> FileWriter::packed_items(IsStream streams) const {
  std::vector<size_t> packed;
  if (!object_streams_) return packed;
  packed.reserve(items_.size());
  for (size_t i = 0; i < items_.size(); ++i)
    if (!streams(items_[i])) packed.push_back(i);
  return packed;
}

bool FileWriter::alone(const Item& it) const {
  return it.stream() || (it.object && will_stream_.count(it.num));
}

void FileWriter::pack(size_t k, const std::vector<size_t>& packed, size_t a, size_t b,
                      Flate* flate) {
  auto s = std::make_unique<ObjectStream>();
  const size_t count = b - a;
  // The objects are written once, straight into the stream's text, after room for its line of
  // offsets ("num offset" an object: two numbers of at most 20 digits and two spaces), which then
  // goes right before them. Written apart and joined, the objects were copied twice more into new
  // memory (≈ 100 page faults of a cold 434 on the department's thread, bench/pdf/README.md
  // "Round 16"); the room for them is the largest stream's so far.
  const size_t room = 42 * count;
  std::string& text = s->text;
  text.reserve(room + objects_hint_);
  text.assign(room, ' ');
  std::string head;
  s->nums.reserve(count);
  for (size_t i = a; i < b; ++i) {
    const Item& it = items_[packed[i]];
    s->nums.push_back(it.num);
    append_uint(head, it.num);
    head += ' ';
    append_uint(head, text.size() - room);
    head += ' ';
    if (it.object)
      append_object_text(text, it.object->value);
    else
      text += *it.raw;
    text += '\n';
  }
  objects_hint_ = std::max(objects_hint_, text.size() - room);
  s->skip = room - head.size();
  text.replace(s->skip, head.size(), head);  // the same length: in place
  s->first = head.size();
  s->count = count;
  s->text_size = text.size() - s->skip;
  ObjectStream& mine = *s;
  (flate ? streams_ : ahead_)[k] = std::move(s);
  const size_t ticket = helper_.post([&mine](Flate& f) {
    const trace::Span span("pdf.object_stream(deflate)");
    mine.data = f.compress(std::string_view(mine.text).substr(mine.skip));
    std::string().swap(mine.text);
  });
  if (flate && !helper_.parallel()) helper_.wait(ticket, *flate);  // one text at a time in memory
}

void FileWriter::pack_ahead(const std::vector<Ref>& pending, const std::vector<Ref>& will_stream) {
  if (!object_streams_) return;
  std::set<uint32_t> later;
  for (const Ref& r : pending) later.insert(r.num);
  for (const Ref& r : will_stream) will_stream_.insert(r.num);
  const auto packed = packed_items([&](const Item& it) { return alone(it); });
  ahead_.resize((packed.size() + kObjectsPerStream - 1) / kObjectsPerStream);
  for (size_t first = 0, k = 0; first < packed.size(); first += kObjectsPerStream, ++k) {
    const size_t end = std::min(packed.size(), first + kObjectsPerStream);
    bool changes = false;
    for (size_t i = first; i < end && !changes; ++i)
      changes = items_[packed[i]].object && later.count(items_[packed[i]].num);
    if (!changes) pack(k, packed, first, end, nullptr);
  }
}

void FileWriter::pack_rest(Flate& flate) {
  // Objects added since the constructor (not expected): listed again, and nothing made ahead is
  // kept (their numbers moved the streams' boundaries). Its jobs are waited for first.
  if (items_.size() != store_.size() + raw_.bodies.size()) {
    helper_.wait_all(flate);
    ahead_.clear();
    streams_.clear();
    list_items();
  }
  if (!object_streams_) return;
  const auto packed = packed_items([&](const Item& it) { return alone(it); });
  streams_.resize((packed.size() + kObjectsPerStream - 1) / kObjectsPerStream);
  for (size_t first = 0, k = 0; first < packed.size(); first += kObjectsPerStream, ++k) {
    const size_t end = std::min(packed.size(), first + kObjectsPerStream);
    // A stream made ahead is kept if it holds the same objects (none of them changed since).
    if (k < ahead_.size() && ahead_[k] && ahead_[k]->nums.size() == end - first &&
        std::equal(ahead_[k]->nums.begin(), ahead_[k]->nums.end(), packed.begin() + first,
                   [&](uint32_t num, size_t i) { return items_[i].num == num; })) {
      streams_[k] = std::move(ahead_[k]);
      continue;
    }
    pack(k, packed, first, end, &flate);
  }
}

// Whether the object streams hold exactly the objects that are not written on their own.
bool FileWriter::packed_as_written() const {
  size_t k = 0, i = 0;
  for (const Item& it : items_) {
    if (it.stream()) continue;
    while (k < streams_.size() && i == streams_[k]->nums.size()) ++k, i = 0;
    if (k == streams_.size() || streams_[k]->nums[i++] != it.num) return false;
  }
  while (k < streams_.size() && i == streams_[k]->nums.size()) ++k, i = 0;
  return k == streams_.size();
}

// An upper bound of the file's size, for one allocation of it: grown by doubling instead, the file
// was copied into buffers of 16 KiB, 32 KiB … 512 KiB, each of them new pages to fault in and
// write for the first time — ≈ 240 page faults of a cold 434 at the end of its department's
// thread, ≈ 2.5 ms on a machine where a fault and a first write cost ≈ 10 µs (bench/pdf/README.md,
// "Round 16"). The pages reserved beyond what is written are never touched.
size_t FileWriter::size_bound() const {
  size_t n = 1024 + 64 * size_t{next_};  // header, trailer, xref rows, and object lines
  for (const Item& it : items_) {
    if (object_streams_ && !it.stream()) continue;  // packed: counted with its object stream
    if (it.raw) n += it.raw->size();
    if (it.object) n += 256 + (it.object->stream ? it.object->stream->size() : 0);
  }
  // An object stream's compressed data is at most its text and a few bytes of deflate's stored
  // blocks (the 128 per stream).
  for (const auto* list : {&ahead_, &streams_})
    for (const auto& s : *list)
      if (s) n += 128 + s->text_size;
  return n;
}

std::string FileWriter::finish(Flate& flate) {
  // Header with a comment of four bytes above 127 (a binary file, PDF/A-2 6.1.2).
  std::string out;
  out.reserve(size_bound());
  out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  uint32_t next = next_;
  std::vector<XrefRow> xref(next);
  xref[0] = {0, 0, 65535};
  for (const Item& it : items_) {
    if (object_streams_ && !it.stream()) continue;  // packed
    xref[it.num] = {1, out.size(), 0};
    if (it.object)
      append_indirect(out, it.num, *it.object);
    else
      out += indirect(it.num, *it.raw);
  }

  if (!object_streams_) {
    // Classic cross-reference table: unused numbers are free entries.
    const size_t xref_offset = out.size();
    out += "xref\n0 " + std::to_string(xref.size()) + "\n";
    char line[21];
    for (const XrefRow& r : xref) {
      std::snprintf(line, sizeof line, "%010llu %05u %c\n",
                    static_cast<unsigned long long>(r.type == 1 ? r.f2 : 0),
                    r.type == 1 ? r.f3 : (r.f3 ? r.f3 : 1), r.type == 1 ? 'n' : 'f');
      line[19] = '\n';  // "nnnnnnnnnn ggggg n" + EOL of two characters: space and newline
      line[18] = ' ';
      out.append(line, 20);
    }
    out += "trailer\n<</Size " + std::to_string(xref.size()) + trailer_keys(out) +
           ">>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
    return out;
  }

  // Object streams: compressed by the helper and this thread as they were made (pack_ahead,
  // pack_rest); this thread compresses what the helper has not started.
  helper_.wait_all(flate);
  if (!packed_as_written()) {  // an object meant to get a stream did not (not expected)
    will_stream_.clear();
    ahead_.clear();
    streams_.clear();
    pack_rest(flate);
    helper_.wait_all(flate);
  }
  const uint32_t first_stream = next;
  next += static_cast<uint32_t>(streams_.size());
  xref.resize(next);
  for (size_t k = 0; k < streams_.size(); ++k) {
    const ObjectStream& s = *streams_[k];
    const uint32_t stream_num = first_stream + static_cast<uint32_t>(k);
    for (size_t i = 0; i < s.nums.size(); ++i)
      xref[s.nums[i]] = {2, stream_num, static_cast<uint32_t>(i)};
    xref[stream_num] = {1, out.size(), 0};
    out += std::to_string(stream_num) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(s.count) +
           "/First " + std::to_string(s.first) + "/Filter/FlateDecode/Length " +
           std::to_string(s.data.size()) + ">>\nstream\n" + s.data + "\nendstream\nendobj\n";
  }

  // The cross-reference stream, which also carries the trailer keys.
  const uint32_t xref_num = next++;
  const size_t xref_offset = out.size();
  xref.push_back({1, xref_offset, 0});
  uint64_t max2 = 0;
  uint32_t max3 = 0;
  for (const XrefRow& r : xref) {
    max2 = std::max(max2, r.f2);
    max3 = std::max(max3, r.f3);
  }
  const int w2 = bytes_for(max2), w3 = bytes_for(max3);
  const size_t columns = static_cast<size_t>(1 + w2 + w3);
  // PNG "Up" prediction (each byte minus the byte above it): consecutive rows differ in a few low
  // bytes, so the rows compress to almost nothing (7 KB → 0.6 KB for a tagged 44-page file).
  std::string rows, previous(columns, '\0'), row;
  for (const XrefRow& r : xref) {
    row.clear();
    put(row, r.type, 1);
    put(row, r.f2, w2);
    put(row, r.f3, w3);
    rows += '\x02';
    for (size_t i = 0; i < columns; ++i)
      rows += static_cast<char>(static_cast<unsigned char>(row[i]) -
                                static_cast<unsigned char>(previous[i]));
    previous = row;
  }
  const std::string data = flate.compress(rows);
  out += std::to_string(xref_num) + " 0 obj\n<</Type/XRef/Size " + std::to_string(xref.size()) +
         "/W[1 " + std::to_string(w2) + ' ' + std::to_string(w3) + "]" + trailer_keys(out) +
         "/Filter/FlateDecode/DecodeParms<</Columns " + std::to_string(columns) +
         "/Predictor 12>>/Length " + std::to_string(data.size()) + ">>\nstream\n" + data +
         "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

std::string write_file(const ObjectStore& store, const RawObjects& raw, bool object_streams,
                       Flate& flate, HelperThread& helper) {
  FileWriter writer(store, raw, object_streams, helper);
  writer.pack_rest(flate);
  return writer.finish(flate);
}

}  // namespace bp::pdf
