#pragma once
// The improvement action plan: which checklist items need an action, keeping what people
// typed when answers change, and the rows the window and the workbook both show.
//
// Which items get an action: for every section below `good`, each item of its next step
// (the first step not passed) that is neither met nor N/A (an N/A without justification
// counts as open, as in scoring). Open items of the steps after it are proposed too and
// shown as `later`. A section at `good` proposes nothing.
//
// Regenerating after answers changed (see regenerate_action_plan):
// - an open item with no action gets a new one: status not started, priority high for
//   the next step of a section at critical, medium for the next step otherwise, low for
//   later steps; owner, due date, resources and note empty;
// - an open item keeps every action it has, exactly as typed (also "done" or "dropped" —
//   the people decide that, not the answers); a "resolved" mark is taken off again;
// - an item now met or N/A: an action nobody touched (no owner, due date, resources or
//   note, still not started; the priority alone does not count) is removed; one with
//   content is kept and marked `"resolved": true` in the file (Action::extra), so nothing
//   a person wrote is lost;
// - actions for items the rubric does not know, or with no item, are kept untouched.
// The plan is ordered as the framework (dimension, section, step, number), unknown
// items last in their existing order.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"

namespace mizan {

// ---- dates ---------------------------------------------------------------------------

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

// Strictly "YYYY-MM-DD" and a real day of the Gregorian calendar (2026-02-30 and
// 2025-02-29 are not; 2024-02-29 is). Years 0001..9999.
std::optional<CalendarDate> parse_date(std::string_view s);
bool is_valid_date(std::string_view s);
int days_in_month(int year, int month);
// Today's local date as "YYYY-MM-DD".
std::string today_date();

// ---- the plan in the file ------------------------------------------------------------

// Whether the file marks the action as kept for an item that is now met or N/A.
bool marked_resolved(const Action& a);
// No owner, due date, resources or note; still not started; no unknown fields.
bool untouched(const Action& a);

// The priority a new action for `item` gets (see above).
Priority proposed_priority(const Rubric& r, const Assessment& a, const Item& item);

// Item ids that need an action now, in framework order, with their "later" flag.
struct OpenItem {
  std::string item;
  bool later = false;  // in a step after the section's next one
};
std::vector<OpenItem> open_items(const Rubric& r, const Assessment& a);

struct ActionPlanChanges {
  std::vector<std::string> added;     // new proposed actions
  std::vector<std::string> reopened;  // resolved before, open again
  std::vector<std::string> resolved;  // item met/N/A now; kept for its content
  std::vector<std::string> removed;   // item met/N/A now; untouched, so removed
  bool empty() const { return added.empty() && reopened.empty() && resolved.empty() && removed.empty(); }
};

struct ActionPlanUpdate {
  std::vector<Action> actions;
  ActionPlanChanges changes;
};

// The plan as it should be for the current answers, without changing `a` (for exports
// of signed-off assessments and for previews).
ActionPlanUpdate updated_action_plan(const Rubric& r, const Assessment& a);

// Replaces a.actions by updated_action_plan(). Not recorded in the audit trail: it only
// follows the answers, which are. Throws std::logic_error when the assessment is signed off.
ActionPlanChanges regenerate_action_plan(const Rubric& r, Assessment& a);

// Replaces action `index` by `changed` and records each changed field in the audit trail
// (field "action.owner", "action.due", …; item = the action's item).
// Throws std::invalid_argument for a due date that is not empty and not a valid date or an
// index out of range, and std::logic_error when the assessment is signed off.
void update_action(Assessment& a, size_t index, Action changed, const std::string& by,
                   const std::string& at = now_iso8601());

// ---- the rows people see -------------------------------------------------------------

struct ActionRow {
  size_t index = 0;           // into Assessment::actions
  const Action* action = nullptr;
  const Item* item = nullptr;  // null when the rubric does not know the item
  std::string dimension;      // dimension id ("" when unknown)
  std::string section;        // section id ("" when unknown)
  Level target = Level::medium;  // the level the item's step reaches
  bool later = false;         // the item is in a step after the section's next one
  bool resolved = false;      // the item is met or N/A now
  bool overdue = false;       // due before today, not done and not dropped
};

struct ActionFilter {
  std::string dimension;                // "" = every dimension
  std::optional<ActionStatus> status;   // none = every status
  std::string owner;                    // "" = everyone; else equal, ignoring case and spaces around
  bool overdue_only = false;
  bool next_step_only = false;          // hide later steps
  bool include_resolved = true;
};

// Overdue: `due` is a valid date before `today` (YYYY-MM-DD) and the action is not done
// or dropped. An empty or invalid `today` means nothing is overdue.
bool is_overdue(const Action& action, std::string_view today);

// The rows of a.actions that pass `filter`, in framework order (unknown items last).
std::vector<ActionRow> action_rows(const Rubric& r, const Assessment& a, std::string_view today,
                                   const ActionFilter& filter = {});

// Distinct non-empty owners, sorted, for a filter list.
std::vector<std::string> action_owners(const Assessment& a);

}  // namespace mizan
