#include "model/load.hpp"

#include <fstream>

#include "model/text_check.hpp"
#include "model/yaml_reader.hpp"
#include "util/read_sized.hpp"
#include "util/utf8.hpp"
#include "util/yaml_tree.hpp"

namespace bp {

std::optional<Pos> find_invalid_utf8(const std::string& s) {
  // Nearly every file is valid: validate without counting, and count lines and columns (in
  // characters) only up to a bad byte when there is one.
  size_t bad = 0;
  while (bad < s.size()) {
    if (static_cast<unsigned char>(s[bad]) < 0x80) {
      ++bad;
      continue;
    }
    // Strict decoding: overlong forms, surrogates and out-of-range code points are invalid too.
    const utf8::Decoded d = utf8::decode(s, bad);
    if (!d.valid()) break;
    bad += d.len;
  }
  if (bad == s.size()) return std::nullopt;
  int line = 1, col = 1;
  for (size_t i = 0; i < bad;) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (d.cp == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += d.len;
  }
  return Pos{line, col};
}

namespace {

class Loader {
 public:
  Loader(Diagnostics& d, const LoadLimits& lim) : r_(d, Unit::Wan), d_(d), lim_(lim) {}

  std::optional<Budget> load(const yaml::Node& root, const std::string& file) {
    Budget b;
    b.file = file;
    if (!r_.is_map(root, "文件顶层")) return std::nullopt;
    r_.check_keys(
        root,
        {"schema", "department", "income", "expenditure", "basic_economic", "three_public",
         "previous_year", "running_cost", "catalog", "performance", "projects", "special_funds",
         "procurement", "assets", "texts", "blocks", "expect", "review"},
        "文件顶层");
    std::string path;
    collect_key_paths(root, path, b.key_paths);
    if (r_.require(root, "schema", "文件顶层")) {
      auto v = r_.integer(root["schema"], "schema", 1, 1);
      (void)v;
    }
    // The unit must be known before any amount is read.
    if (r_.require(root, "department", "文件顶层")) department(root["department"], b.dept);
    r_.set_unit(b.dept.unit);
    if (r_.require(root, "income", "文件顶层")) income(root["income"], b);
    if (r_.require(root, "expenditure", "文件顶层")) expenditure(root["expenditure"], b);
    if (auto n = root["basic_economic"]; n.defined()) economic(n, b);
    if (auto n = root["three_public"]; n.defined()) three_public(n, b.three_public);
    if (auto n = root["previous_year"]; n.defined()) previous(n, b.previous);
    if (auto n = root["running_cost"]; n.defined()) running_cost(n, b.running_cost);
    if (auto n = root["catalog"]; n.defined()) catalog(n, b.catalog);
    inline_names(b);
    if (auto n = root["performance"]; n.defined()) performance(n, b.performance);
    if (auto n = root["projects"]; n.defined()) projects(n, b.projects, "projects");
    if (auto n = root["special_funds"]; n.defined()) projects(n, b.special_funds, "special_funds");
    if (auto n = root["procurement"]; n.defined()) procurement(n, b);
    if (auto n = root["assets"]; n.defined()) assets(n, b.assets);
    if (auto n = root["texts"]; n.defined())
      text_map(n, b.texts, "texts",
               {"project_summary", "other_matters", "income_note", "running_cost_note",
                "three_public_note"});
    if (auto n = root["blocks"]; n.defined()) blocks(n, b.blocks);
    if (auto n = root["expect"]; n.defined()) expect(n, b.expect);
    if (auto n = root["review"]; n.defined()) review(n, b.review);
    return b;
  }

 private:
  YamlReader r_;
  Diagnostics& d_;
  const LoadLimits& lim_;
  size_t rows_ = 0;  // items of all lists so far
  bool rows_reported_ = false;

  // Key paths of every map below `n` ("assets.units.statement.original"); list items share their
  // list's path. Only the first position of a path is kept.
  // `path` is the prefix on entry and again on return: one buffer for the whole walk, a string
  // allocated only for a path seen the first time.
  static void collect_key_paths(const yaml::Node& n, std::string& path,
                                std::map<std::string, Pos>& out) {
    if (n.is_map()) {
      const size_t prefix = path.size();
      for (auto it = n.begin(); it != n.end(); ++it) {
        const yaml::Node key = it->first;  // a copy: it-> returns a temporary proxy
        if (!key.is_scalar()) continue;
        if (prefix) path += '.';
        path += key.scalar();
        out.try_emplace(path, YamlReader::pos(key));
        collect_key_paths(it->second, path, out);
        path.resize(prefix);
      }
    } else if (n.is_seq()) {
      for (const auto& e : n) collect_key_paths(e, path, out);
    }
  }

  // blocks: {名称: 文字 | false}. Names are checked against the registry in validate.
  void blocks(const yaml::Node& n, std::map<std::string, BlockOverride>& out) {
    if (!r_.is_map(n, "blocks")) return;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!it->first.is_scalar()) continue;
      const std::string name(it->first.scalar());
      BlockOverride o;
      o.pos = YamlReader::pos(it->first);
      const yaml::Node v = it->second;
      if (v.is_scalar() && (v.scalar() == "false" || v.scalar() == "off") && v.tag() != "!") {
        o.off = true;
      } else if (auto t = txt(v, "blocks." + name)) {
        o.text = t->value;
      } else {
        continue;
      }
      if (!out.emplace(name, o).second) d_.error("E005", o.pos, "blocks 中“" + name + "”写了两次");
    }
  }

