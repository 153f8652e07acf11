#pragma once
// All font loading in one place, by role. Noto Sans with Noto Sans Arabic merged into it
// (one ImFont draws both scripts), found through fontconfig, never by hard-coded paths.
#include <imgui.h>

#include <string>
#include <vector>

namespace mizan::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  float size = 16.0f;  // body size in pixels
  // Shown in the window: a missing font is a visible warning, never a crash.
  std::vector<std::string> warnings;
};

// Folders of fonts that Mizan adds to fontconfig's set: $MIZAN_FONTS_DIR, <exe>/../share/
// mizan/fonts, <exe>/fonts and the source tree's fonts/ (those that exist).
std::vector<std::string> app_font_dirs();

// The file of a font family through fontconfig; "" when that family is not installed
// (fontconfig always answers with *some* font, so the family it returns is checked).
std::string find_font_file(const std::string& family, bool bold = false);

// Clears `atlas` and loads the fonts at `body_px`. Falls back to Dear ImGui's built-in
// font (Latin only) when Noto Sans is missing, with a warning.
Fonts load_fonts(ImFontAtlas& atlas, float body_px);

}  // namespace mizan::ui
