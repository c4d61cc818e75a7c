// The document the xlsx backend writes. For a form that prints the 9 tables it is the document
// itself. A form that prints none (2021: the figures stand in the 说明's paragraphs) would give a
// workbook without the department's figures, which `import` could not read back: its workbook
// also gets, after the printed parts, the 9 tables the narrative is computed from and the
// 国有资产 table (in 元, as the form states assets), each noted as not printed in the published
// document ("注：2021年格式的公开文件不 印本表…", the words `import` takes the form from).
#pragma once

#include "app/pipeline.hpp"
#include "document/document.hpp"

namespace bp {

// 专项资金 the form does not print are appended as 绩效目标表 (stacked on the 专项资金 sheet).
// Every workbook closes with the sheets of the narrative's own figures (部门职责, 说明数据,
// 各单位资产情况: app/workbook_narrative.hpp), which `import` reads back.
// `printed`: the department's document tree (built once by write_outputs), extended: write_outputs
// moves it in when nothing reads it afterwards, else passes a copy.
doc::Document workbook_document_for(const CheckedBudget& c, doc::Document printed);

// The note under each appended table; `import` recognises a workbook of form F by
// "<F>" + kNotPrintedNote.
inline constexpr const char* kNotPrintedNote =
    "年格式的公开文件不印本表：本表列出说明中各项数字的来源，供核对和导入。";
// Under the last 专项资金 table of a form that does not print them: "<F>" + this.
inline constexpr const char* kNotPrintedSpecialFundsNote =
    "年格式的公开文件不印专项资金绩效目标表：列在这里供核对和导入。";

}  // namespace bp
