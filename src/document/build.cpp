#include "document/build.hpp"

namespace bp {

doc::Heading part_heading(std::string text, std::string anchor) {
  doc::Heading h;
  h.level = 1;
  h.text = std::move(text);
  h.anchor = std::move(anchor);
  h.new_page = true;
  h.align = doc::Align::Center;
  return h;
}

doc::Document build_document(const Budget& b, const Profile& p, const Derived& d,
                             const BuildOptions& o) {
  doc::Document out;
  const std::string year = std::to_string(b.dept.year);
  out.meta.title = b.dept.name.value + year + "年部门预算信息公开";
  out.meta.author = b.dept.name.value;
  out.meta.subject = "部门预算信息公开";
  out.meta.keywords = "部门预算," + year + "," + b.dept.name.value;
  out.meta.epoch = o.epoch;

  doc::TitlePage title;
  for (const auto& l : p.title_lines) title.lines.push_back(fill_slots(l, b));
  title.department = b.dept.name.value;
  const TitlePageSlots& slots = b.dept.title_page;
  title.issuer = slots.issuer.value.empty() ? o.title.issuer : slots.issuer.value;
  if (auto date = title_date_text(slots.date.value)) {
    const std::string& label = !slots.date_label.value.empty() ? slots.date_label.value
                               : !o.title.date_label.empty()   ? o.title.date_label
                                                               : p.title_date_label;
    title.date = label.empty() ? *date : label + "：" + *date;
  }
  title.logo = slots.logo.value.empty() ? o.title.logo : (o.source_dir / slots.logo.value).string();
  out.blocks.push_back(title);

  doc::Toc toc;
  toc.title = fill_slots(p.toc_title, b);
  if (p.has_tables) {
    toc.entries.push_back({p.part_tables, 1, ""});
    toc.entries.push_back({p.group_tables, 1, ""});
    for (const auto& t : d.tables) toc.entries.push_back({p.table(t.id).title, 2, t.id});
  }
  const size_t toc_index = out.blocks.size();
  out.blocks.push_back(toc);

  if (p.has_tables) {
    bool first = true;
    for (const auto& t : d.tables) {
      doc::Table tb = table_block(b, p, t);
      if (first) {
        // The part line sits above the first table on its page.
        out.blocks.push_back(part_heading(p.part_tables, "part-tables"));
        tb.new_page = false;
        first = false;
      }
      out.blocks.push_back(std::move(tb));
    }
  }
  if (o.templates) {
    append_narrative(out, toc, b, p, d, *o.templates);
    out.blocks[toc_index] = toc;
  }
  return out;
}

}  // namespace bp
