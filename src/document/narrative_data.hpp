// The values a narrative template may print. Every number is formatted here, once, with its unit
// ("2075.36万元", "20.61%"), so a template can never type a unit or a figure by hand.
#pragma once

#include <kainjow/mustache.hpp>

#include "derive/derived.hpp"
#include "model/department.hpp"
#include "model/profile.hpp"

namespace bp {

// "2075.36万元"
std::string wan_text(Money m);
// "27400800.00元" (the 2021 form's asset prose)
std::string yuan_text(Money m);
// "增加354.58万元" / "减少5.20万元" / "持平" by the sign of `delta`.
std::string change_phrase(Money delta);
// "增长20.61%" / "下降2.76%" / "" (no previous figure or zero).
std::string rate_phrase(const ChangeFigure& c);

kainjow::mustache::data narrative_data(const Budget& b, const Profile& p, const Derived& d);

}  // namespace bp
