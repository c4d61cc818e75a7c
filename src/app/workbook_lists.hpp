// Value lists the fill-in workbook and the importer share (one definition): the 资金来源 of
// 政府采购 amounts. The template heads its procurement amount columns with them and lists them on
// 下拉列表; the importer accepts exactly these words in a 资金来源 column of a budget system's
// procurement list (one row per item and source), and nothing else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/department.hpp"

namespace bp {

struct ProcurementSourceLabel {
  const char* label;
  ProcSource source;
};

inline const std::vector<ProcurementSourceLabel>& procurement_sources() {
  static const std::vector<ProcurementSourceLabel> l = {
      {"一般公共预算拨款", ProcSource::Gpb},
      {"政府性基金预算拨款", ProcSource::Fund},
      {"国有资本经营预算拨款", ProcSource::Soc},
      {"财政专户核拨", ProcSource::Special},
      {"单位资金", ProcSource::Unit},
      {"上年财政拨款结转", ProcSource::CarryoverFiscal},
      {"上年非财政拨款结转", ProcSource::CarryoverOther},
      {"上年结转结余", ProcSource::Carryover}};
  return l;
}

inline std::vector<std::string> procurement_source_labels() {
  std::vector<std::string> out;
  for (const auto& s : procurement_sources()) out.push_back(s.label);
  return out;
}

// The source a 资金来源 cell names (exactly one of the labels), or nullopt.
inline std::optional<ProcSource> procurement_source_of(const std::string& text) {
  for (const auto& s : procurement_sources())
    if (text == s.label) return s.source;
  return std::nullopt;
}

}  // namespace bp
