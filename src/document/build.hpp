// Builds the format-neutral document of one department from its derived tables, the templates and
// the year profile. Every backend renders this tree; none of them recomputes a figure.
#pragma once

#include <filesystem>

#include "derive/derived.hpp"
#include "document/document.hpp"
#include "model/department.hpp"
#include "model/profile.hpp"

namespace bp {

class TemplateSet;

// The title-page slots a theme sets for every department (a department's `title_page:` wins).
struct TitleDefaults {
  std::string date_label;  // "" = the profile's
  std::string issuer;
  std::string logo;  // absolute path of a PNG
};

struct BuildOptions {
  int64_t epoch = 0;                       // SOURCE_DATE_EPOCH, 0 = unset
  const TemplateSet* templates = nullptr;  // narrative templates; null = tables only
  TitleDefaults title;
  // The department file's directory: a department's `title_page.logo` is relative to it.
  std::filesystem::path source_dir;
};

doc::Document build_document(const Budget& b, const Profile& p, const Derived& d,
                             const BuildOptions& o);

// Pieces used by the builders (and their tests).
doc::Table table_block(const Budget& b, const Profile& p, const DTable& t);
// Appends the 情况说明 (part line, title, opening, sections from the profile's templates) and its
// 目录 entries.
void append_narrative(doc::Document& out, doc::Toc& toc, const Budget& b, const Profile& p,
                      const Derived& d, const TemplateSet& templates);
// A part line (the profile's part_tables / narrative_part): a level-1 heading, centred, that
// starts a new page; `anchor` is its link target in the 目录.
doc::Heading part_heading(std::string text, std::string anchor);
// Replaces {Y}, {Y-1}, {dept} in a profile string.
std::string fill_slots(std::string s, const Budget& b);

}  // namespace bp
