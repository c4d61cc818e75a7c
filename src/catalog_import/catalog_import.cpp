#include "catalog_import/catalog_import.hpp"

#include <algorithm>
#include <optional>

#include "util/fnv1a.hpp"
#include "util/hash_files.hpp"

namespace bp::catalog_import {

namespace {

// How far down a sheet the headings may be (a title and a unit line usually come first).
constexpr size_t kHeaderSearchRows = 30;

// Bytes of the blank at s[i] (ASCII blanks, 全角空格 U+3000, NBSP), 0 when there is none.
size_t space_len(const std::string& s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (s.compare(i, 3, "\u3000") == 0) return 3;
  if (s.compare(i, 2, "\u00A0") == 0) return 2;
  return 0;
}

// Every kind of blank removed: headings ("科 目 编 码") and codes ("201 01 01").
std::string without_spaces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (size_t len = space_len(s, i)) {
      i += len;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// Blanks at both ends removed, line breaks inside removed (a wrapped cell "一般公共服务\n支出"),
// other inner blanks kept as one space.
std::string clean_text(const std::string& s) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t len = space_len(s, i)) {
      if (s[i] != '\n' && s[i] != '\r') pending_space = true;
      i += len;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += s[i++];
  }
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2010301.0" (a number cell written by some tools) → "2010301".
std::string code_text(const std::string& cell) {
  std::string c = without_spaces(cell);
  if (c.size() > 2 && c.compare(c.size() - 2, 2, ".0") == 0 &&
      all_digits(c.substr(0, c.size() - 2)))
    c.resize(c.size() - 2);
  return c;
}

bool contains(const std::string& s, const char* word) {
  return s.find(word) != std::string::npos;
}

struct Columns {
  int code = -1, name = -1, note = -1, lei = -1, kuan = -1, xiang = -1;
  size_t data_from = 0;
  bool split() const { return lei >= 0 && kuan >= 0; }
};

std::optional<Columns> find_columns(const SourceGrid& g) {
  for (size_t r = 0; r < std::min(g.rows.size(), kHeaderSearchRows); ++r) {
    Columns c;
    const auto& cells = g.rows[r].cells;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string t = without_spaces(cells[i]);
      const int col = static_cast<int>(i);
      if (c.name < 0 && contains(t, "名称"))
        c.name = col;
      else if (c.code < 0 && (contains(t, "编码") || contains(t, "代码")))
        c.code = col;
      else if (c.note < 0 && (contains(t, "说明") || contains(t, "解释")))
        c.note = col;
    }
    if (c.name < 0) continue;
    size_t last_header = r;
    for (size_t rr = r; rr < std::min(g.rows.size(), r + 2); ++rr) {
      const auto& hs = g.rows[rr].cells;
      for (size_t i = 0; i < hs.size(); ++i) {
        const std::string t = without_spaces(hs[i]);
        int* slot = t == "类" ? &c.lei : t == "款" ? &c.kuan : t == "项" ? &c.xiang : nullptr;
        if (slot && *slot < 0) {
          *slot = static_cast<int>(i);
          last_header = std::max(last_header, rr);
        }
      }
    }
    if (!c.split() && c.code < 0) continue;
    c.data_from = last_header + 1;
    return c;
  }
  return std::nullopt;
}

const char* kind_title(CatalogKind k) {
  return k == CatalogKind::Function ? "支出功能分类科目" : "部门预算支出经济分类科目";
}

class Importer {
 public:
  Importer(ImportedCatalog& out) : c_(out) {}

  void read(const SourceGrid& g, const Columns& cols) {
    std::string cur_lei, cur_kuan;
    for (size_t r = cols.data_from; r < g.rows.size(); ++r) {
      const GridRow& row = g.rows[r];
      const std::string name = clean_text(row.cell(static_cast<size_t>(cols.name)));
      const std::string note =
          cols.note >= 0 ? clean_text(row.cell(static_cast<size_t>(cols.note))) : "";
      std::string code;
      std::string code_where = row.where;
      if (cols.split()) {
        if (!split_code(row, cols, cur_lei, cur_kuan, code, code_where)) continue;
      } else {
        code = code_text(row.cell(static_cast<size_t>(cols.code)));
        code_where = row.at(static_cast<size_t>(cols.code));
      }
      // A title or footnote row ("注：…" in the first column): no code, or no digit in it and no
      // name.
      const bool no_digit =
          std::none_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (code.empty() || (no_digit && name.empty())) {
        const std::string shown =
            code.empty() ? name : clean_text(row.cell(static_cast<size_t>(cols.code)));
        if (!shown.empty())
          warn("W613", code.empty() ? row.at(static_cast<size_t>(cols.name)) : code_where,
               "这一行不是科目（没有科目编码），已跳过：“" + shown + "”",
               "标题行、注释行可以不管；如果这是一个科目，请补上编码");
        continue;
      }
      if (!shape_ok(code, code_where)) continue;
      if (name.empty()) {
        error("E623", row.at(static_cast<size_t>(cols.name)), "科目 " + code + " 没有名称",
              "每个科目都要有科目名称");
        continue;
      }
      auto [it, fresh] = c_.entries.emplace(code, CatalogEntry{name, note, code_where});
      if (!fresh)
        error("E622", code_where, "科目编码 " + code + " 重复，第一次在 " + it->second.where,
              "每个编码只能出现一次；两行名称不同时请核对哪一个是本年度的");
    }
  }

