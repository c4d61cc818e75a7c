// The text `budgetpress init` writes: every required key with an empty value to fill and a Chinese
// comment saying what goes there, the optional sections commented out. Filled in, it passes
// `check`.
#pragma once

#include <string>

namespace bp::cli {

std::string department_skeleton(int year, const std::string& form, bool three_public_meetings);

}  // namespace bp::cli
