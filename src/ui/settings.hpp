#pragma once
// What the window remembers between runs: the language, recent files, the last folder.
// A small JSON file in $XDG_CONFIG_HOME/mizan/ (or ~/.config/mizan/), written atomically.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mizan::ui {

struct Settings {
  std::string lang;  // "ar" or "en"; "" = not chosen yet (taken from the locale)
  std::vector<std::string> recent;  // most recent first
  std::string last_folder;
  std::string user_name;      // recorded in the audit trail; "" = the login name
  int autosave_seconds = 60;  // 0 = never
  nlohmann::json extra = nlohmann::json::object();  // keys a newer Mizan wrote: kept
};

constexpr size_t kRecentLimit = 10;

// $XDG_CONFIG_HOME/mizan or ~/.config/mizan; "" when neither can be found.
std::string settings_dir();
// Defaults when the file is missing or unreadable: settings never stop the window opening.
Settings load_settings(const std::string& file);
// Throws InputError when the file cannot be written.
void save_settings(const std::string& file, const Settings& s);

void add_recent(Settings& s, const std::string& path);
// The interface language when none was chosen: Arabic when the locale says so.
std::string language_from_locale();
// Who is making changes, for the audit trail.
std::string user_name(const Settings& s);

}  // namespace mizan::ui
