#pragma once
// Inside the assessment workbook: one function per sheet, sharing this context.
#include <string>

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

}  // namespace mizan::xlsx
