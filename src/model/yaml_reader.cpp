#include "model/yaml_reader.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace bp {

namespace {
const char* type_name(const yaml::Node& n) {
  if (!n.defined()) return "未定义";
  switch (n.kind()) {
    case yaml::Kind::Map:
      return "映射（键: 值）";
    case yaml::Kind::Sequence:
      return "列表";
    case yaml::Kind::Scalar:
      return "单个值";
    case yaml::Kind::Null:
      return "空值";
  }
  return "未定义";
}
std::string q(std::string_view s) {
  return "“" + std::string(s) + "”";
}
}  // namespace

Pos YamlReader::pos(const yaml::Node& n) {
  if (!n.defined()) return {};
  auto m = n.mark();
  if (m.line < 0) return {};
  return {m.line + 1, m.column + 1};
}

bool YamlReader::is_map(const yaml::Node& n, std::string_view what) {
  if (n.is_map()) return true;
  diag_.error("E006", pos(n), std::string(what) + "应为映射（键: 值），实际是" + type_name(n));
  return false;
}

bool YamlReader::is_seq(const yaml::Node& n, std::string_view what) {
  if (n.is_seq()) return true;
  diag_.error("E006", pos(n),
              std::string(what) + "应为列表（以“- ”开头的各行），实际是" + type_name(n));
  return false;
}

void YamlReader::check_keys(const yaml::Node& map, std::initializer_list<std::string_view> allowed,
                            std::string_view what) {
  // Keys seen so far, as views into the tree: a department's maps have a handful of keys, so a
  // linear look-up without a string copy per key; a big map (a hostile file) switches to a set.
  constexpr size_t kLinear = 32;
  std::vector<std::string_view> seen;
  std::set<std::string_view> seen_many;
  seen.reserve(std::min(map.size(), kLinear));
  const auto first_time = [&](std::string_view key) {
    if (!seen_many.empty() || seen.size() == kLinear) {
      if (seen_many.empty()) seen_many.insert(seen.begin(), seen.end());
      return seen_many.insert(key).second;
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return false;
    seen.push_back(key);
    return true;
  };
  for (auto it = map.begin(); it != map.end(); ++it) {
    const yaml::Node k = it->first;  // a copy: it-> returns a temporary proxy
    if (!k.is_scalar()) {
      diag_.error("E006", pos(k), std::string(what) + "的键必须是文字");
      continue;
    }
    const std::string_view key = k.scalar();
    if (!first_time(key)) {
      diag_.error("E005", pos(k), std::string(what) + "中的键" + q(key) + "重复出现",
                  "同一个键只能写一次；请删除或合并重复的部分");
      continue;
    }
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      diag_.error("E004", pos(k), std::string(what) + "中有未知的键" + q(key), "允许的键：" + list);
    }
  }
}

Pos YamlReader::key_pos(const yaml::Node& m, std::string_view key) {
  if (m.is_map())
    for (auto it = m.begin(); it != m.end(); ++it)
      if (it->first.is_scalar() && it->first.scalar() == key) return pos(it->first);
  return pos(m);
}

bool YamlReader::require(const yaml::Node& m, std::string_view key, std::string_view what) {
  if (m.is_map() && m[key].defined()) return true;
  diag_.error("E007", pos(m), std::string(what) + "缺少必填项" + q(key));
  return false;
}

std::optional<Text> YamlReader::text(const yaml::Node& n, std::string_view what) {
  if (!n.is_scalar()) {
    diag_.error("E006", pos(n), std::string(what) + "应为文字，实际是" + type_name(n));
    return std::nullopt;
  }
  return Text{std::string(n.scalar()), pos(n)};
}

