#include "text/coverage.hpp"

#include <algorithm>
#include <cstdio>

#include "util/utf8.hpp"

namespace bp::text {

namespace {

// "U+4E00 '一'": the code point, and the character itself where it is printable.
std::string describe(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  std::string out = code;
  out += " '";
  if (cp >= 0x20) utf8::append(out, cp);
  return out + "'";
}

}  // namespace

void Coverage::Entry::seen(const std::string& where) {
  ++count;
  if (places.size() < 3 && std::find(places.begin(), places.end(), where) == places.end())
    places.push_back(where);
}

void Coverage::set_context(std::string where) {
  if (!journal_)
    context_ = std::move(where);
  else if (!journal_->empty() && journal_->back().kind == Event::Kind::Context)
    journal_->back().text = std::move(where);  // a place where nothing was reported
  else
    journal_->push_back({Event::Kind::Context, 0, std::move(where), {}});
}

void Coverage::replay(const Journal& j) {
  for (const Event& e : j) switch (e.kind) {
      case Event::Kind::Context:
        set_context(e.text);
        break;
      case Event::Kind::Missing:
        missing(e.cp, e.fonts);
        break;
      case Event::Kind::Fallback:
        fallback(e.cp, e.text);
        break;
    }
}

void Coverage::missing(char32_t cp, const std::vector<std::string>& fonts) {
  ++events_;
  if (journal_) return journal_->push_back({Event::Kind::Missing, cp, {}, fonts});
  Entry& e = missing_[cp];
  if (e.fonts.empty()) e.fonts = fonts;
  e.seen(context_);
}

void Coverage::fallback(char32_t cp, const std::string& font) {
  ++events_;
  if (journal_) return journal_->push_back({Event::Kind::Fallback, cp, font, {}});
  fallbacks_[font][cp].seen(context_);
}

std::vector<std::string> Coverage::fallback_report() const {
  std::vector<std::string> out;
  for (const auto& [font, chars] : fallbacks_) {
    std::string line =
        "字体 " + font + " 代替主题的主字体排了 " + std::to_string(chars.size()) + " 个字：";
    size_t shown = 0;
    for (const auto& [cp, e] : chars) {
      if (shown == 8) {
        line += "，…";
        break;
      }
      line += (shown++ ? "，" : "") + describe(cp) + " " + std::to_string(e.count) + " 处（在：" +
              e.places.front() + (e.count > 1 ? " 等" : "") + "）";
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string Coverage::report() const {
  std::string out;
  for (const auto& [cp, e] : missing_) {
    out += "  " + describe(cp) + " 主题的字体（";
    for (size_t i = 0; i < e.fonts.size(); ++i) out += (i ? "、" : "") + e.fonts[i];
    out += "）都没有这个字，共 " + std::to_string(e.count) + " 处，在：";
    for (size_t i = 0; i < e.places.size(); ++i) out += (i ? "；" : "") + e.places[i];
    if (e.count > static_cast<int>(e.places.size())) out += "；…";
    out += "\n";
  }
  return out;
}

void Coverage::throw_if_missing() const {
  if (ok()) return;
  throw MissingGlyphsError(
      "有 " + std::to_string(missing_.size()) +
      " 个字符主题的字体都没有（请改用常用字，或在主题的 fallbacks 中加入含有这些字的字体）：\n" +
      report());
}

}  // namespace bp::text
