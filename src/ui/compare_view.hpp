#pragma once
// The compare view (issue 7): assessments of many agencies side by side — the agencies ×
// dimensions (or × sections) matrix coloured by level, the distribution of levels per
// dimension with its median, one agency's trend across review periods as a line chart,
// the items most often unmet — with a switch that anonymises agency names. The files are
// compared on a background thread (core/compare.hpp); the matrix draws only the rows on
// screen (ImGuiListClipper), so 500 files scroll smoothly.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/compare.hpp"
#include "ui/app_state.hpp"

namespace mizan::ui {

class CompareView {
 public:
  CompareView() = default;
  ~CompareView();
  CompareView(const CompareView&) = delete;
  CompareView& operator=(const CompareView&) = delete;

  void draw(AppState& s);

  // Files and folders to compare (folders are searched recursively for *.mizan.json).
  void add_inputs(AppState& s, const std::vector<std::string>& paths);
  void clear();
  void set_anonymize(AppState& s, bool on);
  bool anonymize() const { return anonymize_; }
  // Waits for a running comparison and takes its result (tests, screenshots).
  void wait();
  bool busy() const { return worker_.joinable(); }

  const CompareResult* result() const { return result_ ? result_.get() : nullptr; }
  const std::string& error() const { return error_; }
  const std::vector<std::string>& inputs() const { return inputs_; }
  // What the last frame drew: the agency labels of the matrix rows on screen and the
  // number of matrix cells (tests check anonymisation and clipping through these).
  const std::vector<std::string>& drawn_agency_labels() const { return drawn_labels_; }
  int drawn_cells() const { return drawn_cells_; }
  size_t trend_agency() const { return trend_agency_; }
  void set_trend_agency(size_t i) { trend_agency_ = i; }

 private:
  void start();  // compares inputs_ on the worker (or after the running one)
  void take();   // after the worker's end: joins it and takes its result
  void draw_toolbar(AppState& s, float width);
  void draw_matrix(AppState& s, float width);
  void draw_distribution(AppState& s, float width);
  void draw_trend(AppState& s, float width);
  void draw_unmet(AppState& s, float width);
  void draw_files(AppState& s, float width);

  std::vector<std::string> inputs_;
  bool anonymize_ = false;
  bool sections_ = false;  // matrix columns: sections instead of dimensions
  bool warnings_open_ = false;
  std::unique_ptr<CompareResult> result_;
  std::string error_;
  size_t trend_agency_ = 0;

  std::thread worker_;
  std::atomic<bool> finished_{false};
  std::unique_ptr<CompareResult> pending_;
  std::string pending_error_;
  bool restart_ = false;  // inputs changed while a comparison ran
  std::function<void()> wake_;

  std::vector<std::string> drawn_labels_;
  int drawn_cells_ = 0;
};

}  // namespace mizan::ui
