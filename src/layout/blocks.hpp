// Layout of the simple blocks: title page, headings, paragraphs (and the line placement with
// orphan/widow control that notes under tables share).
#pragma once

#include <vector>

#include "document/document.hpp"
#include "layout/flow.hpp"

namespace bp::layout {

text::Align to_text_align(doc::Align a);
const Style& paragraph_style(const Theme& t, doc::ParaStyle s);

void layout_title_page(const doc::TitlePage& tp, Context& ctx, PageFlow& flow);

// Sets the heading's lines (for measuring before placing).
std::vector<text::Line> set_heading(const doc::Heading& h, Context& ctx, double width);
// Height a heading needs (space before + lines + space after).
double heading_height(const doc::Heading& h, const std::vector<text::Line>& lines, Context& ctx);
// Places a heading, keeping `keep_with_next` pt of the following block on the same page.
void layout_heading(const doc::Heading& h, Context& ctx, PageFlow& flow, DocumentLayout& out,
                    double keep_with_next, bool landscape);

// `lines` come from set_paragraph. The paragraph keeps `keep_with_next` pt of the following block
// on its page (a caption, a label such as 机构设置：, a list item title); a TableTitle paragraph
// goes on a landscape page with a landscape table.
std::vector<text::Line> set_paragraph(const doc::Paragraph& p, Context& ctx, double width);
void layout_paragraph(const doc::Paragraph& p, const std::vector<text::Line>& lines, Context& ctx,
                      PageFlow& flow, double keep_with_next, bool landscape);

// Places lines at the left margin, breaking pages as needed; never leaves a single line of a
// paragraph at a page bottom or top (a paragraph of 2 or 3 lines is not split).
void place_lines(const std::vector<text::Line>& lines, const Style& s, Context& ctx, PageFlow& flow,
                 bool landscape);

}  // namespace bp::layout
