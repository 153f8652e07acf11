#pragma once
// Widgets that know the interface direction. Dear ImGui lays everything out left to
// right; in Arabic these place their parts from the right (arrow, box, label), draw
// labels shaped, and show typed text shaped too.
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>

#include "ui/app_state.hpp"

namespace mizan::ui {

// Places widgets along one line from the interface's start side: left to right in
// English, right to left in Arabic. Call place(width) before each widget.
class Row {
 public:
  Row(bool rtl, float width);
  void place(float w);  // the cursor goes where the next widget of width w belongs
  void skip(float w);
  float used() const { return used_; }
  // Start x (screen) of a run of width w placed next, without moving the cursor.
  float peek_x(float w) const;
  void end();  // the cursor goes below the tallest widget of the row

 private:
  bool rtl_;
  float width_;
  ImVec2 origin_;  // screen position of the row's start (left edge, top)
  float used_ = 0;
  float bottom_;
  bool any_ = false;
};

float button_width(AppState& s, std::string_view label);
bool button(AppState& s, std::string_view label, const char* id, float width = 0, bool enabled = true);
// A toggle drawn like a button, filled with `color` when on.
bool toggle(AppState& s, std::string_view label, const char* id, bool on, ImU32 color, float width, bool enabled);

// A checkbox with its box on the start side of its label. True when toggled.
bool checkbox(AppState& s, std::string_view text, const char* id, bool* value, float width);

// One line of text aligned to the start side of `width` (0: the available width).
void label(AppState& s, std::string_view text, ImU32 color = 0, bool user = false, float width = 0);
// Wrapped text over the available width (or `width`).
void paragraph(AppState& s, std::string_view text, ImU32 color = 0, bool user = false, float width = 0);

// A rounded label on a coloured ground (levels, step names).
float badge_width(AppState& s, std::string_view text);
void badge(AppState& s, std::string_view text, ImU32 bg, ImU32 fg, float width = 0);
// Filled from the start side: from the right in Arabic.
void progress_bar(AppState& s, float fraction, ImVec2 size, ImU32 color, std::string_view overlay = "");

// A header that opens and closes what follows; the arrow sits on the start side.
// Returns the new open state.
bool disclosure(AppState& s, const char* id, std::string_view text, bool open, float width = 0);

// A menu entry with its label on the start side and the shortcut on the end side.
bool menu_entry(AppState& s, std::string_view text, const char* shortcut = "", bool enabled = true);
bool begin_menu(AppState& s, std::string_view text, const char* id);

// A text field that shows its text shaped; it becomes a plain input while edited (ImGui
// cannot shape input) with a shaped preview under it. `commit` gets the new text when
// the edit ends, also when the field stops being drawn (another section was chosen).
void text_field(AppState& s, const char* id, const std::string& value, float width, int lines,
                std::function<void(const std::string&)> commit, std::string_view hint = "", bool enabled = true);
// Called once at the end of a frame: commits an edit whose field was not drawn.
void finish_text_fields(AppState& s);

}  // namespace mizan::ui
