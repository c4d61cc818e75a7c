#include "app/outputs.hpp"

#include <memory>
#include <optional>
#include <stdexcept>

#include "app/document_for.hpp"
#include "app/layout_output.hpp"
#include "app/workbook_document.hpp"
#include "document/plain_text.hpp"
#include "docx/docx_file.hpp"
#include "docx/from_layout.hpp"
#include "json/tables_json.hpp"
#include "pdf/helper_thread.hpp"
#include "pdf/render.hpp"
#include "util/atomic_file.hpp"
#include "util/file_names.hpp"
#include "util/process_end.hpp"
#include "util/trace.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace bp {

std::set<Format> parse_formats(const std::string& list) {
  std::set<Format> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string f =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (f == "json")
      out.insert(Format::Json);
    else if (f == "pdf")
      out.insert(Format::Pdf);
    else if (f == "xlsx")
      out.insert(Format::Xlsx);
    else if (f == "docx")
      out.insert(Format::Docx);
    else if (f == "txt")
      out.insert(Format::Text);
    else if (f == "layout")
      out.insert(Format::Layout);
    else if (f == "all")
      out.insert({Format::Json, Format::Pdf, Format::Xlsx, Format::Docx});
    else
      throw std::invalid_argument("未知的输出格式“" + f +
                                  "”（可选 json, pdf, xlsx, docx, txt, layout, all）");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

const char* format_ext(Format f) {
  switch (f) {
    case Format::Json:
      return "json";
    case Format::Pdf:
      return "pdf";
    case Format::Xlsx:
      return "xlsx";
    case Format::Docx:
      return "docx";
    case Format::Text:
      return "txt";
    case Format::Layout:
      return "layout.json";
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

std::vector<std::filesystem::path> write_outputs(const CheckedBudget& c,
                                                 const std::set<Format>& formats,
                                                 const std::filesystem::path& out_dir,
                                                 const Context& ctx, const WorkBudget* budget,
                                                 std::vector<std::string>* notes,
                                                 const OutputThreads& threads, DocumentSlot* slot) {
  if (!c.ok()) throw std::logic_error("write_outputs called on a budget with errors");
  // `out_dir` is the department's staging directory: the batch renames every file into OUT/<year>
  // and syncs that directory (publish), so the staging directory's entries are not synced.
  constexpr SyncDirectory kStaged = SyncDirectory::no;
  constexpr bool kStagedFile = true;
  const SyncFile file_sync = threads.caller_syncs_files ? SyncFile::by_caller : SyncFile::now;
  const Budget& b = *c.budget;
  std::vector<std::filesystem::path> written;
  std::filesystem::create_directories(out_dir / std::to_string(b.dept.year));
  const layout::Theme& theme = ctx.theme_for(b);
  // Built once, read by every output; typeset (lines, pages, widths, page numbers) once, shared
  // by the PDF, the DOCX and the layout JSON.
  DocumentSlot own{{}, true};
  std::optional<doc::Document>& tree = slot ? slot->tree : own.tree;
  const bool last_call = slot ? slot->last_call : true;
  auto document = [&]() -> const doc::Document& {
    if (!tree) tree = document_for(c, ctx);
    return *tree;
  };
  // The process's last document: what only this call reads (the layout, the PDF's objects) is
  // left to the process's end instead of being freed before the files are published.
  const bool last_in_process = threads.last_document && last_call;
  // The helper of the layout's tables planned ahead, started before the document tree is built
  // (unless the caller built it: a lone department's, while its fonts load, app/batch.cpp): in
  // the traces a new thread ran its first line 1.5–3 ms after it was started, which the layout
  // waited for (bench/pdf/README.md "Round 9, 20G"). It makes its tools when the layout starts.
  std::unique_ptr<HelperThread<layout::Context>> ahead_thread;
  if (threads.layout &&
      (formats.count(Format::Pdf) || formats.count(Format::Layout) || formats.count(Format::Docx)))
    ahead_thread = std::make_unique<HelperThread<layout::Context>>(true, threads.lanes);
  // The process's last document: the helper is parked where the layout stops it, and left to the
  // process's end below. Its thread's end ran mimalloc's teardown of its heap (≈ 2 M
  // instructions) while the layout waited in PlanAhead's stop() before the PDF could start.
  if (ahead_thread && last_in_process && !kTearDownAtExit) ahead_thread->park_at_stop();
  // The PDF writer's helper, started now for the same reason (the largest face waited for its
  // first line): it makes its tools when the PDF is written (pdf::WriteOptions::helper).
  std::unique_ptr<pdf::HelperThread> pdf_thread;
  if (threads.pdf && formats.count(Format::Pdf))
    pdf_thread =
        std::make_unique<pdf::HelperThread>(true, pdf::HelperThread::Deferred{}, threads.lanes);
  std::unique_ptr<DepartmentLayout> laid_out;
  auto layout = [&]() -> DepartmentLayout& {
    if (!laid_out) {
      // The budget's ceiling guards the layout of a PDF or layout JSON; a DOCX alone was never
      // held to it (its layout only gives the 目录 numbers and table widths).
      const bool typeset_output = formats.count(Format::Pdf) || formats.count(Format::Layout);
      laid_out = std::make_unique<DepartmentLayout>(
          document(), theme, ctx.typesetting().fonts_for(theme), typeset_output ? budget : nullptr,
          threads.layout, ahead_thread.get());
    }
    return *laid_out;
  };
  bool front_done = false;
  auto end_front = [&] {
    if (front_done) return;
    front_done = true;
    if (threads.front_done) threads.front_done();
  };
  for (Format f : formats) {
    if (budget) budget->check_time(std::string("生成 ") + format_ext(f));
    auto path = output_path(out_dir, b, f);
    if (f != Format::Pdf) end_front();  // the PDF's ends after its layout
    switch (f) {
      case Format::Json:
        write_file_atomic(path, tables_to_json(b, *c.profile, *c.derived), kStaged, file_sync);
        break;
      case Format::Text:
        write_file_atomic(path, document_to_text(document()), kStaged, file_sync);
        break;
      case Format::Xlsx: {
        // The department's theme (its `theme:`, --theme, the site overlay's), as loaded for the
        // PDF and DOCX, gives the font, type sizes and term list.
        const trace::Span span("xlsx");
        const auto options = xlsx::options_from_style(theme, source_date_epoch());
        // A form that prints no tables gets them in its workbook too, and every workbook the
        // narrative's own figures (app/workbook_document.hpp).
        // The workbook extends the tree: it takes it when nothing reads it afterwards (no later
        // call, no later format, no layout referring to it), else a copy.
        const bool read_later = !last_call || laid_out || formats.count(Format::Docx) ||
                                formats.count(Format::Text) || formats.count(Format::Layout);
        document();
        doc::Document printed = read_later ? *tree : std::move(*tree);
        if (!read_later) tree.reset();
        xlsx::write_workbook(workbook_document_for(c, std::move(printed)), path, options,
                             kStagedFile, file_sync);
        break;
      }
      case Format::Docx: {
        DepartmentLayout& lay = layout();
        docx::write_docx_file(
            document(), theme,
            [&] { return docx::options_from_layout(document(), lay.get(), lay.context()); }, path,
            kStagedFile, file_sync);
        break;
      }
      case Format::Layout:
        write_file_atomic(path, layout_json_for(b, layout()), kStaged, file_sync);
        break;
      case Format::Pdf: {
        DepartmentLayout& lay = layout();
        const layout::DocumentLayout& pages = lay.get();
        lay.coverage().throw_if_missing();
        // No DOCX sets text with the layout's context after the PDF (Docx comes later in
        // `formats`): its caches go back to the pool before the next department's layout starts.
        if (!formats.count(Format::Docx)) lay.release_caches();
        end_front();
        // The last document: its layout has read the fonts' tables for the last time. Their
        // pages are given back before the faces are subset (the peak of the run's memory); the
        // subsets read back what they need. By the PDF's helper when there is one, first thing
        // (pdf::HelperThread::run_first): the madvise took this thread 0.3–0.5 ms.
        if (threads.last_document) {
          const text::FontSet& fonts = ctx.typesetting().fonts_for(theme);
          auto release = [&fonts] {
            try {
              fonts.release_file_pages();
            } catch (...) {  // only memory given back earlier
            }
          };
          if (pdf_thread && pdf_thread->parallel())
            pdf_thread->run_first(release);
          else
            release();
        }
        // A second core: the helper thread may subset a face and make content streams. The
        // faces' caches of charstrings make the subsets of a lone document too (issue 20E: their
        // own flattener, hb-subset only for a sample of each face). The PDF's own objects are
        // left to exit when no output follows it.
        const bool pdf_last = last_in_process && *formats.rbegin() == Format::Pdf;
        const std::string bytes =
            pdf::write_laid_out(pages, document(), theme, nullptr, budget, threads.pdf, true,
                                pdf_last, pdf_thread.get());
        // Parked by the writer after the last document (its end left to the process's), else
        // ended there already.
        if (pdf_last)
          leave_to_exit(std::move(pdf_thread));
        else
          pdf_thread.reset();
        const trace::Span span("pdf.write_file");
        write_file_atomic(path, bytes, kStaged, file_sync);
        if (notes) {
          const auto fallbacks = lay.coverage().fallback_report();
          notes->insert(notes->end(), fallbacks.begin(), fallbacks.end());
        }
        break;
      }
    }
    written.push_back(path);
  }
  // ≈ 1.2 M instructions of frees (its pages, plans, caches' lease) before the files are published.
  if (last_in_process) {
    leave_to_exit(std::move(laid_out));
    leave_to_exit(std::move(ahead_thread));  // parked by the layout's stop() (above)
  }
  return written;
}

}  // namespace bp