  bool list_ok(const yaml::Node& n, std::string_view what) {
    if (!r_.is_seq(n, what)) return false;
    if (n.size() > lim_.max_list_items) {
      d_.error("E014", YamlReader::pos(n),
               std::string(what) + "的条目过多（" + std::to_string(n.size()) + " 条，上限 " +
                   std::to_string(lim_.max_list_items) + "）");
      return false;
    }
    return count_rows(n, what);
  }

  // Every list item becomes at least one table row or paragraph of the documents, so the items of
  // all lists together are bounded too (this is what bounds the layout work of a department).
  bool count_rows(const yaml::Node& n, std::string_view what) {
    rows_ += n.size();
    if (rows_ <= lim_.max_total_rows) return true;
    if (!rows_reported_) {
      rows_reported_ = true;
      d_.error("E014", YamlReader::pos(n),
               "全部列表的条目合计超过 " + std::to_string(lim_.max_total_rows) + " 条（在" +
                   std::string(what) + "处超出；这是表格和段落总行数的上限）",
               "一个部门的公开文档通常只有几百行表格；请确认没有重复粘贴数据");
    }
    return false;
  }

  // A text or a list of texts (职责条目, 绩效目标 …), with the same limits as every other list and
  // text.
  std::vector<Text> texts(const yaml::Node& n, std::string_view what) {
    if (n.is_seq() && !list_ok(n, what)) return {};
    std::vector<Text> out = r_.texts(n, what);
    std::erase_if(out, [&](const Text& t) {
      if (t.value.size() <= lim_.max_text_bytes) return false;
      d_.error("E014", t.pos,
               std::string(what) + "过长（" + std::to_string(t.value.size()) + " 字节，上限 " +
                   std::to_string(lim_.max_text_bytes) + "）");
      return true;
    });
    return out;
  }

  std::optional<Text> txt(const yaml::Node& n, std::string_view what) {
    auto t = r_.text(n, what);
    if (t && t->value.size() > lim_.max_text_bytes) {
      d_.error("E014", t->pos,
               std::string(what) + "过长（" + std::to_string(t->value.size()) + " 字节，上限 " +
                   std::to_string(lim_.max_text_bytes) + "）");
      return std::nullopt;
    }
    return t;
  }

  void set_text(const yaml::Node& m, const char* key, Text& out, std::string_view what) {
    if (auto n = m[key]; n.defined() && !n.is_null())
      if (auto t = txt(n, what)) out = std::move(*t);
  }

