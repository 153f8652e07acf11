// Runs `mizan gui FILE --screenshot OUT --lang L --view V [more options]` and checks the PNG has a
// window's worth of content: not blank, many colours, text-like detail on both halves.
// Exit 77 (skipped) only when there is no display to open a window on.
#include <stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: check_screenshot MIZAN FILE OUT.png LANG VIEW [MORE GUI OPTIONS…]\n");
    return 2;
  }
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    std::printf("SKIPPED: DISPLAY is not set; run the tests under xvfb-run (scripts/test does)\n");
    return 77;
  }
  std::string out = argv[3];
  std::remove(out.c_str());
  std::string cmd = std::string("'") + argv[1] + "' gui '" + argv[2] + "' --screenshot '" + out + "' --lang " + argv[4] +
                    " --view '" + argv[5] + "' --frames 4";
  for (int i = 6; i < argc; ++i) cmd += std::string(" '") + argv[i] + "'";  // --cases FILE, --compare DIR…
  std::printf("%s\n", cmd.c_str());
  int rc = std::system(cmd.c_str());
  if (rc != 0) {
    std::fprintf(stderr, "mizan exited with %d\n", rc);
    return 1;
  }
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(out.c_str(), &w, &h, &n, 3);
  if (!px) {
    std::fprintf(stderr, "%s: not a PNG stb_image can read\n", out.c_str());
    return 1;
  }
  std::map<unsigned, long> colours;
  long left_detail = 0, right_detail = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const unsigned char* p = px + (static_cast<long>(y) * w + x) * 3;
      ++colours[static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]];
      bool dark = p[0] < 90 && p[1] < 90 && p[2] < 90;  // text strokes
      if (dark) (x < w / 2 ? left_detail : right_detail)++;
    }
  stbi_image_free(px);
  long total = static_cast<long>(w) * h;
  // The most frequent colour is the background; a blank window is nearly all of it.
  long background = std::max_element(colours.begin(), colours.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->second;
  std::printf("%dx%d, %zu colours, %.1f%% background, dark pixels left %ld right %ld\n", w, h, colours.size(),
              100.0 * static_cast<double>(background) / static_cast<double>(total), left_detail, right_detail);
  bool ok = w >= 800 && h >= 600 && colours.size() > 200 && background < total * 9 / 10 && left_detail > 2000 &&
            right_detail > 2000;
  if (!ok) std::fprintf(stderr, "the screenshot looks blank or broken\n");
  return ok ? 0 : 1;
}
