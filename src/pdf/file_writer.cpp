#include "pdf/file_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <vector>

#include "pdf/object_text.hpp"
#include "util/fnv1a.hpp"

namespace bp::pdf {

using namespace PoDoFo;

namespace {

// Objects per object stream: readers decode a whole stream to reach one object, so streams stay
// moderate; larger ones compress the structure tree's similar dictionaries a little better.
constexpr size_t kObjectsPerStream = 500;

// Appends PoDoFo's compact serialisation of one object (a whole indirect object with `whole`, by
// PoDoFo itself; a direct object of an object stream by object_text.hpp, the same bytes quicker).
void serialise(std::string& out, const PdfObject& o, bool whole) {
  if (!whole) {
    append_object_text(out, o);
    return;
  }
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  o.WriteObject(&device, ePdfWriteMode_Compact, nullptr);
  out.append(buffer.GetBuffer(), device.GetLength());
}

std::string reference(const PdfReference& r) {
  return std::to_string(r.ObjectNumber()) + " " + std::to_string(r.GenerationNumber()) + " R";
}

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

// One object to write: PoDoFo's or a raw one.
struct Item {
  uint32_t num = 0;
  const PdfObject* object = nullptr;
  const std::string* raw = nullptr;
  bool stream() const { return object && object->HasStream(); }
  uint16_t generation() const {
    return object ? static_cast<uint16_t>(object->Reference().GenerationNumber()) : 0;
  }
};

// The /ID of a file: two FNV-1a hashes of `body` (util/fnv1a.hpp — PoDoFo does not export its
// MD5, and an ID tells files apart, it is not a security feature): equal files have equal IDs.
// Both in one pass: each hash is a chain of dependent multiplications through every byte (its
// speed is the multiplier's latency), so the two chains interleave on one core at the cost of
// one — as fast as one on each thread, with one read of the ≈ 340 KB and no hand-over.
std::string file_id(std::string_view body) {
  uint64_t plain = Fnv1a64::kOffsetBasis;
  uint64_t framed = Fnv1a64().number(body.size()).value();  // Fnv1a64().field(body)
#pragma GCC unroll 8
  for (const unsigned char c : body) {
    plain = (plain ^ c) * Fnv1a64::kPrime;
    framed = (framed ^ c) * Fnv1a64::kPrime;
  }
  return "<" + hex64(plain) + hex64(framed) + ">";
}

// The trailer keys /Root, /Info (from PoDoFo's trailer) and /ID (of `body`, file_id).
std::string trailer_keys(const PdfMemDocument& pdf, const std::string& body) {
  const PdfDictionary& trailer = pdf.GetTrailer()->GetDictionary();
  std::string keys;
  for (const char* key : {"Root", "Info"})
    if (const PdfObject* v = trailer.GetKey(PdfName(key)); v && v->IsReference())
      keys += std::string("/") + key + ' ' + reference(v->GetReference());
  const std::string id = file_id(body);
  return keys + "/ID[" + id + id + "]";
}

std::string indirect(uint32_t num, const std::string& body) {
  return std::to_string(num) + " 0 obj\n" + body + "\nendobj\n";
}

}  // namespace

uint32_t next_object_number(const PdfMemDocument& pdf) {
  uint32_t next = 1;
  for (const PdfObject* o : pdf.GetObjects())
    next = std::max(next, static_cast<uint32_t>(o->Reference().ObjectNumber()) + 1);
  return next;
}

std::string write_file(const PdfMemDocument& pdf, const RawObjects& raw, bool object_streams,
                       Flate& flate, HelperThread& helper) {
  std::vector<Item> items;
  for (const PdfObject* o : pdf.GetObjects())
    items.push_back({static_cast<uint32_t>(o->Reference().ObjectNumber()), o, nullptr});
  for (size_t i = 0; i < raw.bodies.size(); ++i)
    items.push_back({raw.first + static_cast<uint32_t>(i), nullptr, &raw.bodies[i]});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.num < b.num; });
  uint32_t next = items.empty() ? 1 : items.back().num + 1;

  // Header with a comment of four bytes above 127 (a binary file, PDF/A-2 6.1.2).
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<XrefRow> xref(next);
  xref[0] = {0, 0, 65535};

  // Streams (and objects of a generation other than 0) are plain indirect objects either way.
  std::vector<const Item*> packed;
  for (const Item& it : items) {
    if (object_streams && !it.stream() && it.generation() == 0) {
      packed.push_back(&it);
      continue;
    }
    xref[it.num] = {1, out.size(), it.generation()};
    if (it.object)
      serialise(out, *it.object, true);
    else
      out += indirect(it.num, *it.raw);
  }

  if (!object_streams) {
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
    out += "trailer\n<</Size " + std::to_string(xref.size()) + trailer_keys(pdf, out) +
           ">>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
    return out;
  }

  // Object streams: each one's text is handed to the helper to compress as soon as it is made,
  // and this thread compresses what the helper has not started once all are made.
  struct ObjectStream {
    std::string text;  // the offsets ("num offset …"), then the objects
    size_t first = 0, count = 0;
    std::string data;  // compressed
  };
  std::deque<ObjectStream> streams;            // stable addresses for the jobs
  HelperThread::StopGuard stop_guard(helper);  // the jobs write to `streams`
  for (size_t first = 0; first < packed.size(); first += kObjectsPerStream) {
    const size_t end = std::min(packed.size(), first + kObjectsPerStream);
    const uint32_t stream_num = next++;
    xref.push_back({});
    std::string head, body;
    for (size_t i = first; i < end; ++i) {
      const Item& it = *packed[i];
      append_uint(head, it.num);
      head += ' ';
      append_uint(head, body.size());
      head += ' ';
      if (it.object)
        serialise(body, *it.object, false);
      else
        body += *it.raw;
      body += '\n';
      xref[it.num] = {2, stream_num, static_cast<uint32_t>(i - first)};
    }
    ObjectStream& s = streams.emplace_back();
    s.first = head.size();
    s.count = end - first;
    s.text = std::move(head);
    s.text += body;
    const size_t ticket = helper.post([&s](Flate& f) {
      s.data = f.compress(s.text);
      std::string().swap(s.text);
    });
    if (!helper.parallel()) helper.wait(ticket, flate);  // one text at a time in memory
  }
  helper.wait_all(flate);
  for (size_t k = 0; k < streams.size(); ++k) {
    const ObjectStream& s = streams[k];
    const uint32_t stream_num = next - static_cast<uint32_t>(streams.size() - k);
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
         "/W[1 " + std::to_string(w2) + ' ' + std::to_string(w3) + "]" + trailer_keys(pdf, out) +
         "/Filter/FlateDecode/DecodeParms<</Columns " + std::to_string(columns) +
         "/Predictor 12>>/Length " + std::to_string(data.size()) + ">>\nstream\n" + data +
         "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

}  // namespace bp::pdf
