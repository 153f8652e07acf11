#pragma once
#include <string>
#include <vector>

namespace mizan::ui {
struct GuiOptions {
  std::string file, screenshot, lang, view;
  int frames = 3;
  // Case data imported before the first frame (--cases FILE, --mapping canonical|primero|FILE),
  // and assessments put in the compare view (--compare FILE|DIR…): for screenshots.
  std::string cases, mapping;
  std::vector<std::string> compare;
};
int run_gui(const GuiOptions& o);  // exit code
}
