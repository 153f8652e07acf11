#pragma once
// `mizan indicators CASES.(csv|xlsx) [--mapping NAME|FILE] [--as-of YYYY-MM-DD] [--json]
//                   [--shared] [--attach ASSESSMENT.mizan.json]`
#include <iosfwd>
#include <string>

namespace mizan::casedata {

struct IndicatorsCommandOptions {
  std::string path;
  std::string mapping;         // built-in name, mapping file, or "" / "auto": guessed from the header
  std::string as_of;           // YYYY-MM-DD; "" = today
  bool json = false;           // CONTRACT.md section 4 JSON on `out`
  bool suppress_small = false; // counts 1–4 shown as "<5" (for sharing between agencies)
  std::string attach;          // assessment file: its case_data gets the aggregates (atomic save)
};

// Returns the exit code: 0 success; 1 invalid input (the message on `err` names the file
// and the place; also a signed-off assessment to attach to); 2 usage (a malformed --as-of).
// With `attach`, the indicators are computed first; the assessment is written only when
// the whole import succeeded, and never receives a row value.
int run_indicators_command(const IndicatorsCommandOptions& options, std::ostream& out, std::ostream& err);
int run_indicators_command(const std::string& path, const std::string& mapping, const std::string& as_of, bool json,
                           std::ostream& out, std::ostream& err);

}  // namespace mizan::casedata
