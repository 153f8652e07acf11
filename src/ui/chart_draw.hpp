#pragma once
// Charts drawn with ImDrawList (no plotting library): the radar of the dimensions and a
// bar per section. Values are on the scale of CONTRACT.md section 2: 0..3.
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace mizan::ui {

struct ChartValue {
  std::string label;  // logical text; shaped when drawn
  double value = 0;   // 0..3
  Level level = Level::critical;
};

// A radar with one axis per value, the first at the top, going clockwise (counter-clockwise
// in Arabic, so it reads in the direction of the text). Occupies a size x size square at
// the cursor.
void radar_chart(AppState& s, const std::vector<ChartValue>& values, float size);

// One row per value: label on the start side, then a bar growing away from it with the
// level's colour, and the level's name.
void bar_rows(AppState& s, const std::vector<ChartValue>& values, float width);

}  // namespace mizan::ui
