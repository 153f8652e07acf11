#pragma once
// One checklist item: its status controls (met / not met / N/A / unanswered) on the start
// side of its text, the N/A reason, and its notes and evidence.
#include <imgui.h>

#include <map>
#include <set>
#include <string>

#include "ui/app_state.hpp"

namespace mizan::ui {

struct ScreenRect {
  ImVec2 min, max;
  ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

// View state of the items of the checklist (never the answers: those live in the document).
struct ItemCards {
  std::set<std::string> open;  // items whose notes and evidence are shown
  std::string na_item;         // the item waiting for its N/A reason
  std::string na_reason;
  bool na_popup_wanted = false;
  // Where each status control was drawn in the last frame ("2a.m1/met"), for scrolling to
  // an item and for tests that click through io.MousePos.
  std::map<std::string, ScreenRect> controls;
};

const char* status_key(ItemStatus st);  // "met", "not_met", "na", "unanswered"

// Width of the block of status controls.
float status_controls_width(AppState& s);
void draw_item(AppState& s, ItemCards& cards, const Item& item, float width);
// The "why not applicable?" dialog; sets N/A only with a reason.
void draw_na_popup(AppState& s, ItemCards& cards);

}  // namespace mizan::ui
