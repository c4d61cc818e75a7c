// The one place that builds a department's document tree for the backends (PDF, XLSX, DOCX, text):
// tables + 情况说明 from the shared templates, creation time from SOURCE_DATE_EPOCH.
#pragma once

#include "app/context.hpp"
#include "app/pipeline.hpp"
#include "document/document.hpp"

namespace bp {

// SOURCE_DATE_EPOCH as seconds, 0 when unset or malformed.
int64_t source_date_epoch();

doc::Document document_for(const CheckedBudget& c, const Context& ctx);

}  // namespace bp