  void department(const yaml::Node& n, Department& d) {
    if (!r_.is_map(n, "department")) return;
    r_.check_keys(n,
                  {"code", "name", "short_name", "year", "form", "unit", "header_separator",
                   "gov_level", "three_public_layout", "duties", "institutions", "list_zero_income",
                   "purpose_amounts", "theme", "title_page"},
                  "department");
    set_text(n, "theme", d.theme, "主题名称");
    if (auto tp = n["title_page"]; tp.defined() && r_.is_map(tp, "title_page")) {
      r_.check_keys(tp, {"date", "date_label", "issuer", "logo"}, "title_page");
      set_text(tp, "date", d.title_page.date, "封面日期");
      set_text(tp, "date_label", d.title_page.date_label, "封面日期标签");
      set_text(tp, "issuer", d.title_page.issuer, "发布单位");
      set_text(tp, "logo", d.title_page.logo, "封面标志图片");
      if (const Text& dt = d.title_page.date; !dt.value.empty() && !title_date_text(dt.value))
        d_.error(
            "E610", dt.pos, "封面日期“" + dt.value + "”不是日期",
            "写成 2025-01-20（年-月-日）或 2025-01（年-月），封面印作 2025年1月20日 / 2025年1月");
    }
    if (auto v = n["list_zero_income"]; v.defined())
      if (auto f = r_.boolean(v, "list_zero_income")) d.list_zero_income = *f;
    if (auto v = n["purpose_amounts"]; v.defined())
      if (auto f = r_.boolean(v, "purpose_amounts")) d.purpose_amounts = *f;
    if (r_.require(n, "code", "department"))
      if (auto c = r_.code(n["code"], {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, "部门编码"))
        d.code = *c;
    if (r_.require(n, "name", "department")) set_text(n, "name", d.name, "部门名称");
    if (d.name.value.empty() && n["name"].defined())
      d_.error("E007", YamlReader::pos(n["name"]), "部门名称不能为空");
    set_text(n, "short_name", d.short_name, "部门简称");
    if (r_.require(n, "year", "department")) {
      d.year_pos = YamlReader::pos(n["year"]);
      if (auto y = r_.integer(n["year"], "预算年度", 2000, 2100)) d.year = static_cast<int>(*y);
    }
    if (r_.require(n, "form", "department")) {
      d.form_pos = YamlReader::pos(n["form"]);
      if (auto f = txt(n["form"], "form")) d.form = f->value;
    }
    if (auto u = n["unit"]; u.defined()) {
      if (auto t = txt(u, "unit")) {
        if (t->value == "万元")
          d.unit = Unit::Wan;
        else if (t->value == "元")
          d.unit = Unit::Yuan;
        else
          d_.error("E013", t->pos, "金额单位只能是“万元”或“元”：“" + t->value + "”");
      }
    }
    if (auto s = n["header_separator"]; s.defined())
      if (auto t = txt(s, "header_separator")) d.header_separator = t->value;
    if (auto s = n["gov_level"]; s.defined())
      if (auto t = txt(s, "gov_level")) d.gov_level = t->value;
    if (auto s = n["three_public_layout"]; s.defined())
      if (auto t = txt(s, "three_public_layout")) {
        if (t->value != "full" && t->value != "short")
          d_.error("E013", t->pos, "three_public_layout 只能是 full 或 short：“" + t->value + "”");
        else
          d.three_public_layout = t->value;
      }
    if (auto du = n["duties"]; du.defined() && r_.is_map(du, "duties")) {
      r_.check_keys(du, {"intro", "numbering", "items"}, "duties");
      set_text(du, "intro", d.duties_intro, "职责导语");
      if (auto nb = du["numbering"]; nb.defined())
        if (auto t = txt(nb, "numbering")) {
          static const char* styles[] = {"(一)", "（一）", "一、", "1.", "1、"};
          bool ok = false;
          for (auto s : styles) ok = ok || t->value == s;
          if (!ok)
            d_.error("E013", t->pos, "未知的编号样式“" + t->value + "”",
                     "可选：(一) （一） 一、 1. 1、");
          else
            d.duties_numbering = t->value;
        }
      if (auto it = du["items"]; it.defined()) d.duties = texts(it, "职责条目");
    }
    if (auto in = n["institutions"]; in.defined() && list_ok(in, "institutions")) {
      for (const auto& e : in) {
        if (!r_.is_map(e, "机构设置条目")) continue;
        r_.check_keys(e, {"code", "name", "nature", "rank", "funding"}, "机构设置条目");
        Institution inst;
        set_text(e, "code", inst.code, "单位编码");
        if (r_.require(e, "name", "机构设置条目")) set_text(e, "name", inst.name, "单位名称");
        set_text(e, "nature", inst.nature, "单位性质");
        set_text(e, "rank", inst.rank, "单位规格");
        set_text(e, "funding", inst.funding, "经费保障形式");
        d.institutions.push_back(std::move(inst));
      }
    }
  }

  void income(const yaml::Node& n, Budget& b) {
    b.income_pos = YamlReader::pos(n);
    if (!r_.is_map(n, "income")) return;
    r_.check_keys(n,
                  {"gpb", "fund", "soc", "special", "business", "operating", "upper", "affiliated",
                   "other", "carryover_gpb", "carryover_fund", "carryover_soc", "carryover"},
                  "income");
    for (int s = 0; s < kSourceCount; ++s)
      if (auto v = n[source_key(static_cast<Source>(s))]; v.defined())
        if (auto a = r_.money(v, std::string("income.") + source_key(static_cast<Source>(s))))
          b.income[s] = *a;
  }

  void expenditure(const yaml::Node& n, Budget& b) {
    b.expenditure_pos = YamlReader::pos(n);
    if (!list_ok(n, "expenditure")) return;
    for (const auto& e : n) {
      if (!r_.is_map(e, "支出条目")) continue;
      r_.check_keys(e,
                    {"code", "name", "source", "basic", "project", "operating", "upper",
                     "subsidiary", "personnel", "public"},
                    "支出条目");
      ExpenditureLine l;
      l.pos = YamlReader::pos(e);
      if (r_.require(e, "code", "支出条目")) {
        if (auto c = r_.code(e["code"], {7}, "功能分类科目编码"))
          l.code = *c;
        else
          continue;
      } else {
        continue;
      }
      if (auto nm = e["name"]; nm.defined())
        if (auto t = txt(nm, "科目名称")) l.name = *t;
      if (auto s = e["source"]; s.defined()) {
        l.source_pos = YamlReader::pos(s);
        auto t = txt(s, "资金来源");
        auto src = t ? source_from_key(t->value) : std::nullopt;
        if (t && !src) {
          d_.error("E013", t->pos, "未知的资金来源“" + t->value + "”",
                   "可选：gpb fund soc special business operating upper affiliated other "
                   "carryover_gpb carryover_fund carryover_soc carryover");
          continue;
        }
        if (src) l.source = *src;
      } else {
        l.source_pos = l.code.pos;
      }
      for (int k = 0; k < kKindCount; ++k)
        if (auto v = e[kind_key(static_cast<Kind>(k))]; v.defined())
          if (auto a = r_.money(v, std::string("支出 ") + kind_key(static_cast<Kind>(k))))
            l.amounts[k] = *a;
      if (auto v = e["personnel"]; v.defined()) l.personnel = r_.money(v, "人员经费");
      if (auto v = e["public"]; v.defined()) l.public_ = r_.money(v, "公用经费");
      // A split of 基本支出 into 人员/公用 without an explicit basic amount defines it.
      if ((l.personnel || l.public_) && !e["basic"].defined()) {
        Money sum =
            (l.personnel ? l.personnel->value : Money()) + (l.public_ ? l.public_->value : Money());
        l.amounts[0] = {sum, l.personnel ? l.personnel->pos : l.public_->pos};
      }
      b.expenditure.push_back(std::move(l));
    }
  }

  void economic(const yaml::Node& n, Budget& b) {
    b.economic_pos = YamlReader::pos(n);
    if (!list_ok(n, "basic_economic")) return;
    for (const auto& e : n) {
      if (!r_.is_map(e, "经济分类条目")) continue;
      r_.check_keys(e, {"code", "amount"}, "经济分类条目");
      EconomicLine l;
      l.pos = YamlReader::pos(e);
      if (!r_.require(e, "code", "经济分类条目") || !r_.require(e, "amount", "经济分类条目"))
        continue;
      auto c = r_.code(e["code"], {5}, "经济分类科目编码");
      auto a = r_.money(e["amount"], "经济分类金额");
      if (!c || !a) continue;
      l.code = std::move(*c);
      l.amount = *a;
      b.economic.push_back(std::move(l));
    }
  }

  void tp_amounts(const yaml::Node& n, TpAmounts& out, std::string_view what,
                  ThreePublic* groups = nullptr) {
    out.pos = YamlReader::pos(n);
    if (!r_.is_map(n, what)) return;
    out.present = true;
    if (groups) {
      // Last year: a group total where the split is not known (因公出国（境）费,
      // 公务用车购置及运维费).
      r_.check_keys(
          n,
          {"outbound_research", "outbound_other", "vehicle_purchase", "vehicle_operation",
           "reception", "meeting_university", "meeting_other", "training", "outbound", "vehicle"},
          what);
      if (auto v = n["outbound"]; v.defined())
        groups->last_year_outbound = r_.money(v, std::string(what) + ".outbound");
      if (auto v = n["vehicle"]; v.defined())
        groups->last_year_vehicle = r_.money(v, std::string(what) + ".vehicle");
    } else {
      r_.check_keys(n,
                    {"outbound_research", "outbound_other", "vehicle_purchase", "vehicle_operation",
                     "reception", "meeting_university", "meeting_other", "training"},
                    what);
    }
    for (int i = 0; i < kTpItemCount; ++i) {
      auto v = n[tp_item_key(static_cast<TpItem>(i))];
      if (!v.defined()) continue;
      std::string label = std::string(what) + "." + tp_item_key(static_cast<TpItem>(i));
      if (v.is_map()) {
        r_.check_keys(v, {"gpb", "fund", "soc"}, label);
        static const char* srcs[3] = {"gpb", "fund", "soc"};
        for (int s = 0; s < 3; ++s)
          if (auto a = v[srcs[s]]; a.defined())
            if (auto m = r_.money(a, label + "." + srcs[s])) out.v[i][s] = *m;
      } else if (auto m = r_.money(v, label)) {
        out.v[i][0] = *m;
      }
    }
  }

  void text_map(const yaml::Node& n, std::map<std::string, Text>& out, std::string_view what,
                std::initializer_list<std::string_view> keys) {
    if (!r_.is_map(n, what)) return;
    r_.check_keys(n, keys, what);
    for (auto it = n.begin(); it != n.end(); ++it)
      if (it->first.is_scalar())
        if (auto t = txt(it->second, std::string(what) + "." + std::string(it->first.scalar())))
          out.emplace(it->first.scalar(), *t);
  }

  void three_public(const yaml::Node& n, ThreePublic& tp) {
    if (!r_.is_map(n, "three_public")) return;
    r_.check_keys(n, {"this_year", "last_year", "last_year_total", "reasons"}, "three_public");
    if (auto v = n["this_year"]; v.defined()) tp_amounts(v, tp.this_year, "three_public.this_year");
    if (auto v = n["last_year"]; v.defined())
      tp_amounts(v, tp.last_year, "three_public.last_year", &tp);
    if (auto v = n["last_year_total"]; v.defined()) {
      tp.last_year_total = r_.money(v, "three_public.last_year_total");
      if (tp.last_year.present)
        d_.error("E050", YamlReader::pos(v), "last_year 与 last_year_total 只能二选一",
                 "已逐项填写上年数时，上年合计由程序计算");
    }
    if (auto v = n["reasons"]; v.defined())
      text_map(v, tp.reasons, "three_public.reasons",
               {"total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation",
                "reception", "meeting", "training"});
  }

  void previous(const yaml::Node& n, PreviousYear& p) {
    p.pos = YamlReader::pos(n);
    if (!r_.is_map(n, "previous_year")) return;
    r_.check_keys(n, {"basic", "project", "running_cost", "reasons"}, "previous_year");
    if (auto v = n["basic"]; v.defined()) p.basic = r_.money(v, "previous_year.basic");
    if (auto v = n["project"]; v.defined()) p.project = r_.money(v, "previous_year.project");
    if (auto v = n["running_cost"]; v.defined())
      p.running_cost = r_.money(v, "previous_year.running_cost");
    if (auto v = n["reasons"]; v.defined())
      text_map(v, p.reasons, "previous_year.reasons",
               {"total", "basic", "project", "running_cost"});
  }

  void running_cost(const yaml::Node& n, RunningCost& rc) {
    if (!r_.is_map(n, "running_cost")) return;
    r_.check_keys(n, {"total", "purpose", "items"}, "running_cost");
    if (auto v = n["total"]; v.defined()) rc.total = r_.money(v, "running_cost.total");
    set_text(n, "purpose", rc.purpose, "running_cost.purpose");
    if (auto it = n["items"]; it.defined() && list_ok(it, "running_cost.items")) {
      rc.items_pos = YamlReader::pos(it);
      for (const auto& e : it) {
        if (!r_.is_map(e, "机关运行经费条目")) continue;
        r_.check_keys(e, {"name", "amount"}, "机关运行经费条目");
        RunningCostItem item;
        if (!r_.require(e, "name", "机关运行经费条目") ||
            !r_.require(e, "amount", "机关运行经费条目"))
          continue;
        auto t = txt(e["name"], "名称");
        auto a = r_.money(e["amount"], "金额");
        if (t && a) rc.items.push_back({*t, *a});
      }
    }
  }

  // A name on an expenditure line (`name:`) names its 项 like `catalog.function` does, so that a
  // department is not blocked by a catalogue that lacks the code; validation warns about it (W610,
  // W611). `catalog.function` wins (W616 when it says otherwise); two lines naming one code
  // differently are an error (E626).
  void inline_names(Budget& b) {
    std::map<std::string, Pos> given;  // code → the line that named it
    for (const auto& l : b.expenditure) {
      if (l.name.value.empty() || l.code.value.empty()) continue;
      auto [it, fresh] = b.catalog.function.emplace(l.code.value, l.name);
      if (fresh) {
        given[l.code.value] = l.name.pos;
      } else if (it->second.value != l.name.value && given.count(l.code.value)) {
        d_.error("E626", l.name.pos,
                 "科目 " + l.code.value + " 的名称“" + l.name.value + "”与第 " +
                     std::to_string(it->second.pos.line) + " 行写的“" + it->second.value + "”不同",
                 "同一科目只能有一个名称：改成一致，或只在一处写 name");
      } else if (it->second.value != l.name.value) {
        d_.warning("W616", l.name.pos,
                   "本行写的名称“" + l.name.value + "”与 catalog.function 中 " + l.code.value +
                       " 的名称“" + it->second.value + "”（第 " +
                       std::to_string(it->second.pos.line) +
                       " 行）不同，文档使用 catalog.function 的名称",
                   "同一科目只写一个名称：删去本行的 name，或改成一致");
      }
    }
    b.inline_function_names = std::move(given);
  }

  void catalog(const yaml::Node& n, CatalogOverrides& c) {
    if (!r_.is_map(n, "catalog")) return;
    r_.check_keys(n, {"function", "economic", "function_notes"}, "catalog");
    auto read = [&](const char* key, std::map<std::string, Text>& out,
                    std::initializer_list<size_t> lens) {
      auto m = n[key];
      if (!m.defined() || !r_.is_map(m, std::string("catalog.") + key)) return;
      for (auto it = m.begin(); it != m.end(); ++it) {
        auto code = r_.code(it->first, lens, "科目编码");
        auto name = txt(it->second, "科目名称");
        if (code && name) out[code->value] = *name;
      }
    };
    read("function", c.function, {3, 5, 7});
    read("economic", c.economic, {3, 5});
    read("function_notes", c.function_notes, {3, 5, 7});
  }

  PerformanceItem perf_item(const yaml::Node& e, int depth) {
    PerformanceItem it;
    if (!r_.is_map(e, "分项绩效目标")) return it;
    r_.check_keys(e, {"title", "goal", "indicators", "standard", "children"}, "分项绩效目标");
    set_text(e, "title", it.title, "标题");
    set_text(e, "goal", it.goal, "绩效目标");
    set_text(e, "indicators", it.indicators, "绩效指标");
    set_text(e, "standard", it.standard, "绩效标准");
    if (auto c = e["children"]; c.defined() && list_ok(c, "children")) {
      if (depth >= 4) {
        d_.error("E014", YamlReader::pos(c), "分项绩效目标嵌套过深（最多 4 层）");
      } else {
        for (const auto& ch : c) it.children.push_back(perf_item(ch, depth + 1));
      }
    }
    return it;
  }

  void performance(const yaml::Node& n, Performance& p) {
    if (!r_.is_map(n, "performance")) return;
    r_.check_keys(n, {"numbering", "overall", "items_intro", "items", "measures"}, "performance");
    if (auto nb = n["numbering"]; nb.defined())
      if (auto t = txt(nb, "numbering")) {
        if (t->value != "（1）" && t->value != "1、" && t->value != "1." && t->value != "(1)")
          d_.error("E013", t->pos, "未知的分项绩效目标编号样式“" + t->value + "”",
                   "可选：（1） (1) 1、 1.");
        else
          p.numbering = t->value;
      }
    if (auto v = n["overall"]; v.defined()) p.overall = texts(v, "总体绩效目标");
    set_text(n, "items_intro", p.items_intro, "分项目标导语");
    if (auto v = n["items"]; v.defined() && list_ok(v, "performance.items"))
      for (const auto& e : v) p.items.push_back(perf_item(e, 1));
    if (auto v = n["measures"]; v.defined()) p.measures = texts(v, "工作保障措施");
  }

  void projects(const yaml::Node& n, std::vector<Project>& out, std::string_view what) {
    if (!list_ok(n, what)) return;
    for (const auto& e : n) {
      if (!r_.is_map(e, "项目")) continue;
      r_.check_keys(e,
                    {"code", "name", "unit", "fiscal", "other", "purpose", "spend_plan", "goals",
                     "indicators"},
                    "项目");
      Project p;
      p.pos = YamlReader::pos(e);
      set_text(e, "code", p.code, "项目编码");
      if (r_.require(e, "name", "项目")) set_text(e, "name", p.name, "项目名称");
      set_text(e, "unit", p.unit, "预算单位");
      if (auto v = e["fiscal"]; v.defined()) p.fiscal = r_.money(v, "财政资金");
      if (auto v = e["other"]; v.defined()) p.other = r_.money(v, "其他资金");
      set_text(e, "purpose", p.purpose, "资金用途");
      if (auto v = e["spend_plan"]; v.defined()) {
        p.spend_plan_pos = YamlReader::pos(v);
        if (r_.is_seq(v, "spend_plan")) {
          if (v.size() != 4)
            d_.error("E062", p.spend_plan_pos,
                     "资金支出计划应有 4 个数（3月底、6月底、10月底、12月底），实际 " +
                         std::to_string(v.size()) + " 个");
          else
            for (const auto& x : v) {
              // A quarter left blank on purpose (~ or "") prints blank, not 0%.
              if (x.is_null() || (x.is_scalar() && x.scalar().empty())) {
                p.spend_plan_hundredths.push_back(-1);
                continue;
              }
              if (auto pc = r_.percent(x, "资金支出计划")) p.spend_plan_hundredths.push_back(*pc);
            }
        }
      }
      if (auto v = e["goals"]; v.defined()) p.goals = texts(v, "绩效目标");
      if (auto v = e["indicators"]; v.defined() && list_ok(v, "indicators")) {
        for (const auto& x : v) {
          if (!r_.is_map(x, "绩效指标")) continue;
          r_.check_keys(x, {"level1", "level2", "name", "description", "value", "basis"},
                        "绩效指标");
          Indicator ind;
          ind.pos = YamlReader::pos(x);
          set_text(x, "level1", ind.level1, "一级指标");
          set_text(x, "level2", ind.level2, "二级指标");
          set_text(x, "name", ind.name, "三级指标");
          set_text(x, "description", ind.description, "指标描述");
          set_text(x, "value", ind.value, "指标值");
          set_text(x, "basis", ind.basis, "确定依据");
          p.indicators.push_back(std::move(ind));
        }
      }
      out.push_back(std::move(p));
    }
  }

  // review: {off: [W210, …]} — the codes are checked by the review (check), which knows them.
  void review(const yaml::Node& n, ReviewOverrides& out) {
    out.pos = YamlReader::pos(n);
    if (!r_.is_map(n, "review")) return;
    r_.check_keys(n, {"off"}, "review");
    if (auto v = n["off"]; v.defined()) out.off = texts(v, "review.off");
  }

  void procurement(const yaml::Node& n, Budget& b) {
    if (!list_ok(n, "procurement")) return;
    for (const auto& e : n) {
      if (!r_.is_map(e, "采购条目")) continue;
      r_.check_keys(e,
                    {"unit", "project", "project_code", "project_budget", "item", "catalog_code",
                     "uom", "quantity", "unit_price", "amounts", "sme_reserved", "fixed_asset"},
                    "采购条目");
      ProcurementRow row;
      row.pos = YamlReader::pos(e);
      set_text(e, "unit", row.unit, "预算单位");
      if (r_.require(e, "project", "采购条目")) set_text(e, "project", row.project, "项目名称");
      set_text(e, "project_code", row.project_code, "项目编码");
      if (r_.require(e, "item", "采购条目")) set_text(e, "item", row.item, "采购物品名称");
      set_text(e, "catalog_code", row.catalog_code, "政府采购目录序号");
      set_text(e, "uom", row.uom, "计量单位");
      if (auto v = e["project_budget"]; v.defined()) row.project_budget = r_.money(v, "预算资金");
      if (auto v = e["quantity"]; v.defined())
        if (auto q = r_.integer(v, "数量", 0, 1'000'000'000)) row.quantity = *q;
      if (auto v = e["unit_price"]; v.defined()) row.unit_price = r_.money(v, "单价");
      if (auto v = e["amounts"]; v.defined() && r_.is_map(v, "amounts")) {
        r_.check_keys(v,
                      {"gpb", "fund", "soc", "special", "unit", "carryover_fiscal",
                       "carryover_other", "carryover"},
                      "采购金额");
        for (int s = 0; s < kProcSourceCount; ++s)
          if (auto a = v[proc_source_key(static_cast<ProcSource>(s))]; a.defined())
            if (auto m = r_.money(
                    a, std::string("采购金额.") + proc_source_key(static_cast<ProcSource>(s))))
              row.amounts[s] = *m;
      }
      if (auto v = e["sme_reserved"]; v.defined()) row.sme_reserved = r_.money(v, "中小微企业份额");
      if (auto v = e["fixed_asset"]; v.defined()) row.fixed_asset = r_.boolean(v, "fixed_asset");
      b.procurement.push_back(std::move(row));
    }
  }

  void asset_row(const yaml::Node& m, const char* key, AssetRow& row) {
    auto n = m[key];
    if (!n.defined()) return;
    row.pos = YamlReader::pos(n);
    if (!r_.is_map(n, std::string("assets.") + key)) return;
    r_.check_keys(n, {"quantity", "value"}, std::string("assets.") + key);
    row.present = true;
    if (auto v = n["quantity"]; v.defined())
      if (auto q = r_.integer(v, "数量", 0, 1'000'000'000'000)) row.quantity = *q;
    if (auto v = n["value"]; v.defined())
      if (auto a = r_.money(v, "价值")) row.value = *a;
  }

  void asset_rows(const yaml::Node& n, AssetRows& a) {
    asset_row(n, "buildings", a.buildings);
    asset_row(n, "office", a.office);
    asset_row(n, "vehicles", a.vehicles);
    asset_row(n, "equipment", a.equipment);
    asset_row(n, "other", a.other);
    auto m = [&](const char* key, std::optional<Amount>& out, const char* what) {
      if (auto v = n[key]; v.defined()) out = r_.money(v, what);
    };
    m("original", a.statement.original, "固定资产原值");
    m("depreciation", a.statement.depreciation, "累计折旧");
    m("intangible_original", a.statement.intangible_original, "无形资产原值");
    m("intangible_amortization", a.statement.intangible_amortization, "无形资产累计摊销");
    m("net_assets", a.statement.net_assets, "净资产");
  }

  void assets(const yaml::Node& n, Assets& a) {
    a.pos = YamlReader::pos(n);
    if (!r_.is_map(n, "assets")) return;
    a.present = true;
    r_.check_keys(
        n,
        {"buildings", "office", "vehicles", "equipment", "other", "note", "as_of", "original",
         "depreciation", "intangible_original", "intangible_amortization", "net_assets", "units"},
        "assets");
    asset_rows(n, a);
    set_text(n, "note", a.note, "资产说明");
    set_text(n, "as_of", a.as_of, "资产截止日期");
    if (auto u = n["units"]; u.defined() && list_ok(u, "assets.units")) {
      for (const auto& e : u) {
        if (!r_.is_map(e, "单位资产")) continue;
        r_.check_keys(
            e,
            {"unit", "buildings", "office", "vehicles", "equipment", "other", "original",
             "depreciation", "intangible_original", "intangible_amortization", "net_assets"},
            "单位资产");
        UnitAssets ua;
        ua.pos = YamlReader::pos(e);
        if (r_.require(e, "unit", "单位资产")) set_text(e, "unit", ua.unit, "预算单位");
        asset_rows(e, ua);
        a.units.push_back(std::move(ua));
      }
      if (!a.units.empty()) {
        const bool top = a.buildings.present || a.office.present || a.vehicles.present ||
                         a.equipment.present || a.other.present || a.statement.any();
        if (top)
          d_.error("E104", YamlReader::pos(u), "assets 已按单位（units）填写，又填写了部门合计数",
                   "分单位填写时部门合计由程序计算，请删除 assets 下的合计数");
        else
          sum_unit_assets(a);
      }
    }
  }

  void expect(const yaml::Node& n, Expect& e) {
    if (!r_.is_map(n, "expect")) return;
    r_.check_keys(n,
                  {"income_total", "expenditure_total", "basic_total", "project_total",
                   "personnel_total", "public_total", "three_public_total", "procurement_total",
                   "assets_total", "fiscal_total", "gpb_total"},
                  "expect");
    for (auto it = n.begin(); it != n.end(); ++it)
      if (it->first.is_scalar())
        if (auto a = r_.money(it->second, "expect." + std::string(it->first.scalar())))
          e.values.emplace(it->first.scalar(), *a);
  }
};

}  // namespace

namespace {
// Line of the second "---" at the start of a line (the marker of the document that follows).
Pos second_document_marker(const std::string& text) {
  int line = 1, seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((i == 0 || text[i - 1] == '\n') && text.compare(i, 3, "---") == 0) {
      bool content_before = false;
      for (size_t j = 0; j < i && !content_before; ++j)
        content_before = text[j] != ' ' && text[j] != '\n' && text[j] != '\r';
      if (content_before || ++seen > 1) return {line, 1};
    }
    if (text[i] == '\n') ++line;
  }
  return {line, 1};
}

// Line ends of classic Mac files (CR alone) become LF. libyaml counts a lone CR as a line break
// itself, but the positions (yaml_tree.cpp, text_check.cpp) count lines at LF only. Same length,
// so every position stays where it was; CRLF is left as it is.
std::string normalize_lone_cr(const std::string& text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out = text;
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}
}  // namespace

std::optional<Budget> load_budget_text(const std::string& original, const std::string& file,
                                       Diagnostics& diag, const LoadLimits& limits) {
  const std::string text = normalize_lone_cr(original);
  if (text.size() > limits.max_file_bytes) {
    diag.error("E001", {},
               "文件过大（" + std::to_string(text.size()) + " 字节，上限 " +
                   std::to_string(limits.max_file_bytes) + " 字节）",
               "一个部门的预算文件通常只有几十 KB；请确认没有选错文件");
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(text)) {
    diag.error("E002", *bad, "文件不是有效的 UTF-8 编码",
               "请用 UTF-8 保存（GBK/GB2312 编码的文件需先转换，例如 iconv -f GBK -t UTF-8）");
    return std::nullopt;
  }
  if (text.find_first_not_of(" \n\r\t") == std::string::npos) {
    diag.error("E001", {}, "文件为空", "请参考 docs/schema.md 中的示例填写");
    return std::nullopt;
  }
  // Characters libyaml refuses (controls, U+FFFE/U+FFFF) or reads as line breaks (U+0085,
  // U+2028, U+2029): E016 where they stand, then parsed with placeholders so that the file's other
  // problems are reported as before.
  const std::optional<std::string> replaced = replace_refused_chars(text, diag);
  // One pass of libyaml events builds the tree and checks what the loader refuses before reading
  // it: aliases (expanding aliases of aliases is the "billion laughs" memory bomb), more nodes than
  // the limit (each costs memory), nesting deeper than the limit, a second document (it would be
  // ignored).
  const std::string& input = replaced ? *replaced : text;
  const yaml::Parsed parsed = yaml::parse(input, {.max_nodes = limits.max_yaml_nodes});
  if (parsed.problem) {
    const yaml::Problem& p = *parsed.problem;
    const Pos at{p.mark.line + 1, p.mark.column + 1};
    switch (p.kind) {
      case yaml::Problem::Kind::TooManyNodes:
        diag.error(
            "E014", at,
            "YAML 节点过多（超过 " + std::to_string(limits.max_yaml_nodes) + " 个值、列表和映射）",
            "一个部门的预算文件通常只有几千个值；请确认文件没有被工具错误地展开或重复");
        break;
      case yaml::Problem::Kind::Alias:
      case yaml::Problem::Kind::UnknownAnchor:  // only when aliases are resolved (themes)
        diag.error("E015", at, "预算文件中不允许使用 YAML 别名（*名称）",
                   "请直接写出内容；别名可能被用来构造占满内存的文件");
        break;
      case yaml::Problem::Kind::SecondDocument:
        // A second document would be ignored: say so instead of building half of what was meant.
        diag.error("E018", second_document_marker(text),
                   "文件中有多个 YAML 文档（“---”之后又开始了一个文档）",
                   "一个预算文件只能有一个文档；每个部门请用单独的文件，或删除多余的“---”");
        break;
      case yaml::Problem::Kind::TooDeep:
        diag.error("E003", at, "YAML 嵌套层次过深",
                   "预算文件的结构不会超过几层；请检查是否有成千上万个未闭合的括号");
        break;
      case yaml::Problem::Kind::BadEscape:
        // libyaml refuses "\uD800" (a lone surrogate) and escapes past U+10FFFF itself.
        diag.error("E016", at,
                   "文字中的转义序列不是有效字符（单独的代理码位 \\uD800–\\uDFFF 或超出 U+10FFFF）",
                   "请删除这个转义序列；U+FFFF 以上的字符请用 \\U 加 8 位十六进制书写");
        break;
      case yaml::Problem::Kind::Syntax: {
        std::string hint;
        if (p.what.find("tab") != std::string::npos || text.find('\t') != std::string::npos)
          hint = "YAML 的缩进只能用空格，不能用制表符（Tab）";
        diag.error("E003", at, "YAML 语法错误：" + yaml::problem_in_chinese(p.what), hint);
        break;
      }
    }
    return std::nullopt;
  }
  const yaml::Node root = parsed.tree.root();
  if (!root.defined() || root.is_null()) {
    diag.error("E001", {}, "文件没有内容（只有注释或空行）", "请参考 docs/schema.md 中的示例填写");
    return std::nullopt;
  }
  check_yaml_texts(root, input, diag);
  Loader loader(diag, limits);
  return loader.load(root, file);
}

std::optional<Budget> load_budget_file(const std::filesystem::path& path, Diagnostics& diag,
                                       const LoadLimits& limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diag.error("E001", {}, "无法读取文件：" + ec.message());
    return std::nullopt;
  }
  if (size > limits.max_file_bytes) {
    diag.error("E001", {},
               "文件过大（" + std::to_string(size) + " 字节，上限 " +
                   std::to_string(limits.max_file_bytes) + " 字节）",
               "一个部门的预算文件通常只有几十 KB；请确认没有选错文件");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.error("E001", {}, "无法打开文件");
    return std::nullopt;
  }
  const auto text = read_sized(in, size);
  if (!text) {
    diag.error("E001", {}, "无法读取文件");
    return std::nullopt;
  }
  return load_budget_text(*text, path.string(), diag, limits);
}

}  // namespace bp
