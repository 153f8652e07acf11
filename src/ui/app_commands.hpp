#pragma once
// What the user can do to the whole document, shared by the menu, the shortcuts and the
// dialogs. Every failure becomes a Message: a bad file never closes the window or loses
// the open work.
#include <exception>
#include <string>

#include "ui/app_state.hpp"

namespace mizan::ui {

// Sets up the interface language (strings, direction, style alignment) and remembers it.
void set_language(AppState& s, Lang lang);
// Loads the bundled rubric and starts an empty assessment; a missing rubric is a message.
void start_up(AppState& s, const std::string& file);

// Asks about unsaved changes first when there are any.
void request(AppState& s, PendingStep step, const std::string& path = "");
// Carries out the pending step (after the user saved or chose to discard).
void continue_pending(AppState& s);

void new_file(AppState& s);
void open_file(AppState& s, const std::string& path);
void recover_autosave(AppState& s, const std::string& path);
// Where the autosave of a never-saved assessment goes (with ".autosave" added).
std::string untitled_stand_in(const AppState& s);
// Saves to the document's file, or asks for a name first. True when saved.
bool save(AppState& s);
bool save_as(AppState& s, const std::string& path);

// Item changes through the document (undo stack, audit trail); a refusal from core
// (N/A without a reason, a signed assessment) becomes a message.
bool change_item(AppState& s, const std::string& id, ItemAnswer answer);
void undo(AppState& s);
void redo(AppState& s);

// Writes the autosave file when the document has been dirty for settings.autosave_seconds.
void autosave_if_due(AppState& s, double now);
// Seconds until the next autosave is due (for the idle wait), or a negative number.
double autosave_wait(const AppState& s, double now);

void report(AppState& s, const std::string& title_key, const std::exception& e);
void save_settings_quietly(AppState& s);

}  // namespace mizan::ui