  void check_parents() {
    for (const auto& [code, e] : c_.entries) {
      if (code.size() <= 3) continue;
      const std::string parent = code.substr(0, code.size() - 2);
      if (!c_.entries.count(parent))
        error("E624", e.where,
              "科目 " + code + " " + e.name + " 的上级科目 " + parent + " 不在表中",
              std::string("科目表须包含每个") + (code.size() == 5 ? "款的类" : "项的款") +
                  "；请补上这一行，或检查编码是否写错");
    }
  }

  void error(const char* code, std::string where, std::string msg, std::string hint = "") {
    c_.findings.push_back({true, code, std::move(where), std::move(msg), std::move(hint)});
  }
  void warn(const char* code, std::string where, std::string msg, std::string hint = "") {
    c_.findings.push_back({false, code, std::move(where), std::move(msg), std::move(hint)});
  }

 private:
  // The MoF layout: 类 "201", 款 "01", 项 "01" in their own columns, parents from the rows above.
  bool split_code(const GridRow& row, const Columns& cols, std::string& cur_lei,
                  std::string& cur_kuan, std::string& code, std::string& where) {
    auto part = [&](int col) {
      return col < 0 ? std::string() : code_text(row.cell(static_cast<size_t>(col)));
    };
    std::string lei = part(cols.lei), kuan = part(cols.kuan), xiang = part(cols.xiang);
    auto pad = [](std::string& s) {
      if (s.size() == 1 && all_digits(s)) s = "0" + s;  // a number cell lost its leading zero
    };
    pad(kuan);
    pad(xiang);
    if (!lei.empty()) {
      where = row.at(static_cast<size_t>(cols.lei));
      if (!all_digits(lei) || lei.size() != 3) {
        error("E621", where, "类的编码“" + lei + "”应为 3 位数字");
        return false;
      }
      cur_lei = code = lei;
      cur_kuan.clear();
    }
    if (!kuan.empty()) {
      where = row.at(static_cast<size_t>(cols.kuan));
      if (all_digits(kuan) && kuan.size() == 5) {
        cur_kuan = kuan;
      } else if (all_digits(kuan) && kuan.size() == 2) {
        if (cur_lei.empty()) {
          error("E624", where, "款“" + kuan + "”之前没有类", "款所在的类要写在它上面的行里");
          return false;
        }
        cur_kuan = cur_lei + kuan;
      } else {
        error("E621", where, "款的编码“" + kuan + "”应为 2 位（或完整的 5 位）数字");
        return false;
      }
      code = cur_kuan;
    }
    if (!xiang.empty()) {
      where = row.at(static_cast<size_t>(cols.xiang));
      if (all_digits(xiang) && xiang.size() == 7) {
        code = xiang;
      } else if (all_digits(xiang) && xiang.size() == 2) {
        if (cur_kuan.empty()) {
          error("E624", where, "项“" + xiang + "”之前没有款", "项所在的款要写在它上面的行里");
          return false;
        }
        code = cur_kuan + xiang;
      } else {
        error("E621", where, "项的编码“" + xiang + "”应为 2 位（或完整的 7 位）数字");
        return false;
      }
    }
    return true;
  }

  bool shape_ok(const std::string& code, const std::string& where) {
    if (!all_digits(code)) {
      error("E621", where, "科目编码“" + code + "”不是数字", "编码只能由数字组成，如 2010301");
      return false;
    }
    if (c_.kind == CatalogKind::Function) {
      if (code.size() != 3 && code.size() != 5 && code.size() != 7) {
        error("E621", where,
              "功能分类科目编码 " + code + " 应为 3 位（类）、5 位（款）或 7 位（项）");
        return false;
      }
      if (code[0] != '2') {
        error(
            "E621", where,
            "功能分类科目编码 " + code + " 不是支出科目（支出功能分类的类为 2 开头，如 201、205）",
            "收入分类科目（1 开头）不需要导入");
        return false;
      }
      return true;
    }
    if (code.size() != 3 && code.size() != 5) {
      error("E621", where, "经济分类科目编码 " + code + " 应为 3 位（类）或 5 位（款）");
      return false;
    }
    if (code[0] != '3') {
      error("E621", where,
            "经济分类科目编码 " + code + " 不是部门预算支出经济分类（类为 3 开头，如 301、302）",
            "5 开头的是政府预算支出经济分类，部门预算公开用部门预算支出经济分类");
      return false;
    }
    return true;
  }

