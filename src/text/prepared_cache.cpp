#include "text/prepared_cache.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <string_view>

namespace bp::text {

namespace {
// Copies the bytes of `v` to `at` and returns the position after them.
template <class T>
char* put(char* at, const T& v) {
  std::memcpy(at, &v, sizeof(T));
  return at + sizeof(T);
}
}  // namespace

std::string PreparedCache::key(std::span<const StyledText> text, const ParagraphFormat& format,
                               bool word_aware) {
  std::string k;
  key_into(k, text, format, word_aware);
  return k;
}

void PreparedCache::key_into(std::string& k, std::span<const StyledText> text,
                             const ParagraphFormat& format, bool word_aware) {
  // Sized exactly, then filled: one resize instead of an append (and a capacity check) per field.
  size_t bytes = sizeof(uint8_t) * 2 + sizeof(double) + sizeof(size_t);
  for (const auto& run : text) {
    const size_t faces = run.style.fonts ? run.style.fonts->fonts.size() : 0;
    bytes += sizeof(size_t) + run.text.size() + sizeof(double) + sizeof(uint8_t) + sizeof(size_t) +
             faces * sizeof(const Font*);
  }
  k.resize(bytes);
  char* at = k.data();
  at = put(at, static_cast<uint8_t>(format.kinsoku));
  at = put(
      at, static_cast<uint8_t>((word_aware ? 1 : 0) | (format.trim_opening_at_line_start ? 2 : 0) |
                               (format.trim_opening_at_start && format.first_indent == 0 ? 4 : 0)));
  at = put(at, format.latin_spacing_em);
  at = put(at, text.size());
  for (const auto& run : text) {
    at = put(at, run.text.size());
    if (!run.text.empty()) std::memcpy(at, run.text.data(), run.text.size());
    at += run.text.size();
    at = put(at, run.style.size);
    at = put(at, static_cast<uint8_t>(run.style.tabular_digits));
    const size_t faces = run.style.fonts ? run.style.fonts->fonts.size() : 0;
    at = put(at, faces);
    for (size_t i = 0; i < faces; ++i) at = put(at, run.style.fonts->fonts[i]);
  }
}

bool PreparedCache::memoised(std::span<const StyledText> text) {
  size_t bytes = 0;
  for (const auto& run : text) bytes += run.text.size();
  return bytes <= kLongestText;
}

void PreparedCache::use_terms(const TermList& terms) {
  if (terms == terms_) return;
  map_.clear();
  dropped_.clear();
  elsewhere_.clear();
  terms_ = terms;
}

std::shared_ptr<const Units> PreparedCache::find(std::string_view key) {
  auto it = map_.find(key);
  if (it == map_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  it->second.used = generation_;
  return it->second.units;
}

uint64_t PreparedCache::hash_of(std::string_view key) {
  // A collision only keeps an entry longer (or drops it sooner); it never changes what is found.
  return std::hash<std::string_view>{}(key);
}

void PreparedCache::insert(std::string key, std::shared_ptr<const Units> units) {
  const bool recurring = std::binary_search(dropped_.begin(), dropped_.end(), hash_of(key));
  map_.insert_or_assign(std::move(key), Entry{std::move(units), generation_, recurring});
}

void PreparedCache::end_layout() {
  std::vector<uint64_t> dropped;
  for (auto it = map_.begin(); it != map_.end();) {
    if (it->second.recurring) {
      ++it;
      continue;
    }
    dropped.push_back(hash_of(it->first));
    it = map_.erase(it);
  }
  dropped.insert(dropped.end(), elsewhere_.begin(), elsewhere_.end());
  elsewhere_.clear();
  std::sort(dropped.begin(), dropped.end());
  dropped_ = std::move(dropped);
  // The buckets of the dropped entries: a document's table cells are thousands of them.
  map_.rehash(0);
}

bool PreparedCache::stored_if_recurring(std::string_view key) const {
  return std::binary_search(dropped_.begin(), dropped_.end(), hash_of(key));
}

void PreparedCache::note_unstored(std::string_view key) {
  elsewhere_.push_back(hash_of(key));
}

void PreparedCache::add_dropped(const PreparedCache& other) {
  elsewhere_.insert(elsewhere_.end(), other.dropped_.begin(), other.dropped_.end());
}

void PreparedCache::next_document() {
  for (auto it = map_.begin(); it != map_.end();)
    it = it->second.used + 1 < generation_ ? map_.erase(it) : std::next(it);
  ++generation_;
}

}  // namespace bp::text
