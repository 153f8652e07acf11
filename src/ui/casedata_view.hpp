#pragma once
// Case data in the window: the import (File > Import case data…, a mapping choice, a
// background job with a progress bar and Cancel, the mapping editor when the header does
// not suit the mapping), the indicators view (every indicator, the problems, the source
// and the disaggregation table), and the evidence box beside checklist items.
// Everything shown comes from the assessment's case_data (aggregates only), so it is the
// same after saving and reopening the file.
#include <optional>
#include <string>

#include "casedata/indicators.hpp"
#include "ui/app_state.hpp"
#include "ui/import_job.hpp"
#include "ui/mapping_editor.hpp"

namespace mizan::ui {

enum class MappingChoice { canonical, primero, custom };

class CasedataView {
 public:
  // Every frame, whatever the view shows: answers File > Import, publishes a finished
  // import into the document, reports errors, opens the mapping editor.
  void update(AppState& s);
  // The indicators view.
  void draw(AppState& s);
  // The mapping editor (after the file browser, so one modal shows at a time).
  void draw_dialogs(AppState& s);

  // Starts importing `path` with the chosen mapping (a custom mapping file that cannot
  // be read is a message). The indicators view shows the progress.
  void import_file(AppState& s, const std::string& path);
  void choose_mapping(MappingChoice c, const std::string& custom_file = "");
  // The reference date of the next imports (overdue follow-ups, ages); unset: today.
  void set_as_of(std::optional<casedata::Date> d) { as_of_ = d; }

  // Imports `path` as File > Import case data does (import_file, the background job, then
  // what the next frame's update() does with its end) and waits for it: for `mizan gui
  // --cases` and tests. `mapping` is "canonical" (or ""), "primero" or a mapping file.
  // Returns the job's final state: done (the aggregates are in the document), failed or
  // needs_mapping (the mapping editor is open), each with a message as in the window;
  // idle when the mapping file could not be read (a message says why).
  ImportState import_and_wait(AppState& s, const std::string& path, const std::string& mapping);

  ImportJob& job() { return job_; }
  MappingEditor& editor() { return editor_; }
  // Screen rectangle of the Cancel button in the last frame (tests click it).
  ImVec2 cancel_min, cancel_max;

 private:
  void finish_import(AppState& s);
  void draw_import_bar(AppState& s, float width);
  void draw_source(AppState& s, const nlohmann::json& imp, float width);
  void draw_indicators(AppState& s, const nlohmann::json& imp, float width);
  void draw_problems(AppState& s, const nlohmann::json& imp, float width);
  void draw_disaggregation(AppState& s, const nlohmann::json& imp, float width);

  ImportJob job_;
  MappingEditor editor_;
  MappingChoice choice_ = MappingChoice::canonical;
  std::string custom_mapping_;  // path of the custom mapping file
  std::optional<casedata::Date> as_of_;
  // The last import of this session keeps its problem lines (line, column, reason) for
  // the view; the assessment keeps only their counts.
  casedata::IndicatorReport last_report_;
  std::string last_imported_at_;
  bool open_only_ = false;  // the disaggregation table shows open cases only
  std::uint64_t handled_run_ = 0;  // the import run whose end was handled
};

// Beside a checklist item that has evidence rules: the figures from the case data, the
// suggestion (supports met / suggests not met) in its own colour, and a reminder that
// the person answering decides. Nothing for an item without rules.
void draw_item_evidence(AppState& s, const Item& item, float width);

// "85.0%" for a rate (0.85), "12" / "12.5" for a count; `shared` writes counts 1..4 as "<5".
std::string indicator_value_text(const std::string& id, double value);

}  // namespace mizan::ui
