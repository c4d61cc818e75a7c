#include "import/xlsx_read.hpp"

#include <pugixml.hpp>

#include <cstring>
#include <map>

#include "util/utf8.hpp"

namespace bp::import {

namespace {

std::string_view local(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (auto c : n.children())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

// The relationship id attribute (r:id, whatever the prefix).
std::string rel_id(pugi::xml_node n) {
  for (auto a : n.attributes()) {
    std::string_view name(a.name());
    if (name.find(':') != std::string_view::npos && local(a.name()) == "id") return a.value();
  }
  return {};
}

class Package {
 public:
  explicit Package(const ZipReader& zip) : zip_(zip) {}

  pugi::xml_document xml(const std::string& part, bool required = true) const {
    pugi::xml_document doc;
    auto bytes = zip_.read(part);
    if (!bytes) {
      if (required)
        throw WorkbookIoError(zip_.name() + ": 缺少 " + part + "（不是有效的 .xlsx 工作簿）");
      return doc;
    }
    auto r = doc.load_buffer(bytes->data(), bytes->size(),
                             pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!r)
      throw WorkbookIoError(zip_.name() + ": " + part + " 不是有效的 XML（" + r.description() +
                            "，偏移 " + std::to_string(r.offset) + "）");
    return doc;
  }

  // Relationships of `part`: id → (type, resolved target part name).
  struct Rel {
    std::string type, target;
  };
  std::map<std::string, Rel> rels(const std::string& part) const {
    std::string dir = part.substr(0, part.rfind('/') + 1);
    std::string file = part.substr(part.rfind('/') + 1);
    std::map<std::string, Rel> out;
    auto doc = xml(dir + "_rels/" + file + ".rels", false);
    for (auto r : child(doc, "Relationships").children()) {
      if (local(r.name()) != "Relationship") continue;
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      out[r.attribute("Id").value()] = {r.attribute("Type").value(),
                                        resolve(dir, r.attribute("Target").value())};
    }
    return out;
  }

  static std::string resolve(const std::string& dir, std::string_view target) {
    std::string path = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                           : dir + std::string(target);
    // Normalise "a/b/../c" and "./".
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string::npos) slash = path.size();
      std::string seg = path.substr(start, slash - start);
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
  }

  const ZipReader& zip() const { return zip_; }

 private:
  const ZipReader& zip_;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Text of an <si> or <is>: <t>, or the <t> of every rich-text run <r>; phonetic <rPh> skipped.
std::string string_item(pugi::xml_node si) {
  std::string out;
  for (auto c : si.children()) {
    auto n = local(c.name());
    if (n == "t") {
      out += c.text().get();
    } else if (n == "r") {
      for (auto t : c.children())
        if (local(t.name()) == "t") out += t.text().get();
    }
  }
  return decode_ooxml_escapes(out);
}

std::vector<std::string> shared_strings(const Package& pkg, const std::string& part) {
  std::vector<std::string> out;
  if (part.empty()) return out;
  auto doc = pkg.xml(part, false);
  for (auto si : child(doc, "sst").children())
    if (local(si.name()) == "si") out.push_back(string_item(si));
  return out;
}

void read_sheet(const Package& pkg, const std::string& part, const std::vector<std::string>& sst,
                Sheet& sheet, size_t& cells) {
  auto doc = pkg.xml(part);
  auto ws = child(doc, "worksheet");
  if (!ws) throw WorkbookIoError(pkg.zip().name() + ": " + part + " 不是工作表");
  auto where = [&](const std::string& what) {
    return pkg.zip().name() + ": 工作表“" + sheet.name + "”（" + part + "）: " + what;
  };
  int row = -1;
  for (auto r : child(ws, "sheetData").children()) {
    if (local(r.name()) != "row") continue;
    if (auto a = r.attribute("r")) {
      long n = a.as_llong(0);
      if (n < 1 || n > kMaxRows)
        throw WorkbookIoError(where(std::string("行号“") + a.value() + "”无效"));
      row = static_cast<int>(n - 1);
    } else {
      ++row;
    }
    int col = -1;
    for (auto c : r.children()) {
      if (local(c.name()) != "c") continue;
      if (auto a = c.attribute("r")) {
        auto ref = parse_cell_ref(a.value());
        if (!ref) throw WorkbookIoError(where(std::string("单元格引用“") + a.value() + "”无效"));
        col = ref->col;
      } else {
        ++col;
      }
      if (col >= kMaxCols) throw WorkbookIoError(where("列数超出范围"));
      std::string_view t = c.attribute("t").value();
      auto v = child(c, "v");
      Cell cell;
      if (t == "s") {
        if (!v) continue;
        long idx = v.text().as_llong(-1);
        if (idx < 0 || static_cast<size_t>(idx) >= sst.size())
          throw WorkbookIoError(where(qualified_ref(sheet.name, {row, col}) +
                                      " 引用了不存在的共享字符串 " + v.text().get()));
        cell.text = sst[static_cast<size_t>(idx)];
      } else if (t == "inlineStr") {
        cell.text = string_item(child(c, "is"));
      } else if (t == "str") {
        if (!v) continue;
        cell.text = decode_ooxml_escapes(v.text().get());
      } else if (t == "b") {
        if (!v) continue;
        cell.kind = CellKind::Bool;
        cell.text = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
      } else if (t == "e") {
        cell.kind = CellKind::Error;
        cell.text = v ? v.text().get() : "#N/A";
      } else {  // "n", "d" or absent: the <v> text as stored
        if (!v && child(c, "f")) {
          // A formula whose result was never saved (a workbook written by a program and not
          // opened in Excel since): its value is unknown, not zero.
          cell.kind = CellKind::Error;
          cell.text = std::string(kNoCachedValue);
          if (++cells > kMaxCells)
            throw WorkbookIoError(pkg.zip().name() + ": 单元格过多（超过 " +
                                  std::to_string(kMaxCells) + " 个）");
          sheet.set(row, col, std::move(cell));
          continue;
        }
        if (!v) continue;
        cell.kind = t == "d" ? CellKind::Text : CellKind::Number;
        cell.text = v.text().get();
      }
      if (cell.kind == CellKind::Text && cell.text.empty()) continue;
      if (++cells > kMaxCells)
        throw WorkbookIoError(pkg.zip().name() + ": 单元格过多（超过 " + std::to_string(kMaxCells) +
                              " 个）");
      sheet.set(row, col, std::move(cell));
    }
  }
  for (auto m : child(ws, "mergeCells").children()) {
    if (local(m.name()) != "mergeCell") continue;
    auto range = parse_range_ref(m.attribute("ref").value());
    if (!range)
      throw WorkbookIoError(where(std::string("合并区域“") + m.attribute("ref").value() + "”无效"));
    if (sheet.merges().size() >= 100000) throw WorkbookIoError(where("合并区域过多"));
    sheet.add_merge(*range);
  }
}

}  // namespace

std::string decode_ooxml_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  // The UTF-16 unit of an escape _xHHHH_ at i, or -1.
  auto escape_at = [&](size_t i) -> int {
    if (i + 6 >= s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (size_t k = 2; k < 6; ++k) {
      const int h = hex(s[i + k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  };
  for (size_t i = 0; i < s.size();) {
    const int v = escape_at(i);
    if (v < 0) {
      out += s[i++];
      continue;
    }
    i += 7;
    // A character beyond the BMP is escaped as its UTF-16 surrogate pair (_xD83D__xDE00_): join
    // the pair; a lone surrogate cannot be UTF-8 and becomes U+FFFD.
    char32_t cp = static_cast<char32_t>(v);
    if (v >= 0xD800 && v <= 0xDBFF) {
      const int low = escape_at(i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(v) - 0xD800) << 10) +
             (static_cast<char32_t>(low) - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (v >= 0xDC00 && v <= 0xDFFF) {
      cp = 0xFFFD;
    }
    utf8::append(out, cp);
  }
  return out;
}

Workbook read_workbook(const ZipReader& zip) {
  Package pkg(zip);
  // The main part: the officeDocument relationship of the package, else the usual name.
  std::string main_part = "xl/workbook.xml";
  for (const auto& [id, rel] : pkg.rels("")) {
    (void)id;
    if (ends_with(rel.type, "/officeDocument")) main_part = rel.target;
  }
  auto wb = pkg.xml(main_part);
  auto rels = pkg.rels(main_part);
  std::string sst_part;
  for (const auto& [id, rel] : rels) {
    (void)id;
    if (ends_with(rel.type, "/sharedStrings")) sst_part = rel.target;
  }
  auto sst = shared_strings(pkg, sst_part);

  Workbook out;
  out.file = zip.name();
  size_t cells = 0;
  for (auto s : child(child(wb, "workbook"), "sheets").children()) {
    if (local(s.name()) != "sheet") continue;
    Sheet sheet;
    sheet.name = s.attribute("name").value();
    auto it = rels.find(rel_id(s));
    if (it == rels.end())
      throw WorkbookIoError(zip.name() + ": 工作表“" + sheet.name +
                            "”在 workbook.xml.rels 中没有对应部件");
    if (!ends_with(it->second.type, "/worksheet")) continue;  // chartsheet, dialogsheet …
    if (!zip.read(it->second.target))
      throw WorkbookIoError(zip.name() + ": 工作表“" + sheet.name + "”的内容（" +
                            it->second.target + "）不在文件中，工作簿已损坏");
    read_sheet(pkg, it->second.target, sst, sheet, cells);
    out.sheets.push_back(std::move(sheet));
  }
  if (out.sheets.empty()) throw WorkbookIoError(zip.name() + ": 工作簿中没有工作表");
  return out;
}

Workbook read_workbook_file(const std::filesystem::path& path) {
  return read_workbook(ZipReader::open_file(path));
}

}  // namespace bp::import
