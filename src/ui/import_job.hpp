#pragma once
// A case-data import on a background thread: reads the export's header, checks it against
// the chosen mapping, then streams the rows through casedata's indicator counter while the
// window keeps drawing. The worker touches nothing of the AppState: it reports through
// atomics and its own result fields, and asks for a frame through `wake`. Only aggregates
// come out (casedata::IndicatorReport); no row value is kept or put in a message.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "casedata/indicators.hpp"
#include "casedata/mapping.hpp"

namespace mizan::ui {

struct ImportRequest {
  std::string path;
  casedata::CaseMapping mapping;
  std::string mapping_label;  // "canonical", "primero" or the custom mapping's file name
  casedata::Date as_of = casedata::Date::today();
  // Stop with needs_mapping when the header does not suit the mapping (the mapping
  // editor then lets the user fix it); false once the user has confirmed a mapping.
  bool check_header = true;
  // Called on the worker after the header was read, before the rows (tests hold an
  // import here to press Cancel while it runs). May be empty.
  std::function<void()> before_rows;
};

enum class ImportState { idle, running, done, failed, cancelled, needs_mapping };

// Why an import failed: where (file, line, column) and what, never a cell's content.
struct ImportError {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t col = 0;
  std::string column;  // the mapping's name of a column, when known
  std::string message;
};

// True when `header` does not suit `mapping`: it finds no case_id column, or it misses
// a field for which the header has a column that guess_mapping() recognises.
bool header_mismatch(const casedata::CaseMapping& mapping, const std::vector<std::string>& header);

class ImportJob {
 public:
  ImportJob() = default;
  ~ImportJob();  // cancels a running import and waits for its thread
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  // Starts the worker (a running one is cancelled and joined first). `wake` is called from
  // the worker when there is something new to draw (progress, the end); may be empty.
  void start(ImportRequest request, std::function<void()> wake = {});
  // Asks the worker to stop; it ends as `cancelled` at its next block of rows.
  void cancel();
  // On the UI thread, every frame: joins a finished worker and publishes its result.
  // True in the frame the state changed from running to something else.
  bool poll();
  // Blocks until the worker is done, then poll()s (command line and tests).
  void wait();
  // Back to idle, forgetting the result (a running worker is cancelled first).
  void reset();

  ImportState state() const { return state_; }
  bool running() const { return state_ == ImportState::running; }
  double progress() const { return progress_.load(std::memory_order_relaxed); }
  const ImportRequest& request() const { return request_; }
  // Valid in state done.
  const casedata::IndicatorReport& report() const { return report_; }
  // Valid in state failed.
  const ImportError& error() const { return error_; }
  // Valid in state needs_mapping (and after any run that read it): the export's header.
  const std::vector<std::string>& header() const { return header_; }
  // Seconds the last run took (done, failed or cancelled).
  double seconds() const { return seconds_; }
  // Counts start() calls: the window handles each finished run once, whoever polled it.
  std::uint64_t run() const { return runs_; }

 private:
  void work();
  void join();

  ImportRequest request_;
  std::function<void()> wake_;
  std::thread worker_;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> finished_{false};
  std::atomic<double> progress_{0.0};
  ImportState state_ = ImportState::idle;
  // Written by the worker before finished_ is set, read by the UI thread after.
  ImportState outcome_ = ImportState::idle;
  casedata::IndicatorReport report_;
  ImportError error_;
  std::vector<std::string> header_;
  double seconds_ = 0;
  std::uint64_t runs_ = 0;
};

}  // namespace mizan::ui
