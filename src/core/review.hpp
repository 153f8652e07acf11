#pragma once
// The semiannual review cycle: start from the last review, see what changed against it,
// explain every score, merge several assessors' copies, sign off.
#include <string>
#include <utility>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"

namespace mizan {

// ---- carry-over ----------------------------------------------------------------------

// The period after `period`: 2026-H1 -> 2026-H2 -> 2027-H1; YYYY-Qn and YYYY-MM likewise;
// YYYY -> YYYY+1. Unknown shapes give "".
std::string next_period(const std::string& period);

// A new review for `period`, copied from `previous`: answers, notes, evidence and the
// actions that are not done or dropped; every copied answer is marked carried over until
// someone confirms or changes it; audit trail, sign-off and conflicts start empty; the
// baseline points at `previous_file` (with the SHA-256 of its bytes).
Assessment new_review_from(const Assessment& previous, const std::string& previous_file,
                           const std::string& previous_sha256, const std::string& period, const std::string& by);

// Confirm a carried-over answer as it stands (recorded in the audit trail).
void confirm_carried_over(Assessment& a, const std::string& item, const std::string& by,
                          const std::string& at = now_iso8601());
int carried_over_count(const Assessment& a);

std::string sha256_hex(const std::string& bytes);
std::string sha256_file(const std::string& path);  // throws InputError when unreadable

// ---- what changed against the baseline -----------------------------------------------

enum class ChangeKind {
  unchanged,     // same status as before
  improved,      // not met / unanswered / N/A -> met
  fell_back,     // met -> not met / unanswered (needs a reason)
  newly_na,      // -> N/A (needs a reason)
  reopened,      // N/A -> not met / unanswered
  still_open,    // not met or unanswered before and now
};
const char* change_kind_id(ChangeKind k);

struct ItemChange {
  std::string item;
  ItemStatus before = ItemStatus::unanswered;
  ItemStatus after = ItemStatus::unanswered;
  ChangeKind kind = ChangeKind::unchanged;
  bool carried_over = false;
  bool needs_reason() const { return kind == ChangeKind::fell_back || kind == ChangeKind::newly_na; }
  std::string reason;  // the current answer's change_reason
};

// Every rubric item, in framework order, compared with the baseline review.
std::vector<ItemChange> changes_against(const Rubric& r, const Assessment& current, const Assessment& baseline);
// Items that fell back or became N/A and still have no reason.
std::vector<std::string> changes_missing_reason(const std::vector<ItemChange>& changes);

// ---- explained scores ----------------------------------------------------------------

struct SectionExplanation {
  std::string section;
  Level level = Level::critical;
  std::vector<std::string> not_met;     // open items of the next step answered "not met"
  std::vector<std::string> unanswered;  // open items of the next step not answered yet
  Level if_met = Level::critical;       // the level reached if all of them were met
};

// For a section below good: which items hold it where it is and what meeting them gives.
SectionExplanation explain_section(const Section& s, const Assessment& a);
// "2a stays at medium because 2a.a1 and 2a.a3 are not met; meeting them would raise it to
// acceptable." (or the Arabic sentence); "" for a section at good.
std::string explanation_text(const Rubric& r, const SectionExplanation& e, Lang lang);

// ---- several assessors ---------------------------------------------------------------

struct AssessorCopy {
  std::string author;  // who filled this copy
  Assessment assessment;
};

// Merge the copies item by item: where the answered copies agree on the status the answer
// is taken (notes joined with their authors, evidence united); where they disagree the
// item stays unanswered and a Conflict lists each answer with its author. Unanswered copies
// do not disagree. Details (agency, period…) come from the first copy. The merge is
// recorded in the audit trail.
Assessment merge_copies(const Rubric& r, const std::vector<AssessorCopy>& copies, const std::string& lead,
                        const std::string& at = now_iso8601());

// The lead assessor picks answer `choice` of the conflict on `item` (audit trail records it).
void resolve_conflict(Assessment& a, const std::string& item, size_t choice, const std::string& lead,
                      const std::string& at = now_iso8601());

// ---- sign-off ------------------------------------------------------------------------

// Throws std::invalid_argument without a name, std::logic_error when conflicts are open.
void sign_off(Assessment& a, const std::string& name, const std::string& role, const std::string& date,
              const std::string& at = now_iso8601());
// Reopens a signed assessment for changes; the reason goes into the audit trail.
void reopen(Assessment& a, const std::string& by, const std::string& reason, const std::string& at = now_iso8601());

}  // namespace mizan
