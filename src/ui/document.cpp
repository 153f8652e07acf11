#include "ui/document.hpp"

#include <atomic>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/evidence.hpp"
#include "core/review.hpp"

namespace fs = std::filesystem;

namespace mizan::ui {

void UndoStack::push(ItemChange c) {
  changes_.resize(next_);  // a new change forgets what was undone
  changes_.push_back(std::move(c));
  if (changes_.size() > kLimit) changes_.erase(changes_.begin());
  next_ = changes_.size();
}

const ItemChange& UndoStack::take_undo() { return changes_[--next_]; }
const ItemChange& UndoStack::take_redo() { return changes_[next_++]; }

void UndoStack::clear() {
  changes_.clear();
  next_ = 0;
}

uint64_t Document::next_serial() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

void Document::apply(const Rubric& r, const std::string& id, const ItemAnswer& answer, const std::string& by) {
  mizan::set_answer(assessment, id, answer, by);
  dirty = true;
  rescore(r);
}

void Document::set_answer(const Rubric& r, const std::string& id, ItemAnswer answer, const std::string& by) {
  size_t audit_before = assessment.audit.size();
  ItemAnswer before = mizan::set_answer(assessment, id, answer, by);
  if (assessment.audit.size() == audit_before) return;  // nothing changed: not dirty, nothing to undo
  const ItemAnswer* now = assessment.answer(id);
  ItemChange c;
  c.item = id;
  c.before = std::move(before);
  c.after = now ? *now : ItemAnswer{};
  undo_.push(std::move(c));
  dirty = true;
  rescore(r);
}

void Document::apply_plan(const Rubric& r, const std::vector<Action>& plan, const std::string& by) {
  if (assessment.signed_off())
    throw std::logic_error("the assessment was signed off by " + assessment.signoff.name +
                           "; reopen it to change the action plan");
  std::vector<Action>& now = assessment.actions;
  bool same_items = now.size() == plan.size();
  for (size_t i = 0; same_items && i < plan.size(); ++i) same_items = now[i].item == plan[i].item;
  if (same_items) {
    // Field edits: back through core, so the audit trail shows the undo as well.
    for (size_t i = 0; i < plan.size(); ++i) {
      try {
        mizan::update_action(assessment, i, plan[i], by);
      } catch (const std::invalid_argument&) {
        now[i] = plan[i];  // a date the file brought in (not typed here) is restored as it was
      }
    }
  } else {
    now = plan;  // a regeneration: not in the audit trail, like the regeneration itself
  }
  dirty = true;
  rescore(r);
}

std::string Document::undo(const Rubric& r, const std::string& by) {
  if (!undo_.can_undo()) return "";
  const ItemChange& c = undo_.take_undo();
  if (c.case_data) {
    apply_case_data(c.case_data_before, by);
    return "#case_data";
  }
  if (c.plan) apply_plan(r, c.plan_before, by);
  else apply(r, c.item, c.before, by);
  return c.item.empty() && c.plan ? std::string("#actions") : c.item;
}

std::string Document::redo(const Rubric& r, const std::string& by) {
  if (!undo_.can_redo()) return "";
  const ItemChange& c = undo_.take_redo();
  if (c.case_data) {
    apply_case_data(c.case_data_after, by);
    return "#case_data";
  }
  if (c.plan) apply_plan(r, c.plan_after, by);
  else apply(r, c.item, c.after, by);
  return c.item.empty() && c.plan ? std::string("#actions") : c.item;
}

void Document::confirm_carried_over(const Rubric& r, const std::string& id, const std::string& by) {
  const ItemAnswer* cur = assessment.answer(id);
  if (!cur || !cur->carried_over) return;
  ItemAnswer before = *cur;
  mizan::confirm_carried_over(assessment, id, by);
  const ItemAnswer* now = assessment.answer(id);
  ItemChange c;
  c.item = id;
  c.before = std::move(before);
  c.after = now ? *now : ItemAnswer{};
  undo_.push(std::move(c));
  dirty = true;
  rescore(r);
}

void Document::update_action(const Rubric& r, size_t index, Action changed, const std::string& by) {
  size_t audit_before = assessment.audit.size();
  std::vector<Action> before = assessment.actions;
  mizan::update_action(assessment, index, std::move(changed), by);
  if (assessment.audit.size() == audit_before) return;  // nothing changed
  ItemChange c;
  c.item = assessment.actions[index].item;
  c.plan = true;
  c.plan_before = std::move(before);
  c.plan_after = assessment.actions;
  undo_.push(std::move(c));
  dirty = true;
  rescore(r);
}

ActionPlanChanges Document::regenerate_actions(const Rubric& r) {
  std::vector<Action> before = assessment.actions;
  ActionPlanChanges changes = mizan::regenerate_action_plan(r, assessment);
  if (!changes.empty()) {
    ItemChange c;
    c.plan = true;
    c.plan_before = std::move(before);
    c.plan_after = assessment.actions;
    undo_.push(std::move(c));
    dirty = true;
    rescore(r);
  }
  return changes;
}

void Document::apply_case_data(const nlohmann::json& case_data, const std::string& by) {
  if (assessment.signed_off())
    throw std::logic_error("the assessment was signed off by " + assessment.signoff.name +
                           "; reopen it to change its case data");
  assessment.case_data = case_data;
  AuditEntry e;
  e.at = now_iso8601();
  e.by = by;
  e.field = "case_data";
  // What is current now: "cases.csv (as of 2026-11-30, 1200 rows)", or "" when none.
  if (const nlohmann::json* imp = current_case_data_import(case_data)) {
    auto text = [imp](const char* k) { return imp->contains(k) ? imp->at(k).dump() : std::string(); };
    e.to = imp->value("file", std::string()) + " (as of " + imp->value("as_of", std::string()) + ", " + text("rows") +
           " rows)";
  }
  assessment.audit.push_back(std::move(e));
  dirty = true;
  ++revision_;  // the score does not depend on case data
}

void Document::set_case_data(nlohmann::json case_data, const std::string& by) {
  ItemChange c;
  c.case_data = true;
  c.case_data_before = assessment.case_data;
  c.case_data_after = case_data;
  apply_case_data(case_data, by);
  undo_.push(std::move(c));
}

void Document::touched(const Rubric& r) {
  dirty = true;
  rescore(r);
}

void Document::rescore(const Rubric& r) {
  score_ = mizan::score(r, assessment);
  ++revision_;
}

Document new_document(const Rubric& r) {
  Document d;
  d.assessment = new_assessment(r);
  d.rescore(r);
  return d;
}

Document open_document(const std::string& path, const Rubric& r) {
  auto loaded = load_assessment(path, &r);
  const Assessment& a = loaded.assessment;
  if (!a.rubric_id.empty() && a.rubric_id != r.id)
    throw InputError(Problem{path, 0, 0, "/rubric/id",
                             "this assessment uses the rubric \"" + a.rubric_id + "\", not \"" + r.id + "\""});
  Document d;
  d.assessment = std::move(loaded.assessment);
  d.warnings = std::move(loaded.warnings);
  d.path = path;
  d.rescore(r);
  return d;
}

void save_document(Document& d, const std::string& path) {
  save_assessment(path, d.assessment);
  std::string old_autosave = d.path.empty() ? "" : d.path + ".autosave";
  d.path = path;
  d.dirty = false;
  remove_autosave(path + ".autosave");
  if (!old_autosave.empty()) remove_autosave(old_autosave);
}

std::string rubric_for_file(const std::string& path) {
  auto first = load_assessment(path);  // without a rubric: only to learn which one it needs
  return find_rubric(first.assessment.rubric_id, first.assessment.rubric_version);
}

std::string autosave_path(const Document& d, const std::string& fallback_dir) {
  if (!d.path.empty()) return d.path + ".autosave";
  return fallback_dir.empty() ? "" : fallback_dir + "/untitled.mizan.json.autosave";  // see untitled_stand_in()
}

void write_autosave(const Document& d, const std::string& autosave_file) {
  if (autosave_file.empty()) return;
  std::error_code ec;
  fs::create_directories(fs::path(autosave_file).parent_path(), ec);
  write_file_atomic(autosave_file, assessment_to_text(d.assessment), /*keep_backup=*/false);
}

bool autosave_is_newer(const std::string& path) {
  std::error_code ec;
  fs::path side = path + ".autosave";
  if (!fs::exists(side, ec)) return false;
  if (!fs::exists(path, ec)) return true;
  return fs::last_write_time(side, ec) > fs::last_write_time(path, ec);
}

void remove_autosave(const std::string& autosave_file) {
  std::error_code ec;
  if (!autosave_file.empty()) fs::remove(autosave_file, ec);
}

}  // namespace mizan::ui