std::optional<Text> YamlReader::code(const yaml::Node& n, std::initializer_list<size_t> lengths,
                                     std::string_view what) {
  auto t = text(n, what);
  if (!t) return std::nullopt;
  bool digits = !t->value.empty();
  for (char c : t->value) digits = digits && c >= '0' && c <= '9';
  bool len_ok = false;
  for (auto l : lengths) len_ok = len_ok || t->value.size() == l;
  if (!digits || !len_ok) {
    std::string lens;
    for (auto l : lengths) lens += (lens.empty() ? "" : "、") + std::to_string(l);
    diag_.error("E012", t->pos,
                std::string(what) + q(t->value) + "格式不对：应为 " + lens + " 位数字",
                "科目编码请加引号书写，例如 \"2010301\"");
    return std::nullopt;
  }
  return t;
}

std::optional<Amount> YamlReader::money(const yaml::Node& n, std::string_view what,
                                        bool allow_negative) {
  if (!n.is_scalar()) {
    diag_.error("E006", pos(n), std::string(what) + "应为金额，实际是" + type_name(n),
                "无金额时请填 0");
    return std::nullopt;
  }
  auto r = parse_money(n.scalar(), unit_);
  if (!r.value) {
    diag_.error("E010", pos(n), std::string(what) + "：" + r.error, r.hint);
    return std::nullopt;
  }
  if (r.value->negative() && !allow_negative) {
    diag_.error("E011", pos(n),
                std::string(what) + "不能为负数：“" + std::string(n.scalar()) + "”");
    return std::nullopt;
  }
  return Amount{*r.value, pos(n)};
}

std::optional<int64_t> YamlReader::integer(const yaml::Node& n, std::string_view what, int64_t min,
                                           int64_t max) {
  auto t = text(n, what);
  if (!t) return std::nullopt;
  const std::string& s = t->value;
  bool ok = !s.empty() && s.size() <= 18;
  size_t start = (!s.empty() && s[0] == '-') ? 1 : 0;
  ok = ok && s.size() > start;
  for (size_t i = start; ok && i < s.size(); ++i) ok = s[i] >= '0' && s[i] <= '9';
  if (!ok) {
    diag_.error("E006", t->pos, std::string(what) + "应为整数：" + q(s));
    return std::nullopt;
  }
  int64_t v = std::stoll(s);
  if (v < min || v > max) {
    diag_.error("E013", t->pos,
                std::string(what) + "超出范围：" + s + "（应在 " + std::to_string(min) + " 到 " +
                    std::to_string(max) + " 之间）");
    return std::nullopt;
  }
  return v;
}

std::optional<int64_t> YamlReader::percent(const yaml::Node& n, std::string_view what) {
  auto t = text(n, what);
  if (!t) return std::nullopt;
  std::string s = t->value;
  if (!s.empty() && s.back() == '%') s.pop_back();
  // Reuse the exact decimal parser: in 元, "25.5" is 2550 分 = hundredths of the number.
  auto r = parse_money(s, Unit::Yuan);
  if (!r.value || r.value->negative() || r.value->in_fen() > 10000) {
    diag_.error("E062", t->pos, std::string(what) + "应为 0 到 100 之间的百分数：" + q(t->value),
                r.error.empty() ? "" : r.error);
    return std::nullopt;
  }
  return r.value->in_fen();
}

std::optional<bool> YamlReader::boolean(const yaml::Node& n, std::string_view what) {
  auto t = text(n, what);
  if (!t) return std::nullopt;
  if (t->value == "true" || t->value == "yes") return true;
  if (t->value == "false" || t->value == "no") return false;
  diag_.error("E006", t->pos, std::string(what) + "应为 true 或 false：" + q(t->value));
  return std::nullopt;
}

std::vector<Text> YamlReader::texts(const yaml::Node& n, std::string_view what) {
  std::vector<Text> out;
  if (n.is_scalar()) {
    out.push_back({std::string(n.scalar()), pos(n)});
  } else if (n.is_seq()) {
    out.reserve(n.size());
    for (const auto& e : n)
      if (auto t = text(e, what)) out.push_back(std::move(*t));
  } else if (!n.is_null()) {
    diag_.error("E006", pos(n), std::string(what) + "应为文字或文字列表，实际是" + type_name(n));
  }
  return out;
}

}  // namespace bp
