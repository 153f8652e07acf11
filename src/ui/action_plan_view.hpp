#pragma once
// The improvement action plan (core/action_plan.hpp): one row per action — dimension,
// section, target level, item, owner, due date, priority, status, resources, note — with
// filters (dimension, status, owner, overdue), inline editing through the document (undo,
// audit trail), regeneration that keeps what people typed, and the Excel export.
// In Arabic the columns run from the right.
#include <map>
#include <string>
#include <vector>

#include "core/action_plan.hpp"
#include "ui/app_state.hpp"
#include "ui/item_card.hpp"

namespace mizan::ui {

// The editable text columns of a row.
enum class ActionField { owner, due, resources, note };

class ActionPlanView {
 public:
  void draw(AppState& s);

  // What the filters ask for; the bar above the table changes it.
  ActionFilter& filter() { return filter_; }
  // The rows drawn in the last frame (pointers into the document: valid until it changes).
  const std::vector<ActionRow>& rows() const { return rows_; }
  // Where each control was drawn in the last frame, for tests that click through
  // io.MousePos: "<action index>/owner", "<index>/due", "filter/overdue", "regenerate",
  // "export".
  const std::map<std::string, ScreenRect>& controls() const { return controls_; }
  // A typed due date that was refused, by action index (shown under the field).
  const std::map<size_t, std::string>& date_errors() const { return date_errors_; }

  // Applies a typed value to one field of action `index` through the document. A due date
  // that is not empty and not YYYY-MM-DD is refused (kept in date_errors()). True when
  // the plan changed.
  bool edit(AppState& s, size_t index, ActionField field, const std::string& value);
  bool regenerate(AppState& s);
  // What the view does when it shows a document for the first time: an assessment with
  // answers but no action plan gets the proposed plan, as Regenerate would make it (marked
  // changed, one undo step; an undo back to the empty plan is not proposed again). A
  // signed-off one cannot change: the view shows the proposals read-only instead
  // (previewing()). True when the plan was filled.
  bool propose_if_empty(AppState& s);
  // The rows shown are proposals for a signed-off assessment without a plan, not its plan.
  bool previewing() const { return previewing_; }
  // Writes the workbook (in the interface language) to exports/ next to the open file (or
  // under `dir` when given) and reports the file or the error in a dialog. The path
  // written, or "" on failure.
  std::string export_workbook(AppState& s, const std::string& dir = "");

 private:
  void draw_top(AppState& s, float width);
  void draw_filters(AppState& s, float width);
  void draw_table(AppState& s, float width);
  void draw_row(AppState& s, const ActionRow& row, int column);
  // The assessment whose plan the view shows: the document's, or the read-only preview.
  const Assessment& shown(const AppState& s) const { return previewing_ ? preview_ : s.doc.assessment; }

  ActionFilter filter_;
  std::vector<ActionRow> rows_;
  std::map<std::string, ScreenRect> controls_;
  std::map<size_t, std::string> date_errors_;
  std::string today_;
  std::string regenerated_;  // what the last regeneration did, shown under the buttons
  uint64_t pending_serial_ = 0, pending_revision_ = ~uint64_t(0);
  size_t pending_changes_ = 0;  // items whose action would change on regeneration
  uint64_t seen_serial_ = 0;      // the document the view last showed
  uint64_t proposed_serial_ = 0;  // the document whose empty plan was filled
  // A signed-off assessment without a plan: a copy with the proposed actions, shown
  // read-only; valid for preview_serial_ and preview_revision_.
  bool previewing_ = false;
  Assessment preview_;
  uint64_t preview_serial_ = 0, preview_revision_ = ~uint64_t(0);
};

}  // namespace mizan::ui
