// PoDoFo 0.9.8's exceptions (PoDoFo::PdfError) do not derive from std::exception: one that left the
// PDF writer would pass every `catch (const std::exception&)` of the batch and end the process
// (std::terminate) — seen under --max-memory, where PoDoFo reports a failed allocation as
// ePdfError_OutOfMemory. The writer's boundary (pdf/render.cpp) turns them into the exceptions the
// rest of the program handles: std::bad_alloc for a failed allocation (the department fails with
// E014), std::runtime_error naming the PoDoFo error otherwise.
#pragma once

#include <podofo/podofo.h>

namespace bp::pdf {

[[noreturn]] void rethrow_as_std(const PoDoFo::PdfError& e);

}  // namespace bp::pdf
