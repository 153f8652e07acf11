#pragma once
// The mapping editor: when an export's header does not suit the chosen mapping, a dialog
// proposes a column for each canonical field (casedata::guess_mapping: case, spacing,
// Arabic spelling and English/Arabic synonyms), lets the user change each with a combo,
// and imports with it or saves it as a custom mapping JSON file.
#include <array>
#include <string>
#include <vector>

#include "casedata/mapping.hpp"
#include "ui/app_state.hpp"

namespace mizan::ui {

class MappingEditor {
 public:
  enum class Result { none, import, cancel };
  static constexpr int kNone = -1;

  // `header`: the export's header row; `chosen`: the mapping the user picked (its columns
  // are kept where the header has them); `path`: the export (for the title).
  void open(const std::vector<std::string>& header, const casedata::CaseMapping& chosen, const std::string& path);
  bool is_open() const { return open_; }
  // Draws the dialog (at the top level, after the file browser). Result::import: the
  // user wants to import with mapping(); the dialog is closed then.
  Result draw(AppState& s);

  // The mapping the choices make: the base mapping's values and date formats, with each
  // field's column as chosen (none: the field has no column).
  casedata::CaseMapping mapping() const;
  // The column of each field (index in header(), or kNone). Tests change them directly.
  std::array<int, casedata::kFieldCount>& columns() { return column_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::string& export_path() const { return path_; }
  // Set when the mapping was saved to a file (its name becomes the mapping's label).
  const std::string& saved_path() const { return saved_path_; }
  // Writes mapping() as JSON to `path` (atomically). Throws on failure.
  void save(const std::string& path);

 private:
  void draw_field(AppState& s, casedata::Field f, float width, float name_w);

  std::vector<std::string> header_;
  std::string path_;
  casedata::CaseMapping base_;
  std::array<int, casedata::kFieldCount> column_{};
  std::array<int, casedata::kFieldCount> guessed_{};  // what the guess proposed (to mark changes)
  std::string saved_path_;
  bool open_ = false;
  bool popup_open_ = false;
};

}  // namespace mizan::ui
