#include "ui/app_commands.hpp"

#include <algorithm>
#include <stdexcept>

#include "ui/theme.hpp"

namespace mizan::ui {

void report(AppState& s, const std::string& title_key, const std::exception& e) {
  Message m;
  m.title = s.tr(title_key);
  if (auto* ie = dynamic_cast<const InputError*>(&e)) {
    m.text = s.tr("error.problems");
    for (const auto& p : ie->problems()) m.details.push_back(p.str());
  } else {
    m.text = e.what();
  }
  s.messages.push_back(std::move(m));
}

void save_settings_quietly(AppState& s) {
  try {
    save_settings(s.settings_file, s.settings);
  } catch (const std::exception&) {
    // Losing a remembered choice is not worth a dialog in the middle of the work.
  }
}

void set_language(AppState& s, Lang lang) {
  s.tr = Strings(lang);
  s.text.set_rtl(lang == Lang::ar);
  s.text.clear();
  ImGuiStyle& st = ImGui::GetStyle();
  st.SelectableTextAlign.x = lang == Lang::ar ? 1.0f : 0.0f;
  st.WindowTitleAlign.x = lang == Lang::ar ? 1.0f : 0.0f;
  if (s.settings.lang != lang_id(lang)) {
    s.settings.lang = lang_id(lang);
    save_settings_quietly(s);
  }
}

namespace {

void mark_written(AppState& s) {
  s.autosaved_revision = s.doc.revision();
  s.unsaved_since = -1;
}

void show_document(AppState& s, Document d) {
  s.doc = std::move(d);
  s.edit = FieldEdit{};
  mark_written(s);
  if (s.section.empty() || !s.rubric.find_section(s.section))
    s.section = s.rubric.dimensions.empty() || s.rubric.dimensions.front().sections.empty()
                    ? ""
                    : s.rubric.dimensions.front().sections.front().id;
  if (!s.doc.warnings.empty()) {
    Message m{s.tr("open.warnings_title"), s.tr("open.warnings"), {}};
    for (const auto& w : s.doc.warnings) m.details.push_back(w.str());
    s.messages.push_back(std::move(m));
  }
}

// The rubric a file asks for, loaded in place of the current one when it differs.
void use_rubric_of(AppState& s, const std::string& path) {
  std::string rpath = rubric_for_file(path);
  if (s.has_rubric && rpath == s.rubric.path) return;
  s.rubric = load_rubric(rpath);
  s.has_rubric = true;
}

}  // namespace

std::string untitled_stand_in(const AppState& s) {
  return s.autosave_dir.empty() ? "" : s.autosave_dir + "/untitled.mizan.json";
}

void start_up(AppState& s, const std::string& file) {
  try {
    s.rubric = load_rubric(find_rubric());
    s.has_rubric = true;
    show_document(s, new_document(s.rubric));
  } catch (const std::exception& e) {
    report(s, "error.rubric_title", e);
  }
  if (!file.empty()) open_file(s, file);
  // Work on a never-saved assessment was autosaved beside the settings; offer it back.
  else if (s.has_rubric && !s.autosave_dir.empty() && autosave_is_newer(untitled_stand_in(s)))
    s.recover_offer = untitled_stand_in(s);
}

void request(AppState& s, PendingStep step, const std::string& path) {
  s.pending = step;
  s.pending_path = path;
  if (s.doc.dirty) s.ask_unsaved = true;
  else continue_pending(s);
}

void continue_pending(AppState& s) {
  PendingStep step = s.pending;
  s.pending = PendingStep::none;
  s.ask_unsaved = false;
  switch (step) {
    case PendingStep::none: break;
    case PendingStep::new_file: new_file(s); break;
    case PendingStep::open_file: open_file(s, s.pending_path); break;
    case PendingStep::quit:
      remove_autosave(autosave_path(s.doc, s.autosave_dir));  // the user chose to leave it
      s.quit_confirmed = true;
      break;
  }
}

void new_file(AppState& s) {
  if (!s.has_rubric) return;
  remove_autosave(autosave_path(s.doc, s.autosave_dir));
  show_document(s, new_document(s.rubric));
}

void open_file(AppState& s, const std::string& path) {
  try {
    use_rubric_of(s, path);
    Document d = open_document(path, s.rubric);
    show_document(s, std::move(d));
    add_recent(s.settings, path);
    save_settings_quietly(s);
    if (autosave_is_newer(path)) s.recover_offer = path;
  } catch (const std::exception& e) {
    report(s, "error.open_title", e);  // the open work stays as it was
  }
}

void recover_autosave(AppState& s, const std::string& path) {
  try {
    Document d = open_document(path + ".autosave", s.rubric);
    d.path = path == untitled_stand_in(s) ? "" : path;  // recovered untitled work stays untitled
    d.dirty = true;
    show_document(s, std::move(d));
    s.autosaved_revision = 0;  // recovered work is unsaved work
  } catch (const std::exception& e) {
    report(s, "error.recover_title", e);
  }
}

bool save_as(AppState& s, const std::string& path) {
  try {
    bool was_untitled = s.doc.path.empty();
    save_document(s.doc, path);
    if (was_untitled) remove_autosave(autosave_path(Document{}, s.autosave_dir));
    mark_written(s);
    add_recent(s.settings, path);
    save_settings_quietly(s);
    return true;
  } catch (const std::exception& e) {
    report(s, "error.save_title", e);
    return false;
  }
}

bool save(AppState& s) {
  if (s.doc.path.empty()) {
    s.browse = BrowseFor::save_as;
    return false;
  }
  return save_as(s, s.doc.path);
}

bool change_item(AppState& s, const std::string& id, ItemAnswer answer) {
  try {
    s.doc.set_answer(s.rubric, id, std::move(answer), s.by());
    return true;
  } catch (const std::invalid_argument&) {
    s.messages.push_back(Message{s.tr("error.change_title"), s.tr("na.reason_required"), {id}});
  } catch (const std::logic_error&) {
    s.messages.push_back(Message{s.tr("error.change_title"), s.tr("error.signed_off"), {}});
  }
  return false;
}

namespace {
// Shows the section of the item that undo or redo changed, so the change is seen.
void follow_change(AppState& s, const std::string& item) {
  if (item.empty()) return;
  s.edit = FieldEdit{};  // an open field would write its old text back over the undo
  if (const Item* it = s.rubric.find_item(item)) {
    s.section = it->section;
  }
}
}  // namespace

void undo(AppState& s) {
  try {
    follow_change(s, s.doc.undo(s.rubric, s.by()));
  } catch (const std::exception& e) {
    report(s, "error.change_title", e);
  }
}

void redo(AppState& s) {
  try {
    follow_change(s, s.doc.redo(s.rubric, s.by()));
  } catch (const std::exception& e) {
    report(s, "error.change_title", e);
  }
}

void autosave_if_due(AppState& s, double now) {
  if (!s.doc.dirty || s.doc.revision() == s.autosaved_revision) {
    s.unsaved_since = -1;
    return;
  }
  if (s.unsaved_since < 0) s.unsaved_since = now;
  int every = s.settings.autosave_seconds;
  if (every <= 0 || now - s.unsaved_since < every) return;
  try {
    write_autosave(s.doc, autosave_path(s.doc, s.autosave_dir));
  } catch (const std::exception& e) {
    report(s, "error.autosave_title", e);
  }
  mark_written(s);  // a failing disk is reported once per interval, not every frame
}

double autosave_wait(const AppState& s, double now) {
  if (s.unsaved_since < 0 || s.settings.autosave_seconds <= 0) return -1;
  return std::max(0.0, s.settings.autosave_seconds - (now - s.unsaved_since));
}

}  // namespace mizan::ui
