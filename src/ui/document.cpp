#include "ui/document.hpp"

#include <filesystem>

#include "core/atomic_file.hpp"

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
  undo_.push(ItemChange{id, std::move(before), now ? *now : ItemAnswer{}});
  dirty = true;
  rescore(r);
}

std::string Document::undo(const Rubric& r, const std::string& by) {
  if (!undo_.can_undo()) return "";
  const ItemChange& c = undo_.take_undo();
  apply(r, c.item, c.before, by);
  return c.item;
}

std::string Document::redo(const Rubric& r, const std::string& by) {
  if (!undo_.can_redo()) return "";
  const ItemChange& c = undo_.take_redo();
  apply(r, c.item, c.after, by);
  return c.item;
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
