#pragma once
// Writing what the window shows to a PNG (for the README and the screenshot test).
#include <string>

namespace mizan::ui {

// Reads the back buffer of the current GL context (width x height pixels) and writes it
// as a PNG. Throws InputError when the file cannot be written.
void write_screenshot(const std::string& path, int width, int height);

}  // namespace mizan::ui
