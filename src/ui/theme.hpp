#pragma once
// Colours that carry meaning (levels, answers) and the style, scaled for the screen.
#include <imgui.h>

#include "core/assessment.hpp"
#include "core/rubric.hpp"

namespace mizan::ui {

// Sizes in ems of the current font, so the layout follows the font size (and so the
// monitor's content scale) instead of pixel constants.
inline float em(float n) { return n * ImGui::GetFontSize(); }

// Light style: forms full of text read best dark on light on modest office screens.
// `scale` is the monitor's content scale; `rtl` right-aligns selectables and buttons.
void apply_style(float scale, bool rtl);

ImU32 level_color(Level l);
ImU32 level_text_color(Level l);  // readable on level_color
ImU32 status_color(ItemStatus s);
ImU32 muted_text_color();
ImU32 warning_color();

}  // namespace mizan::ui
