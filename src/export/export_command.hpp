#pragma once
// mizan export ASSESSMENT [-o FILE.xlsx] [--lang ar|en] [--rubric R]
#include <iosfwd>
#include <string>

namespace mizan {

// Writes the assessment workbook (export/assessment_workbook.hpp). `out_path` empty: the
// default exports/<agency-code>-<period>-action-plan.xlsx (…-action-plan-ar.xlsx in Arabic),
// the exports/ folder created when missing. `lang` "ar" or "en" ("" = en); `rubric` empty:
// found by the assessment's rubric id. Reports the file written on `out`, warnings and
// problems (file and place) on `err`. Returns 0 when written, 1 for invalid input or a file
// that cannot be written (nothing is left under the output name), 2 for an unknown language.
int export_command(const std::string& assessment, const std::string& out_path, const std::string& lang,
                   const std::string& rubric, std::ostream& out, std::ostream& err);

// The default output path for an assessment (without creating anything).
std::string default_export_path(const std::string& agency_code, const std::string& period, const std::string& lang);

}  // namespace mizan
