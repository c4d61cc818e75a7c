// Named fixed sentences of the 说明 (“blocks”). Each has a default wording in
// templates/blocks/<name>.mustache; a department replaces it (`blocks: {name: 文字}`) or switches
// it off (`blocks: {name: false}`). This list is the one place block names are defined, so
// department files and later per-bureau configuration use the same names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bp {

struct BlockDef {
  const char* name;  // key in `blocks:` and file name in templates/blocks/
  const char* zh;    // what the clerk sees in messages and docs
};

const std::vector<BlockDef>& block_defs();
const BlockDef* find_block(std::string_view name);

// Glossary entries are blocks too: "glossary.<term>" where <term> is a term of the year's 名词解释.
inline constexpr std::string_view kGlossaryBlockPrefix = "glossary.";

}  // namespace bp
