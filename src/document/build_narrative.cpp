// 第二部分: the 情况说明 — sections from the profile, wording from templates/, figures from derive.
#include <kainjow/mustache.hpp>

#include "document/build.hpp"
#include "document/narrative_data.hpp"
#include "document/narrative_tables.hpp"
#include "document/template_blocks.hpp"
#include "document/templates.hpp"
#include "model/blocks.hpp"

namespace bp {

namespace {

std::string render(const TemplateSet& t, const std::string& name,
                   const kainjow::mustache::data& ctx) {
  kainjow::mustache::mustache tmpl{t.get(name)};
  if (!tmpl.is_valid())
    throw std::runtime_error("模板 " + name + " 有语法错误：" + tmpl.error_message());
  // Plain text output: no HTML escaping.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid())
    throw std::runtime_error("模板 " + name + " 渲染失败：" + tmpl.error_message());
  return out;
}

// Renders every named block (model/blocks.hpp) into `ctx` as b_<name> (text) and has_b_<name>: the
// department's text when given, nothing when switched off, else the form's default template.
void set_blocks(kainjow::mustache::data& ctx, const Budget& b, const Profile& p,
                const TemplateSet& t) {
  for (const auto& def : block_defs()) {
    std::string text;
    if (auto it = b.blocks.find(def.name); it != b.blocks.end()) {
      if (!it->second.off) {
        kainjow::mustache::mustache tmpl{it->second.text};
        tmpl.set_custom_escape([](const std::string& s) { return s; });
        text = tmpl.is_valid() ? tmpl.render(ctx) : it->second.text;
      }
    } else {
      auto named = p.block_templates.find(def.name);
      text = render(
          t, named != p.block_templates.end() ? named->second : std::string("blocks/") + def.name,
          ctx);
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    }
    ctx.set(std::string("b_") + def.name, text);
    ctx.set(std::string("has_b_") + def.name, text.empty()
                                                  ? kainjow::mustache::data::type::bool_false
                                                  : kainjow::mustache::data::type::bool_true);
  }
}

}  // namespace

void append_narrative(doc::Document& out, doc::Toc& toc, const Budget& b, const Profile& p,
                      const Derived& d, const TemplateSet& templates) {
  using kainjow::mustache::data;
  data ctx = narrative_data(b, p, d);
  data glossary{data::type::list};
  int n = 0;
  for (const auto& g : p.glossary) {
    // A term's definition is a block too ("glossary.<term>"): replaced or switched off.
    std::string def = g.definition;
    if (auto it = b.blocks.find(std::string(kGlossaryBlockPrefix) + g.term); it != b.blocks.end()) {
      if (it->second.off) continue;
      def = it->second.text;
    }
    data item;
    item.set("n", std::to_string(++n));
    item.set("term", g.term);
    for (size_t pos = def.find("{gov_level}"); pos != std::string::npos;
         pos = def.find("{gov_level}"))
      def.replace(pos, 11, b.dept.gov_level);
    item.set("definition", def);
    glossary.push_back(item);
  }
  ctx.set("glossary", glossary);
  ctx.set("has_function_glossary",
          p.function_glossary ? data::type::bool_true : data::type::bool_false);
  set_blocks(ctx, b, p, templates);

  auto tables = [&](const std::string& name) -> std::vector<doc::Block> {
    if (name == "institutions") return {institutions_table(b)};
    if (name == "procurement") return {procurement_table(b, p, d)};
    if (name == "assets") return {assets_table(b)};
    if (name == "unit_assets") return unit_assets_tables(b);
    if (name == "function_glossary") return {function_glossary_table(d)};
    if (name == "projects") return project_tables(b, p, b.projects, "proj-");
    if (name == "special_funds") return project_tables(b, p, b.special_funds, "proj-sf-");
    throw std::runtime_error("模板引用了未知的表“" + name + "”");
  };

  if (!p.group_narrative.empty()) toc.entries.push_back({p.group_narrative, 1, ""});
  if (!p.narrative_part.empty())
    out.blocks.push_back(part_heading(p.narrative_part, "part-narrative"));
  doc::Heading title;
  title.level = 2;
  title.text = fill_slots(p.narrative_title, b);
  title.anchor = "narrative-title";
  title.align = doc::Align::Center;
  title.new_page = p.narrative_part.empty();
  out.blocks.push_back(title);
  if (!p.opening_template.empty())
    for (auto& bl : text_to_blocks(render(templates, p.opening_template, ctx), tables))
      out.blocks.push_back(std::move(bl));
  for (const auto& s : p.sections) {
    doc::Heading h;
    h.level = 3;
    h.text = s.heading;
    h.anchor = "sec-" + s.id;
    out.blocks.push_back(h);
    toc.entries.push_back({s.heading, 2, h.anchor});
    for (auto& bl : text_to_blocks(render(templates, s.template_name, ctx), tables))
      out.blocks.push_back(std::move(bl));
  }
}

}  // namespace bp
