#pragma once
// The menu bar: File, Edit, View, Language. In Arabic the menus start from the right.
#include "ui/app_state.hpp"

namespace mizan::ui {

void draw_menu_bar(AppState& s);
// Ctrl+N/O/S/Shift+S/Q, Ctrl+Z/Y/Shift+Z; not while a text field has the keyboard (it
// has its own undo).
void handle_shortcuts(AppState& s);

}  // namespace mizan::ui
