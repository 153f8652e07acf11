#pragma once
// The open assessment as the window sees it: the file it came from, whether it has unsaved
// changes, its live score, and undo/redo of item changes. No ImGui here, so it is tested
// like core.
#include <cstdint>
#include <string>
#include <vector>

#include "core/action_plan.hpp"
#include "core/assessment.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"

namespace mizan::ui {

// One change of one item, as core's set_answer saw it: enough to undo and redo it.
struct ItemChange {
  std::string item;
  ItemAnswer before;
  ItemAnswer after;
  // A change of the action plan instead of one answer: the whole plan before and after
  // (an edited action, or a regeneration). `item` is the edited action's item, if any.
  bool plan = false;
  std::vector<Action> plan_before;
  std::vector<Action> plan_after;
  // A case-data import instead: the assessment's case_data before and after.
  bool case_data = false;
  nlohmann::json case_data_before, case_data_after;
};

class UndoStack {
 public:
  void push(ItemChange c);
  bool can_undo() const { return next_ > 0; }
  bool can_redo() const { return next_ < changes_.size(); }
  const ItemChange& take_undo();  // moves back; call only when can_undo()
  const ItemChange& take_redo();  // moves forward; call only when can_redo()
  void clear();

 private:
  static constexpr size_t kLimit = 500;  // a day's work; older changes stay in the audit trail
  std::vector<ItemChange> changes_;
  size_t next_ = 0;  // changes_[0, next_) are done, the rest were undone
};

class Document {
 public:
  Assessment assessment;
  std::string path;  // "" until saved for the first time
  bool dirty = false;
  std::vector<Problem> warnings;  // from opening the file (unknown item ids…)

  // Bumps at every change, so views may cache what they derive from the assessment.
  uint64_t revision() const { return revision_; }
  // Differs between the documents made or opened in one run (revisions of two documents
  // may be equal): a view's cache is valid for one serial and revision.
  uint64_t serial() const { return serial_; }
  const Score& score() const { return score_; }
  const UndoStack& undo_stack() const { return undo_; }

  // Changes one item through core's set_answer (audit trail, the N/A rule) and records it
  // for undo. Throws std::invalid_argument (N/A without a reason) or std::logic_error
  // (signed off); the assessment is unchanged then.
  void set_answer(const Rubric& r, const std::string& id, ItemAnswer answer, const std::string& by);
  // The item undone or redone, or "" when there was nothing to undo or redo.
  std::string undo(const Rubric& r, const std::string& by);
  std::string redo(const Rubric& r, const std::string& by);
  // Confirms a carried-over answer as it stands (core confirm_carried_over), undoable.
  void confirm_carried_over(const Rubric& r, const std::string& id, const std::string& by);
  // Edits action `index` through core's update_action (audit trail, date check), undoable.
  // Throws like update_action (std::invalid_argument for a bad date, std::logic_error when
  // signed off); the plan is unchanged then.
  void update_action(const Rubric& r, size_t index, Action changed, const std::string& by);
  // Regenerates the plan for the current answers, keeping what people typed; undoable.
  ActionPlanChanges regenerate_actions(const Rubric& r);
  // For edits outside the items (agency, period…): marks dirty and rescores.
  void touched(const Rubric& r);
  // Replaces the assessment's case_data (aggregates of imports, core/evidence.hpp), with
  // an audit entry (field "case_data"); undoable. Throws std::logic_error when signed off.
  void set_case_data(nlohmann::json case_data, const std::string& by);
  void rescore(const Rubric& r);

 private:
  void apply(const Rubric& r, const std::string& id, const ItemAnswer& answer, const std::string& by);
  void apply_plan(const Rubric& r, const std::vector<Action>& plan, const std::string& by);
  void apply_case_data(const nlohmann::json& case_data, const std::string& by);
  UndoStack undo_;
  Score score_;
  uint64_t revision_ = 0;
  uint64_t serial_ = next_serial();
  static uint64_t next_serial();
};

Document new_document(const Rubric& r);
// Opens and checks an assessment against `r`. Throws InputError with every problem found;
// an assessment made for another rubric is an error too (its items would not match).
Document open_document(const std::string& path, const Rubric& r);
// Atomic write (path.bak kept); afterwards the document is clean and its autosave removed.
void save_document(Document& d, const std::string& path);

// The rubric an assessment file asks for (id and version), found in the rubric search dirs.
std::string rubric_for_file(const std::string& path);

// Autosave: a side file next to the assessment, or in `fallback_dir` while it is untitled.
std::string autosave_path(const Document& d, const std::string& fallback_dir);
void write_autosave(const Document& d, const std::string& autosave_file);
// True when `path`.autosave exists and is newer than `path`: work was lost last time.
bool autosave_is_newer(const std::string& path);
void remove_autosave(const std::string& autosave_file);

}  // namespace mizan::ui
