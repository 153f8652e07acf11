#pragma once
// The words of the assessment workbook in Arabic and English: sheet names, column headers,
// the names of answers, action statuses and priorities. Level names come from the rubric.
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/review.hpp"
#include "core/rubric.hpp"

namespace mizan::xlsx {

struct WorkbookWords {
  // Sheet names (each ≤ 31 characters, none of []:*?/\).
  std::string summary_sheet, plan_sheet, checklist_sheet, indicators_sheet, audit_sheet;

  // Summary
  std::string title, agency, period, rubric, assessment_date, assessors, exported_on, source_file, signed_off,
      unknown_items, dimensions_table, sections_table, dimension, section, name, level, dimension_progress,
      section_progress, met, not_met, na, unanswered, open_actions, overdue_actions, chart_title, chart_axis,
      scale_note, progress_note;

  // Action plan
  std::vector<std::string> plan_headers;  // one per column, in order
  std::string next_step, later_step, now_resolved, not_in_rubric, overdue_note, no_actions;

  // Checklist
  std::vector<std::string> checklist_headers;

  // Indicators and audit trail
  std::vector<std::string> indicator_headers;
  std::string import_label, indicators_note;
  std::vector<std::string> audit_headers;
  std::string no_changes;

  // The review sheets (review_sheets.cpp): what changed against the baseline, explained
  // levels, sign-off.
  std::string changes_sheet, explanations_sheet, signoff_sheet;
  std::vector<std::string> changes_headers;
  std::string against_baseline, baseline_file, baseline_recorded_sha, baseline_check, baseline_ok,
      baseline_no_sha, baseline_changed, baseline_missing, baseline_unreadable, change_counts, carried_over,
      reason_missing, reason_given, no_item_changes, changes_note;
  std::vector<std::string> explanation_headers;
  std::string all_good, explanations_note;
  std::string signoff_status, status_signed, status_not_signed, status_reopened, signed_by, signer_role,
      signoff_date, signed_at, reopened_by, reopened_at, reopen_reason, earlier_signoff, assessment_file,
      file_sha256, sha_note, sha_unavailable;
};

const WorkbookWords& words(Lang lang);

std::string action_status_name(ActionStatus s, Lang lang);
std::string priority_name(Priority p, Lang lang);
std::string answer_name(ItemStatus s, Lang lang);
// Every action status name in order (not started, in progress, done, dropped).
std::vector<std::string> action_status_names(Lang lang);
std::vector<std::string> priority_names(Lang lang);
// "Improved", "Fell back", "Newly N/A", … of the review cycle (core/review.hpp).
std::string change_kind_name(ChangeKind k, Lang lang);

// The rubric's name of the level (its id when the rubric has none).
std::string level_name(const Rubric& r, Level l, Lang lang);
// "critical → medium" / "من حرج إلى متوسط" for step 0..2, with the rubric's level names.
std::string step_name(const Rubric& r, int step, Lang lang);

}  // namespace mizan::xlsx
