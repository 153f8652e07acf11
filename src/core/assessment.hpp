#pragma once
// One agency's self-assessment against a rubric, and its file (CONTRACT.md section 3).
// Unknown fields (at the top, in an item, in an action) are kept in `extra` and written
// back; item ids the rubric does not know are kept and reported.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/problem.hpp"
#include "core/rubric.hpp"

namespace mizan {

constexpr int kAssessmentFormatVersion = 1;

enum class ItemStatus { unanswered, met, not_met, na };
const char* status_id(ItemStatus s);  // "", "met", "not_met", "na"
std::optional<ItemStatus> parse_status(std::string_view s);

struct ItemAnswer {
  ItemStatus status = ItemStatus::unanswered;
  std::string note;
  std::string justification;  // required when status is na
  std::vector<std::string> evidence;
  std::string changed_by;
  std::string changed_at;  // ISO 8601 UTC
  // Copied from the previous review and not yet confirmed or changed by anyone.
  bool carried_over = false;
  // Why an answer fell back or became N/A against the baseline review.
  std::string change_reason;
  nlohmann::json extra = nlohmann::json::object();

  bool empty() const;
  bool same_content(const ItemAnswer& o) const;  // status, note, justification, evidence
};

enum class ActionStatus { not_started, in_progress, done, dropped };
enum class Priority { high, medium, low };
const char* action_status_id(ActionStatus s);
std::optional<ActionStatus> parse_action_status(std::string_view s);
const char* priority_id(Priority p);
std::optional<Priority> parse_priority(std::string_view s);

// An improvement action for one checklist item (issue: action plan).
struct Action {
  std::string item;  // item id
  std::string owner;
  std::string due;  // YYYY-MM-DD or empty
  Priority priority = Priority::medium;
  ActionStatus status = ActionStatus::not_started;
  std::string resources;
  std::string note;
  nlohmann::json extra = nlohmann::json::object();
};

struct AuditEntry {
  std::string at;  // ISO 8601 UTC
  std::string by;
  std::string item;   // item id, or "" for the assessment itself
  std::string field;  // status, note, justification, evidence, …
  std::string from;
  std::string to;
};

// The previous review this one was started from.
struct Baseline {
  std::string file;    // as given when the review was created
  std::string period;  // e.g. 2026-H1
  std::string sha256;  // of the baseline file's bytes
  bool empty() const { return file.empty() && period.empty() && sha256.empty(); }
};

// A reviewer's sign-off. A signed assessment opens read-only until explicitly reopened.
struct SignOff {
  std::string name;
  std::string role;
  std::string date;  // YYYY-MM-DD
  std::string at;    // ISO 8601 UTC, when it was signed
  bool empty() const { return name.empty(); }
};

// Assessors' answers that disagree after a merge, waiting for the lead assessor.
struct ConflictAnswer {
  std::string author;
  ItemAnswer answer;
};
struct Conflict {
  std::string item;
  std::vector<ConflictAnswer> answers;
};

struct Assessment {
  std::string rubric_id;
  std::string rubric_version;
  std::string agency_name;
  std::string agency_code;
  std::string period;           // e.g. 2026-H2
  std::string assessment_date;  // YYYY-MM-DD
  std::vector<std::string> assessors;
  std::map<std::string, ItemAnswer> items;  // only answered items, plus unknown ids
  std::vector<Action> actions;
  std::vector<AuditEntry> audit;
  nlohmann::json case_data = nlohmann::json();  // aggregates from case-data imports (null = none)
  Baseline baseline;
  SignOff signoff;
  std::vector<Conflict> conflicts;  // open merge conflicts
  nlohmann::json extra = nlohmann::json::object();

  bool signed_off() const { return !signoff.empty(); }

  const ItemAnswer* answer(const std::string& id) const;
  ItemStatus status(const std::string& id) const;
};

// A new, empty assessment for `rubric`.
Assessment new_assessment(const Rubric& rubric);

struct LoadedAssessment {
  Assessment assessment;
  std::vector<Problem> warnings;  // unknown item ids, N/A without justification, rubric version
};

// Parse an assessment file. Fatal problems (not JSON, wrong format, wrong types, a newer
// format_version, an unknown status) throw InputError naming file:line:col.
// When `rubric` is given, item ids it does not know and rubric mismatches are warnings.
LoadedAssessment parse_assessment(std::string_view text, const std::string& file, const Rubric* rubric = nullptr);
LoadedAssessment load_assessment(const std::string& path, const Rubric* rubric = nullptr);

nlohmann::json assessment_to_json(const Assessment& a);
std::string assessment_to_text(const Assessment& a);  // pretty JSON, UTF-8, trailing newline
// Atomic write with path.bak kept.
void save_assessment(const std::string& path, const Assessment& a);

// Item ids of `a` that `rubric` does not define.
std::vector<std::string> unknown_item_ids(const Assessment& a, const Rubric& rubric);

// The current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string now_iso8601();

// Replace the answer of item `id` and record each changed field in the audit trail.
// Throws std::invalid_argument when status is na without a justification, and
// std::logic_error when the assessment is signed off (reopen it first).
// Returns the previous answer (for undo).
ItemAnswer set_answer(Assessment& a, const std::string& id, ItemAnswer answer, const std::string& by,
                      const std::string& at = now_iso8601());

}  // namespace mizan
