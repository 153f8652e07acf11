#pragma once
// The file browser inside the window (no system dialog on every desktop, and it speaks the
// interface language): recent files, folders, assessments (*.mizan.json).
#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace mizan::ui {

struct FolderEntry {
  std::string name;
  bool folder = false;
};

// Folders first, then *.mizan.json files (every *.json with `all_json`), by name; hidden
// entries left out. An unreadable folder gives an empty list.
std::vector<FolderEntry> list_folder(const std::string& dir, bool all_json);
// Folders, then the files whose names end with one of `extensions` (case-insensitive;
// every file when empty).
std::vector<FolderEntry> list_folder(const std::string& dir, const std::vector<std::string>& extensions);
// The name a saved assessment gets: ".mizan.json" added when it has no .json ending.
std::string assessment_file_name(const std::string& name);

class FileBrowser {
 public:
  void draw(AppState& s);

 private:
  void open(AppState& s, BrowseFor mode);
  void go_to(const std::string& dir);
  void draw_recent(AppState& s, float width, float height);
  void draw_folder(AppState& s, float width, float height);
  void finish(AppState& s, const std::string& path);

  BrowseFor mode_ = BrowseFor::none;
  std::string dir_;
  std::vector<FolderEntry> entries_;
  std::string name_;            // the file name typed or picked
  std::string confirm_replace_;  // a path that exists, waiting for "replace"
  bool all_json_ = false;
  FileRequest request_;          // BrowseFor::pick: what the asking view wants
  std::vector<std::string> chosen_;  // BrowseFor::pick with `multiple`: the files ticked
};

}  // namespace mizan::ui
