// Line breaking in logical order with a width callback, then shaping and reordering of
// each line on its own (a line is reordered only after the break is chosen: breaking the
// visual string would put the end of an RTL sentence on the first line).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/bidi.hpp"

namespace mizan::text {

// Width of a visual-order, shaped UTF-8 line in the caller's units (pixels for the UI,
// e.g. ImGui::CalcTextSize). Shaping changes widths, so candidates are measured shaped.
using MeasureFn = std::function<float(std::string_view visual_utf8)>;

struct DisplayLine {
  std::string visual;   // shaped, visual order: draw left to right
  std::string logical;  // the same line in logical order (for copying, tooltips, tests)
  bool rtl = false;     // its paragraph is right-to-left: the UI right-aligns it
};

// Breaks the text into display lines no wider than max_width:
// - '\n' always breaks ("\r\n" too); each paragraph gets its own direction when base is Auto;
// - otherwise breaks at spaces (U+0020, tab and the other breaking spaces, not NBSP); the
//   spaces at a break are dropped, spaces inside a line and before the first word are kept;
// - a word wider than max_width on its own is split between characters (never before a
//   combining mark or a joiner), at least one character per line so this always ends.
// max_width <= 0 or an empty measure means "no width limit": only '\n' breaks.
// An empty text gives one empty line; a trailing '\n' gives a last empty line.
std::vector<DisplayLine> wrap(std::string_view utf8, float max_width, const MeasureFn& measure,
                              BaseDirection base = BaseDirection::Auto);

// The visual strings of wrap(), for callers that need nothing else.
std::vector<std::string> wrap_logical(std::string_view utf8, float max_width,
                                      const MeasureFn& measure,
                                      BaseDirection base = BaseDirection::Auto);

}  // namespace mizan::text
