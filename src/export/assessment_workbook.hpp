#pragma once
// The Excel workbook auditors receive for one assessment: Summary (details, levels and a
// chart), Action plan, Checklist (every item of the rubric), Indicators (when the file
// holds case-data aggregates) and Audit trail. Arabic workbooks are right to left with
// Arabic sheet names and headers. Sheets and columns: docs/export.md.
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"

namespace mizan {

struct WorkbookOptions {
  std::string today;        // YYYY-MM-DD: "exported on" and overdue actions; empty = today
  std::string source_file;  // shown on the summary; empty = not shown
  // The review sheets (review_sheets.cpp): Sign-off, What changed (when the assessment has
  // a baseline) and Explanations. mizan export turns them on; off, the workbook has only
  // the sheets above.
  bool review_sheets = false;
  // The assessment file on disk, for the review sheets: its name and SHA-256 (computed at
  // export) go on the Sign-off sheet, and a relative baseline path is found from its folder.
  std::string assessment_file;
};

struct WorkbookReport {
  std::vector<std::string> sheets;  // names as written
  size_t actions = 0;               // rows of the action plan
  size_t items = 0;                 // rows of the checklist
  size_t truncated_cells = 0;       // texts cut to Excel's 32,767 characters
  std::vector<std::string> warnings;  // e.g. a due date that is not a date, written as text
};

// Writes the workbook to `out_path` atomically (a temporary file renamed over it, so a
// failure never leaves a broken workbook there). The action plan is the one
// regenerate_action_plan() would make for the current answers, with everything people
// typed; `a` itself is not changed (a signed-off assessment exports too).
// Throws InputError naming out_path when it cannot be written.
WorkbookReport export_assessment_workbook(const Rubric& r, const Assessment& a, const std::string& out_path, Lang lang,
                                          const WorkbookOptions& options = {});

}  // namespace mizan
