#pragma once
#include <string>

namespace mizan::ui {
struct GuiOptions { std::string file, screenshot, lang, view; int frames = 3; };
int run_gui(const GuiOptions& o);  // exit code
}
