// The open-data export: every derived table and the narrative figures of one department as JSON
// (format documented in docs/open-data.md). Amounts are exact decimal strings in 万元 ("2075.36").
#pragma once

#include <string>

#include "derive/derived.hpp"
#include "model/department.hpp"
#include "model/profile.hpp"

namespace bp {

std::string tables_to_json(const Budget& b, const Profile& profile, const Derived& d);

}  // namespace bp
