#pragma once
// Inside the assessment workbook: one function per sheet, sharing this context.
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"
#include "export/assessment_workbook.hpp"
#include "export/labels.hpp"
#include "export/workbook.hpp"

namespace mizan::xlsx {

struct SheetContext {
  Workbook& wb;
  const Rubric& rubric;
  const Assessment& assessment;  // with the regenerated action plan
  const Score& score;
  Lang lang;
  const WorkbookWords& w;
  std::string today;
  std::string source_file;
  WorkbookReport& report;
};

// "2. Case management process" — id and name in the workbook's language.
std::string dimension_title(const Dimension& d, Lang lang);
std::string section_title(const Section& s, Lang lang);

void write_summary_sheet(SheetContext& c);
void write_action_plan_sheet(SheetContext& c);
void write_checklist_sheet(SheetContext& c);
// Only when the assessment's case_data holds something.
bool has_case_data(const Assessment& a);
void write_indicators_sheet(SheetContext& c);
void write_audit_sheet(SheetContext& c);

// The review sheets (review_sheets.cpp). `assessment_file` is the file on disk ("" = not
// known): its SHA-256 is computed now, and a relative baseline path is found from its folder.
void write_signoff_sheet(SheetContext& c, const std::string& assessment_file);
// Only when the assessment has a baseline. A baseline file that is missing, unreadable or
// whose SHA-256 differs from the recorded one is said on the sheet (and in report.warnings).
void write_changes_sheet(SheetContext& c, const std::string& assessment_file);
void write_explanations_sheet(SheetContext& c);
// Where the baseline file is looked for, in order: relative to the assessment's folder, as
// recorded (relative to the working folder), its file name in the assessment's folder.
std::vector<std::string> baseline_candidates(const std::string& recorded, const std::string& assessment_file);

}  // namespace mizan::xlsx
