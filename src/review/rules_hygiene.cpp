// W220–W225: text hygiene — brackets and quotes, leftover markers, the form's instructions, and
// unit names that differ by one character or by the width of their brackets.
#include <map>
#include <set>

#include "review/rules.hpp"
#include "util/utf8.hpp"

namespace bp::review {

namespace {

struct Pair {
  char32_t open, close;
  int family;  // () and （） are one family in two widths
};
constexpr Pair kPairs[] = {{U'（', U'）', 0}, {U'(', U')', 0},   {U'【', U'】', 1},
                           {U'[', U']', 1},   {U'《', U'》', 2}, {U'“', U'”', 3},
                           {U'‘', U'’', 4},   {U'「', U'」', 5}, {U'〔', U'〕', 6},
                           {U'{', U'}', 7},   {U'｛', U'｝', 7}, {U'〈', U'〉', 8}};

const Pair* opening(char32_t c) {
  for (const auto& p : kPairs)
    if (p.open == c) return &p;
  return nullptr;
}
const Pair* closing(char32_t c) {
  for (const auto& p : kPairs)
    if (p.close == c) return &p;
  return nullptr;
}
bool is_numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') || (c >= U'a' && c <= U'z') ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
// “1）”, “一)”, “a)” at the start of the text or of a clause: a list marker, not a bracket.
bool list_marker(const std::u32string& s, size_t i) {
  size_t k = i;
  while (k > 0 && is_numeral(s[k - 1]) && i - k < 3) --k;
  if (k == i) return false;
  if (k == 0) return true;
  return std::u32string_view(U" \u3000\n。；;：:，,、").find(s[k - 1]) != std::u32string_view::npos;
}

enum class BracketProblem { None, Unbalanced, MixedWidth };

// What is wrong with the brackets and quotes of one text, and the character that shows it.
std::pair<BracketProblem, std::string> brackets(const std::string& text) {
  const std::u32string s = utf8::to_u32(text);
  std::vector<const Pair*> stack;
  int straight_quotes = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t ch = s[i];
    if (ch == U'"') ++straight_quotes;
    if (const Pair* o = opening(ch)) {
      stack.push_back(o);
      continue;
    }
    const Pair* cl = closing(ch);
    if (!cl) continue;
    if (!stack.empty() && stack.back() == cl) {
      stack.pop_back();
    } else if (!stack.empty() && stack.back()->family == cl->family) {
      std::string both;
      utf8::append(both, stack.back()->open);
      utf8::append(both, ch);
      return {BracketProblem::MixedWidth, both};
    } else if (stack.empty() && list_marker(s, i)) {
      continue;
    } else {
      std::string c1;
      utf8::append(c1, ch);
      return {BracketProblem::Unbalanced, c1};
    }
  }
  if (!stack.empty()) {
    std::string c1;
    utf8::append(c1, stack.back()->open);
    return {BracketProblem::Unbalanced, c1};
  }
  if (straight_quotes % 2) return {BracketProblem::Unbalanced, "\""};
  return {BracketProblem::None, {}};
}

bool contains(const std::string& s, const char* w) {
  return s.find(w) != std::string::npos;
}

// The first `n` characters of a text, “…” when cut.
std::string excerpt(const std::string& s, size_t n) {
  std::u32string u = utf8::to_u32(s);
  if (u.size() <= n) return s;
  return utf8::from_u32(u.substr(0, n)) + "…";
}

// Markers a draft leaves for the person who finishes it.
const char* leftover_marker(const std::string& t) {
  for (const char* w : {"TODO", "FIXME", "待填", "待补充", "待完善", "待定稿", "此处填写", "XXX",
                        "xxx", "××", "ＸＸ", "＊＊", "□□", "〇〇〇"})
    if (contains(t, w)) return w;
  return nullptr;
}

// The instruction sentences of the disclosure form (“请根据实际情况填写”, “填报说明”…).
const char* instruction_text(const std::string& t) {
  for (const char* w : {"填报说明",         "填写说明",       "填表说明", "此处填",   "请根据实际",
                        "请按实际",         "请简要",         "请填写",   "请填列",   "请在此",
                        "根据实际情况填写", "按实际情况填列", "（如无，", "(如无，",  "（如无请",
                        "如无此项",         "无则填",         "示例：",   "参考格式", "此部分内容"})
    if (contains(t, w)) return w;
  return nullptr;
}

// Names of budget units written in different places: they must be spelled the same.
struct Name {
  std::string text;
  Pos pos;
  std::string section;
  bool listed;  // in 机构设置 (the reference spelling)
};

std::u32string width_folded(const std::string& name) {
  std::u32string s = utf8::to_u32(name);
  for (auto& c : s) {
    if (c == U'(') c = U'（';
    if (c == U')') c = U'）';
  }
  return s;
}

std::u32string normalized(const std::string& name) {
  std::u32string s = utf8::to_u32(name);
  for (auto& c : s) {
    if (c == U'(') c = U'（';
    if (c == U')') c = U'）';
  }
  for (const char32_t* suffix : {U"（本级）", U"本级"}) {
    std::u32string_view sv(suffix);
    if (s.size() > sv.size() && std::u32string_view(s).substr(s.size() - sv.size()) == sv)
      s.resize(s.size() - sv.size());
  }
  return s;
}

bool one_char_apart(const std::u32string& a, const std::u32string& b) {
  if (a.size() != b.size() || a.size() < 6) return false;
  int diff = 0;
  char32_t x = 0, y = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) ++diff, x = a[i], y = b[i];
  if (diff != 1) return false;
  // 第一中学 / 第二中学, 东区 / 西区: different units, not a typo.
  const std::u32string_view series(U"一二三四五六七八九十0123456789东西南北中上下前后左右甲乙丙丁");
  return !(series.find(x) != std::u32string_view::npos &&
           series.find(y) != std::u32string_view::npos);
}

