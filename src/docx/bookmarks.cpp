#include "docx/bookmarks.hpp"

#include <variant>

namespace bp::docx {

namespace {
constexpr size_t kMaxName = 40;
}

std::string Bookmarks::word_name(const std::string& anchor) {
  std::string out = "_Toc_";
  for (unsigned char c : anchor) {
    bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    out.push_back(ok ? static_cast<char>(c) : '_');
  }
  if (out.size() > kMaxName) out.resize(kMaxName);
  return out;
}

Bookmarks::Bookmarks(const doc::Document& d) {
  for (const auto& b : d.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b)) add(h->anchor);
    if (auto* t = std::get_if<doc::Table>(&b)) add(t->anchor);
  }
}

void Bookmarks::add(const std::string& anchor) {
  if (anchor.empty() || names_.count(anchor)) return;
  std::string base = word_name(anchor);
  std::string n = base;
  for (int k = 2; used_.count(n); ++k) {
    std::string suffix = "_" + std::to_string(k);
    n = base.substr(0, std::min(base.size(), kMaxName - suffix.size())) + suffix;
  }
  used_[n] = 1;
  names_[anchor] = n;
}

std::string Bookmarks::name(const std::string& anchor) const {
  auto it = names_.find(anchor);
  return it == names_.end() ? std::string() : it->second;
}

}  // namespace bp::docx
