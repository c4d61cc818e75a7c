#include "text/word_break.hpp"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "text/linebreak.hpp"
#include "text/unicode.hpp"
#include "util/utf8.hpp"

namespace bp::text {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Letters of a word for the dictionary: Han and kana. Other characters are left to the line
// breaker (its rules for numbers, Latin words and punctuation are finer than a word iterator's).
bool wordish(char32_t c) {
  return is_han(c) || (c >= 0x3040 && c <= 0x30FF);
}

}  // namespace

TermList TermList::parse(std::string_view content) {
  TermList t;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (!line.empty()) {
      std::u32string term = utf8::to_u32(line);
      if (term.size() >= 2) t.terms_.push_back(std::move(term));
    }
    pos = end + 1;
  }
  std::sort(t.terms_.begin(), t.terms_.end());
  t.terms_.erase(std::unique(t.terms_.begin(), t.terms_.end()), t.terms_.end());
  return t;
}

TermList TermList::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("无法读取术语表 " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return parse(s.str());
}

std::vector<size_t> TermList::all_at(std::u32string_view text, size_t i) const {
  // Terms starting with text[i] form one sorted range; check each (the lists are short).
  const std::u32string first(1, text[i]);
  std::vector<size_t> out;
  for (auto it = std::lower_bound(terms_.begin(), terms_.end(), first);
       it != terms_.end() && !it->empty() && (*it)[0] == text[i]; ++it)
    if (text.substr(i, it->size()) == *it) out.push_back(it->size());
  return out;
}

size_t TermList::longest_at(std::u32string_view text, size_t i) const {
  size_t best = 0;
  for (size_t len : all_at(text, i)) best = std::max(best, len);
  return best;
}

struct DictionaryWords::Icu {
  std::unique_ptr<icu::BreakIterator> words;
  // Bounded: emptied when it holds kRuns runs.
  static constexpr size_t kRuns = 4096;
  // Looked up by view: a hit allocates nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::u32string_view s) const { return std::hash<std::u32string_view>{}(s); }
  };
  std::unordered_map<std::u32string, std::vector<uint32_t>, Hash, std::equal_to<>> ends;
  icu::UnicodeString u;
  std::vector<uint32_t> index_of;  // UTF-16 offset → index into the run
};

DictionaryWords::DictionaryWords() : icu_(std::make_unique<Icu>()) {
  UErrorCode err = U_ZERO_ERROR;
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
  if (U_FAILURE(err) || !icu_->words)
    throw std::runtime_error(std::string("ICU 分词器无法创建：") + u_errorName(err));
}

DictionaryWords::~DictionaryWords() = default;
DictionaryWords::DictionaryWords(DictionaryWords&&) noexcept = default;
DictionaryWords& DictionaryWords::operator=(DictionaryWords&&) noexcept = default;

size_t DictionaryWords::size() const {
  return icu_->ends.size();
}

const std::vector<uint32_t>& DictionaryWords::ends(std::u32string_view run) {
  if (auto known = icu_->ends.find(run); known != icu_->ends.end()) {
    ++hits_;
    return known->second;
  }
  ++misses_;
  icu::UnicodeString& u = icu_->u;
  auto& index_of = icu_->index_of;
  u.remove();
  index_of.clear();
  for (size_t i = 0; i < run.size(); ++i) {
    index_of.push_back(static_cast<uint32_t>(i));
    if (run[i] > 0xFFFF) index_of.push_back(static_cast<uint32_t>(i));
    u.append(static_cast<UChar32>(run[i]));
  }
  index_of.push_back(static_cast<uint32_t>(run.size()));
  icu_->words->setText(u);
  std::vector<uint32_t> ends;
  for (int32_t p = icu_->words->first(); p != icu::BreakIterator::DONE; p = icu_->words->next()) {
    const uint32_t at = index_of[static_cast<size_t>(p)];
    if (at > 0 && at < run.size()) ends.push_back(at);
  }
  if (icu_->ends.size() >= Icu::kRuns) icu_->ends.clear();
  return icu_->ends.emplace(std::u32string(run), std::move(ends)).first->second;
}

void warm_word_breaking() {
  try {
    WordBreaker words;
    (void)words.joins(U"部门预算收支总表");
  } catch (const std::exception&) {
  }
}

WordBreaker::WordBreaker(TermList terms, DictionaryWords* dictionary)
    : own_(dictionary ? nullptr : std::make_unique<DictionaryWords>()),
      dictionary_(dictionary ? dictionary : own_.get()),
      terms_(std::move(terms)) {}

WordBreaker::~WordBreaker() = default;
WordBreaker::WordBreaker(WordBreaker&&) noexcept = default;
WordBreaker& WordBreaker::operator=(WordBreaker&&) noexcept = default;

std::vector<WordJoin> WordBreaker::joins(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<WordJoin> out(n, WordJoin::Free);
  if (n < 2) return out;
  // Dictionary words, run by run of Han/kana (ICU sees only the letters it can judge).
  for (size_t a = 0; a < n;) {
    if (!wordish(text[a])) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b < n && wordish(text[b])) ++b;
    if (b - a >= 2) {
      for (size_t i = a; i + 1 < b; ++i) out[i] = WordJoin::InWord;
      for (uint32_t end : dictionary_->ends(text.substr(a, b - a)))
        out[a + end - 1] = WordJoin::Free;
    }
    a = b;
  }
  // Terms: a gap inside a term is InTerm where a shorter term inside it begins or ends (the
  // seams of a compound term), else at least InTermWord.
  if (!terms_.empty()) {
    for (size_t i = 0; i < n;) {
      const size_t len = terms_.longest_at(text, i);
      if (len == 0) {
        ++i;
        continue;
      }
      std::vector<char> seam(len + 1, 0);
      for (size_t s = i; s < i + len; ++s)
        for (size_t l : terms_.all_at(text, s))
          if (s + l <= i + len && l < len) seam[s - i] = seam[s + l - i] = 1;
      for (size_t k = i; k + 1 < i + len; ++k)
        out[k] = std::max(out[k], seam[k + 1 - i] ? WordJoin::InTerm : WordJoin::InTermWord);
      i += len;
    }
  }
  out[n - 1] = WordJoin::Free;
  return out;
}

std::vector<std::string> WordBreaker::words(std::string_view text) {
  const std::u32string s = utf8::to_u32(text);
  const auto j = joins(s);
  const auto brk = line_breaks(s);  // numbers, Latin words and 禁则 pairs stay together
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    utf8::append(cur, s[i]);
    if (j[i] == WordJoin::Free && brk[i] != Break::Prohibited) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace bp::text
