#pragma once
// The review cycle in the window (core/review.hpp): what changed against the baseline
// review (with the reasons a fall-back or a new N/A needs), the merge conflicts the lead
// assessor decides, and the sign-off that makes the file read-only until reopened. Also
// the carried-over marks of the checklist and the signed-off banner.
#include <map>
#include <string>
#include <vector>

#include "core/review.hpp"
#include "ui/app_state.hpp"
#include "ui/item_card.hpp"

namespace mizan::ui {

enum class ReviewTab { changes, conflicts, signoff };

class ReviewView {
 public:
  void draw(AppState& s);
  // The banner over every view of a signed assessment: who signed, and "Reopen", which
  // asks for confirmation (and a reason for the audit trail) first.
  void draw_banner(AppState& s, float width);

  ReviewTab tab = ReviewTab::changes;
  bool show_still_open = false;

  // The sign-off form.
  std::string sign_name, sign_role, sign_date;
  // Signs with the form's values through core's sign_off; a refusal becomes a message.
  bool sign(AppState& s);
  // Reopens through core's reopen (recorded in the audit trail with `reason`).
  void reopen(AppState& s, const std::string& reason);
  // The lead's pick of answer `choice` for the conflict on `item` (core resolve_conflict).
  bool resolve(AppState& s, const std::string& item, size_t choice);

  // The changes against the baseline shown in the last frame, and why there are none
  // ("" when the baseline was read).
  const std::vector<mizan::ItemChange>& changes() const { return changes_; }
  const std::string& baseline_problem() const { return base_problem_; }
  // Where the controls were drawn in the last frame, for tests: "tab/changes",
  // "conflict/<item>/<n>", "sign", "reopen", "reopen/confirm", "reason/<item>".
  const std::map<std::string, ScreenRect>& controls() const { return controls_; }
  bool reopen_asked() const { return reopen_wanted_ || reopen_open_; }

 private:
  void draw_tabs(AppState& s, float width);
  void draw_changes(AppState& s, float width);
  void draw_conflicts(AppState& s, float width);
  void draw_signoff(AppState& s, float width);
  void draw_reopen_popup(AppState& s);
  void load_baseline(AppState& s);

  std::map<std::string, ScreenRect> controls_;
  std::vector<mizan::ItemChange> changes_;  // core's, not the undo record of document.hpp
  std::string base_key_;      // the file and baseline the cache belongs to
  std::string base_path_;     // where the baseline was read from
  std::string base_problem_;  // why it could not be read
  bool base_changed_ = false;  // its SHA-256 differs from the one recorded
  Assessment base_;
  bool have_base_ = false;
  uint64_t changes_revision_ = ~uint64_t(0);
  bool reopen_wanted_ = false;
  bool reopen_open_ = false;
  std::string reopen_reason_;
};

// The carried-over mark of one checklist item: a badge and "Confirm" (core
// confirm_carried_over, undoable). Records cards.controls["<item>/confirm"].
void draw_carried_over(AppState& s, ItemCards& cards, const Item& item, float width);
// "n answers of this section are carried over" and "Confirm all in this section"
// (cards.controls["section/confirm_all"]); nothing when none is carried over.
void draw_section_carried_over(AppState& s, ItemCards& cards, const Section& sec, float width);
// Confirms every carried-over answer of `sec`; the number confirmed.
int confirm_section(AppState& s, const Section& sec);

}  // namespace mizan::ui
