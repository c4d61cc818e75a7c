// libFuzzer target for the department files' YAML parser (util/yaml_tree, libyaml events) alone:
// no crash and no sanitizer report on any bytes; the tree is well formed (every mark inside the
// text, nesting under the depth limit, no more nodes than the limit); every problem has a
// message. The whole loader behind it is fuzz_check's.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "util/yaml_tree.hpp"

namespace {

size_t walk(const bp::yaml::Node& n, const std::string& text, int depth) {
  if (depth > 500) std::abort();  // ParseLimits::max_depth
  const bp::yaml::Mark m = n.mark();
  if (m.line < 0 || m.column < 0 || m.pos < 0 || static_cast<size_t>(m.pos) > text.size())
    std::abort();
  (void)n.scalar().size();
  (void)n.tag().size();
  size_t nodes = 1;
  if (n.is_seq())
    for (const auto& e : n) nodes += walk(e, text, depth + 1);
  if (n.is_map())
    for (auto it = n.begin(); it != n.end(); ++it) {
      nodes += walk(it->first, text, depth + 1) + walk(it->second, text, depth + 1);
      if (it->first.is_scalar() && !n[it->first.scalar()].defined()) std::abort();
    }
  return nodes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  constexpr size_t kMaxNodes = 20000;
  const bp::yaml::Parsed p = bp::yaml::parse(text, {.max_nodes = kMaxNodes});
  if (p.problem && bp::yaml::problem_in_chinese(p.problem->what).empty() &&
      p.problem->kind == bp::yaml::Problem::Kind::Syntax)
    std::abort();
  if (const bp::yaml::Node root = p.tree.root(); root.defined())
    if (walk(root, text, 1) > kMaxNodes) std::abort();
  return 0;
}
