#pragma once
// Everything the views share: the rubric, the open document, the interface language and
// its text painter, and the requests that wait for a dialog. Views get it as an explicit
// AppState& (no function-local statics), so they can be drawn in tests without a window.
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "core/rubric.hpp"
#include "ui/document.hpp"
#include "ui/fonts.hpp"
#include "ui/lang.hpp"
#include "ui/rtl_text.hpp"
#include "ui/settings.hpp"

namespace mizan::ui {

// The views of the main area, in the order of the view bar. A new view (the action plan,
// case-data indicators) adds its id here, a label key in kViews and a case in
// MainWindow::draw_view.
enum class ViewId { checklist, dashboard, details, indicators, compare, action_plan, review };
struct ViewEntry {
  ViewId id;
  const char* label_key;
};
inline constexpr ViewEntry kViews[] = {
    {ViewId::checklist, "view.checklist"}, {ViewId::dashboard, "view.dashboard"}, {ViewId::details, "view.details"},
    {ViewId::indicators, "view.indicators"}, {ViewId::compare, "view.compare"},
    {ViewId::action_plan, "view.action_plan"}, {ViewId::review, "view.review"}};

// An error waiting for the user; a dialog shows it until dismissed. Texts are already in
// the interface language, details are the problems as file:line:col: message.
struct Message {
  std::string title;
  std::string text;
  std::vector<std::string> details;
};

// What waits for the answer to "save your changes?".
enum class PendingStep { none, new_file, open_file, quit };
enum class BrowseFor { none, open, save_as, pick };

// A file or folder a view asks for (case data, a mapping, assessments to compare): the
// file browser shows the files with `extensions` and hands the chosen paths to `done`.
struct FileRequest {
  std::string title_key;
  std::vector<std::string> extensions;  // ".csv", ".xlsx"…; empty: every file
  bool save = false;      // a name to write (an existing file is replaced only when confirmed)
  bool folder = false;    // the folder shown may be chosen as the answer
  bool multiple = false;  // several files may be chosen
  std::string name;       // the proposed file name when saving
  std::function<void(const std::vector<std::string>&)> done;
};

// The one text field being edited. ImGui's input cannot shape Arabic, so fields show their
// text shaped and become a plain input only while someone types in them.
struct FieldEdit {
  ImGuiID id = 0;
  std::string buffer;
  std::string original;
  std::function<void(const std::string&)> commit;
  bool focus = false;  // give it the keyboard on its first frame
  bool seen = false;   // drawn in this frame
};

struct AppState {
  Rubric rubric;
  bool has_rubric = false;
  Document doc;

  Settings settings;
  std::string settings_file;  // "" in tests: nothing is written
  std::string autosave_dir;   // where untitled work is autosaved; "" in tests: nowhere
  Strings tr;
  BidiText text;
  Fonts fonts;

  ViewId view = ViewId::checklist;
  std::string section;  // the section the checklist shows

  std::vector<Message> messages;
  PendingStep pending = PendingStep::none;
  std::string pending_path;
  bool ask_unsaved = false;     // the unsaved-changes dialog is wanted
  bool quit_confirmed = false;  // the shell may close the window now
  BrowseFor browse = BrowseFor::none;
  FileRequest file_request;   // wanted when browse == BrowseFor::pick
  bool import_cases = false;  // File > Import case data…: the indicators view asks for a file
  std::string recover_offer;  // a file whose autosave is newer: offer to recover it
  FieldEdit edit;
  uint64_t autosaved_revision = 0;  // the document revision last written (save or autosave)
  double unsaved_since = -1;        // time of the first change not yet written; -1 = none
  std::function<void()> wake;    // background work calls this to get a frame drawn

  bool rtl() const { return tr.rtl(); }
  // Who makes the changes, for the audit trail.
  std::string by() const { return user_name(settings); }
};

}  // namespace mizan::ui