bool has_half_and_full(const std::string& s) {
  return (contains(s, "(") || contains(s, ")")) && (contains(s, "（") || contains(s, "）"));
}

}  // namespace

void check_hygiene(const Context& c) {
  for (const auto& f : c.fields) {
    const std::string& t = f.text->value;
    auto [problem, what] = brackets(t);
    if (problem == BracketProblem::Unbalanced)
      c.add("W220", f, "括号或引号不成对（“" + what + "”）", "请补上或删去多余的括号、引号");
    else if (problem == BracketProblem::MixedWidth)
      c.add("W224", f, "一对括号混用了全角和半角（“" + what + "”）", "请统一用全角括号（）");
    if (const char* m = leftover_marker(t))
      c.add("W221", f, std::string("文字中留有待办标记“") + m + "”",
            "请把标记处的内容补写完整后删去标记");
    else if (const char* m2 = instruction_text(t))
      c.add("W222", f, std::string("文字像是公开模板的填写说明（“") + m2 + "”）",
            "模板中的说明文字不应出现在公开文本中；请改写为本部门的内容或删去");
  }

  // Markers in comments (`# TODO(import): …` left by import) are not in the model: read the lines.
  if (c.in.source) {
    const std::string& src = *c.in.source;
    int line = 1;
    for (size_t i = 0; i < src.size();) {
      size_t e = src.find('\n', i);
      if (e == std::string::npos) e = src.size();
      const std::string l = src.substr(i, e - i);
      // a comment: '#' at the start or after a space (a '#' inside a quoted text is rare and
      // harmless)
      size_t h = l.find('#');
      while (h != std::string::npos && h > 0 && l[h - 1] != ' ' && l[h - 1] != '\t')
        h = l.find('#', h + 1);
      if (h != std::string::npos) {
        const std::string comment = l.substr(h);
        // TODO / FIXME only: new-year's own header comment says what is “待填写”, rightly.
        // A marker starts the comment (“# TODO(import): …”); import's header only mentions them.
        const size_t body = comment.find_first_not_of("# \t");
        const std::string_view b =
            body == std::string::npos ? std::string_view{} : std::string_view(comment).substr(body);
        if (b.rfind("TODO", 0) == 0 || b.rfind("FIXME", 0) == 0)
          c.add_at("W221", Pos{line, static_cast<int>(utf8::length(l.substr(0, h))) + 1},
                   "文件注释",
                   "文件中留有待办注释" +
                       std::string(contains(comment, "TODO(import)") ? "（导入时留下）" : "") +
                       "：" + excerpt(comment, 40),
                   "请按注释补全内容后删去这条注释", comment);
      }
      ++line;
      i = e + 1;
    }
  }

  // Names of units: 机构设置, 采购表预算单位, 项目预算单位, the department's own name.
  const Budget& b = c.in.budget;
  std::vector<Name> names;
  names.push_back({b.dept.name.value, b.dept.name.pos, "部门名称", true});
  for (const auto& i : b.dept.institutions)
    names.push_back({i.name.value, i.name.pos, "机构设置", true});
  for (const auto& r : b.procurement)
    if (!r.unit.value.empty())
      names.push_back({r.unit.value, r.unit.pos, "政府采购：" + r.item.value, false});
  for (const auto* list : {&b.projects, &b.special_funds})
    for (const auto& p : *list)
      if (!p.unit.value.empty())
        names.push_back({p.unit.value, p.unit.pos, "项目：" + p.name.value, false});
  std::set<std::string> reported;
  for (const auto& n : names) {
    if (n.text.empty()) continue;
    if (has_half_and_full(n.text) && reported.insert("mix:" + n.text).second)
      c.add_at("W224", n.pos, n.section, "名称“" + n.text + "”中全角和半角括号混用",
               "请统一用全角括号（）", n.text);
  }
  // Same name, different bracket widths in two places.
  std::map<std::u32string, const Name*> first_spelling;
  for (const auto& n : names) {
    if (n.text.empty()) continue;
    auto [it, fresh] = first_spelling.try_emplace(width_folded(n.text), &n);
    if (!fresh && it->second->text != n.text && reported.insert("width:" + n.text).second)
      c.add_at("W224", n.pos, n.section,
               "名称“" + n.text + "”与" + it->second->section + "中的“" + it->second->text +
                   "”括号写法不同",
               "同一单位的名称应处处一致；请统一用全角括号（）", n.text, it->second->text);
  }
  // W223: a name one character away from a listed unit (…服务中心 / …服务中心 with one character
  // different). Only names outside 机构设置 are compared with those inside it: two listed units
  // may legitimately differ by one character (建设街道 / 建国街道).
  for (const auto& n : names) {
    if (n.listed || n.text.empty()) continue;
    const auto nn = normalized(n.text);
    for (const auto& l : names) {
      if (!l.listed) continue;
      if (one_char_apart(nn, normalized(l.text)) && reported.insert("name:" + n.text).second)
        c.add_at("W223", n.pos, n.section,
                 "单位名称“" + n.text + "”与" + l.section + "中的“" + l.text + "”只差一个字",
                 "同一单位的名称应处处一致；请核对是否写错", n.text, l.section + "：" + l.text);
    }
  }
}

}  // namespace bp::review
