#include "app/outputs.hpp"

#include <stdexcept>

#include "app/document_for.hpp"
#include "app/layout_output.hpp"
#include "app/workbook_document.hpp"
#include "document/plain_text.hpp"
#include "docx/docx_file.hpp"
#include "json/tables_json.hpp"
#include "pdf/render.hpp"
#include "util/atomic_file.hpp"
#include "util/file_names.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace bp {

std::set<Format> parse_formats(const std::string& list) {
  std::set<Format> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string f = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (f == "json") out.insert(Format::Json);
    else if (f == "pdf") out.insert(Format::Pdf);
    else if (f == "xlsx") out.insert(Format::Xlsx);
    else if (f == "docx") out.insert(Format::Docx);
    else if (f == "txt") out.insert(Format::Text);
    else if (f == "layout") out.insert(Format::Layout);
    else if (f == "all") out.insert({Format::Json, Format::Pdf, Format::Xlsx, Format::Docx});
    else throw std::invalid_argument("未知的输出格式“" + f + "”（可选 json, pdf, xlsx, docx, txt, layout, all）");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

const char* format_ext(Format f) {
  switch (f) {
    case Format::Json: return "json";
    case Format::Pdf: return "pdf";
    case Format::Xlsx: return "xlsx";
    case Format::Docx: return "docx";
    case Format::Text: return "txt";
    case Format::Layout: return "layout.json";
  }
  return "";
}

std::filesystem::path output_path(const std::filesystem::path& out_dir, const Budget& b, Format f) {
  return out_dir / std::to_string(b.dept.year) /
         (department_file_stem(b.dept.code.value, b.dept.name.value) + "." + format_ext(f));
}

std::string output_claim(const Budget& b) {
  return std::to_string(b.dept.year) + "/" +
         department_file_stem(b.dept.code.value, b.dept.name.value);
}

std::string output_collision_message(const std::string& claim, const std::filesystem::path& other) {
  return "输出文件 " + claim + ".* 与 " + other.string() +
         " 的输出同名（两个文件的部门编码和名称相同），按输入顺序由 " + other.string() +
         " 生成，本文件不会生成";
}

std::vector<std::filesystem::path> write_outputs(const CheckedBudget& c, const std::set<Format>& formats,
                                                 const std::filesystem::path& out_dir, const Context& ctx,
                                                 const WorkBudget* budget,
                                                 std::vector<std::string>* notes) {
  if (!c.ok()) throw std::logic_error("write_outputs called on a budget with errors");
  const Budget& b = *c.budget;
  std::vector<std::filesystem::path> written;
  std::filesystem::create_directories(out_dir / std::to_string(b.dept.year));
  for (Format f : formats) {
    if (budget) budget->check_time(std::string("生成 ") + format_ext(f));
    auto path = output_path(out_dir, b, f);
    switch (f) {
      case Format::Json:
        write_file_atomic(path, tables_to_json(b, *c.profile, *c.derived));
        break;
      case Format::Text:
        write_file_atomic(path, document_to_text(document_for(c, ctx)));
        break;
      case Format::Xlsx:
        xlsx::write_workbook(workbook_document_for(c, ctx), path,
                             xlsx::options_from_config(ctx.theme_root(), source_date_epoch()));
        break;
      case Format::Docx: {
        Typesetting& ts =
            ctx.typesetting();  // shared with the PDF: 目录 page numbers, table widths
        const layout::Theme& theme = ctx.theme_for(b);
        docx::write_docx_file(document_for(c, ctx), theme, ts.fonts_for(theme), path);
        break;
      }
      case Format::Layout:
        write_file_atomic(path, layout_json_for(c, ctx, budget));
        break;
      case Format::Pdf: {
        Typesetting& ts = ctx.typesetting();
        const layout::Theme& theme = ctx.theme_for(b);
        const auto stats =
            pdf::render(document_for(c, ctx), theme, ts.fonts_for(theme), path, budget);
        if (notes) notes->insert(notes->end(), stats.fallbacks.begin(), stats.fallbacks.end());
        break;
      }
    }
    written.push_back(path);
  }
  return written;
}

}  // namespace bp
