#pragma once
// The dialogs that wait for the user: errors (with every problem of a bad file), "save
// your changes?", and "recover the autosaved work?". One at a time: a dialog opens only
// when no other popup is showing, so nothing is lost behind another.
#include "ui/app_state.hpp"

namespace mizan::ui {

class Dialogs {
 public:
  void draw(AppState& s);

 private:
  void draw_message(AppState& s);
  void draw_unsaved(AppState& s);
  void draw_recover(AppState& s);
  bool message_open_ = false;
  bool unsaved_open_ = false;
  bool recover_open_ = false;
};

}  // namespace mizan::ui
