#pragma once
// Case data as evidence: an item's evidence rules (rubric JSON, `evidence`) weighed against
// the aggregates an assessment keeps in `case_data`. The result is a suggestion shown
// beside the item; the person answering still decides.
//
// The shape of `case_data` (written by `mizan indicators … --attach`, documented in
// docs/casedata.md):
//   {"format": "mizan-case-data", "format_version": 1,
//    "imports": [ {"file": "cases.csv", "format": "csv", "imported_at": "…Z",
//                  "as_of": "YYYY-MM-DD", "mapping": "canonical", "rows": N,
//                  "indicators": {"<id>": number | null |
//                                 {"value": v, "numerator": n, "denominator": d}},
//                  "limits": {…}, "disaggregation": {…}, "problems": {counts only}} … ]}
// Aggregates only: never a row, a case id or a name. The last import is the current one.
// Also read (as src/export/indicators_sheet.cpp does): a list of imports, one import
// object, or a bare map of indicator ids to numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rubric.hpp"

namespace mizan {

enum class EvidenceVerdict { supports_met, suggests_not_met, no_data };
const char* verdict_id(EvidenceVerdict v);  // "supports_met", "suggests_not_met", "no_data"

// One indicator's aggregate as stored.
struct IndicatorFigure {
  std::optional<double> value;  // nullopt: null (denominator 0) or not in the import
  std::optional<std::int64_t> numerator, denominator;
  bool present = false;  // the import has this indicator at all
};

struct EvidenceFinding {
  std::string indicator;
  std::string op;
  double threshold = 0;
  IndicatorFigure figure;
  std::string figure_text;  // "85.0% (17 of 20)", "31", "no data"
  EvidenceVerdict verdict = EvidenceVerdict::no_data;
};

// The current (last) import of `case_data`, or nullptr when there is none.
const nlohmann::json* current_case_data_import(const nlohmann::json& case_data);
// The indicator `id` in the current import.
IndicatorFigure case_data_figure(const nlohmann::json& case_data, const std::string& id);

// "85.0% (17 of 20)" for rates (ids ending in "rate"), "31" or "12.5" for counts, "no data".
// `shared`: counts below 5 are written "<5" (see shared_count).
std::string figure_text(const std::string& indicator, const IndicatorFigure& f, bool shared = false);

EvidenceFinding evaluate_evidence(const EvidenceRule& rule, const nlohmann::json& case_data);
std::vector<EvidenceFinding> evaluate_item_evidence(const Item& item, const nlohmann::json& case_data);
// An item with several rules: suggests_not_met when any rule with data fails; supports_met
// when every rule has data and holds; otherwise (some or all without data) no_data.
EvidenceVerdict combined_verdict(const std::vector<EvidenceFinding>& findings);

// Small-count suppression for anything shared between agencies (compare, anonymised
// exports): counts 1..4 become "<5"; 0 and counts from 5 up are written as they are.
constexpr std::int64_t kSmallCountThreshold = 5;
std::string shared_count(std::int64_t n);
bool is_small_count(std::int64_t n);

}  // namespace mizan