  ImportedCatalog& c_;
};

}  // namespace

std::string Finding::format() const {
  std::string s = where + ": " + (error ? "错误[" : "警告[") + code + "]: " + message;
  if (!hint.empty()) s += "\n  提示：" + hint;
  return s;
}

bool ImportedCatalog::ok() const {
  return std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.error; });
}

ImportedCatalog import_catalog(const std::filesystem::path& file, CatalogKind kind, int year) {
  ImportedCatalog c;
  c.kind = kind;
  c.year = year;
  c.file = file.string();
  std::vector<SourceGrid> grids = read_source(file);
  Fnv1a64 h;
  hash_file_into(h, file);
  c.source_hash = h.hex();
  Importer imp(c);
  const SourceGrid* used = nullptr;
  for (const auto& g : grids) {
    auto cols = find_columns(g);
    if (!cols) continue;
    if (used) {
      imp.warn("W614", g.file + ":" + g.sheet,
               "工作表“" + g.sheet + "”也像一张科目表，但只读取了“" + used->sheet + "”",
               "一个工作簿请只放一张科目表，或把要导入的表移到最前面");
      continue;
    }
    used = &g;
    c.sheet = g.sheet;
    if (g.from_gb18030)
      imp.warn("W615", g.file, "文件不是 UTF-8 编码，已按 GB18030（GBK）读取",
               "请核对导出的科目名称是否正确");
    if (kind == CatalogKind::Economic && cols->note >= 0)
      imp.warn("W612", g.rows[cols->data_from - 1].at(static_cast<size_t>(cols->note)),
               "经济分类科目的“说明”列不会写入（只有功能分类科目有名词解释）");
    imp.read(g, *cols);
  }
  if (!used) {
    imp.error(
        "E620",
        grids.front().file +
            (grids.size() > 1 || !grids.front().sheet.empty() ? ":" + grids.front().sheet : ""),
        "找不到表头：需要“科目编码”（或“类”“款”“项”三列）和“科目名称”两列",
        "表头写在前 30 行内；列名可以是 科目编码/编码/代码、科目名称/名称，说明列可选");
    return c;
  }
  if (c.entries.empty() && c.ok()) {
    imp.error("E625", c.file, "科目表里没有任何科目", "表头下面应是一行一个科目");
    return c;
  }
  imp.check_parents();
  return c;
}

std::string catalog_tsv(const ImportedCatalog& c) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& [code, e] : c.entries) ++counts[code.size() == 3 ? 0 : code.size() == 5 ? 1 : 2];
  const std::string source = std::filesystem::path(c.file).filename().string() +
                             (c.sheet.empty() ? "" : "（工作表“" + c.sheet + "”）");
  std::string out =
      "# " + std::string(kind_title(c.kind)) + "（" + std::to_string(c.year) + " 年）\n";
  out += "# 由 budgetpress catalog import 生成。来源：" + source + "，文件校验值 FNV-1a 64 " +
         c.source_hash + "。\n";
  out += "# 共 " + std::to_string(c.entries.size()) + " 个科目：类 " + std::to_string(counts[0]) +
         " 个、款 " + std::to_string(counts[1]) + " 个";
  if (c.kind == CatalogKind::Function) out += "、项 " + std::to_string(counts[2]) + " 个";
  out += "。\n";
  out += c.kind == CatalogKind::Function
             ? "# 格式：编码<TAB>名称，一行一个科目，按编码排序（见 docs/catalog.md）。\n"
             : "# 格式：编码<TAB>名称<TAB>经费类别（只写在类上：301、303 "
               "为人员经费，其余为公用经费），按编码排序（见 docs/catalog.md）。\n";
  for (const auto& [code, e] : c.entries) {
    out += code + "\t" + e.name;
    if (c.kind == CatalogKind::Economic && code.size() == 3)
      out += code == "301" || code == "303" ? "\t人员经费" : "\t公用经费";
    out += "\n";
  }
  return out;
}

std::string notes_tsv(const ImportedCatalog& c) {
  if (c.kind != CatalogKind::Function) return "";
  std::string body;
  for (const auto& [code, e] : c.entries)
    if (!e.note.empty()) body += code + "\t" + e.note + "\n";
  if (body.empty()) return "";
  return "# 支出功能分类科目名词解释（" + std::to_string(c.year) +
         " 年）\n# 由 budgetpress catalog import 从 " +
         std::filesystem::path(c.file).filename().string() + " 的“说明”列生成（FNV-1a 64 " +
         c.source_hash + "）。\n# 格式：编码<TAB>解释（见 docs/catalog.md）。\n" + body;
}

}  // namespace bp::catalog_import
