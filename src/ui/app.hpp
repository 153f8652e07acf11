#pragma once
#include <string>
#include <vector>

namespace mizan::ui {
struct GuiOptions {
  std::string file, screenshot, lang, view;
  int frames = 3;
  int width = 0, height = 0;  // --size WxH; 0: 1440x900 for a screenshot, most of the screen otherwise
  // Case data imported before the first frame (--cases FILE, --mapping canonical|primero|FILE),
  // and assessments put in the compare view (--compare FILE|DIR…): for screenshots.
  // --as-of YYYY-MM-DD: the reference date of that import (default today).
  std::string cases, mapping, as_of;
  std::vector<std::string> compare;
};
int run_gui(const GuiOptions& o);  // exit code
}
