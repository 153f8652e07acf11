#include "ui/import_job.hpp"

#include <chrono>
#include <exception>

#include "casedata/error.hpp"

namespace mizan::ui {

using casedata::CaseDataError;
using casedata::CaseMapping;
using casedata::Field;

bool header_mismatch(const CaseMapping& mapping, const std::vector<std::string>& header) {
  std::vector<std::string_view> views(header.begin(), header.end());
  casedata::ColumnBinding bound = mapping.bind(views);
  if (!bound.has(Field::case_id)) return true;
  casedata::MappingGuess guess = casedata::guess_mapping(header);
  for (const auto& c : guess.columns)
    if (!bound.has(c.field)) return true;
  return false;
}

ImportJob::~ImportJob() {
  cancel();
  join();
}

void ImportJob::join() {
  if (worker_.joinable()) worker_.join();
}

void ImportJob::start(ImportRequest request, std::function<void()> wake) {
  cancel();
  join();
  request_ = std::move(request);
  wake_ = std::move(wake);
  cancel_.store(false);
  finished_.store(false);
  progress_.store(0.0);
  outcome_ = ImportState::idle;
  report_ = casedata::IndicatorReport{};
  error_ = ImportError{};
  header_.clear();
  seconds_ = 0;
  state_ = ImportState::running;
  ++runs_;
  worker_ = std::thread([this] { work(); });
}

void ImportJob::cancel() {
  if (state_ == ImportState::running) cancel_.store(true);
}

bool ImportJob::poll() {
  if (state_ != ImportState::running || !finished_.load(std::memory_order_acquire)) return false;
  join();
  state_ = outcome_;
  return true;
}

void ImportJob::wait() {
  join();
  poll();
}

void ImportJob::reset() {
  cancel();
  join();
  state_ = ImportState::idle;
  report_ = casedata::IndicatorReport{};
  error_ = ImportError{};
}

void ImportJob::work() {
  auto t0 = std::chrono::steady_clock::now();
  const std::string file = casedata::file_name_only(request_.path);
  // Wake the window at most every 50 ms for progress: a frame per megabyte would be
  // wasted work on a fast disk.
  auto last_wake = t0;
  auto progress = [&](double f) {
    progress_.store(f, std::memory_order_relaxed);
    auto now = std::chrono::steady_clock::now();
    if (wake_ && now - last_wake > std::chrono::milliseconds(50)) {
      last_wake = now;
      wake_();
    }
  };
  ImportState outcome = ImportState::done;
  try {
    header_ = casedata::read_header(request_.path, request_.mapping.read_options());
    if (header_.empty()) throw CaseDataError(file, 1, 0, {}, "the file has no header row (it is empty)");
    if (cancel_.load()) throw casedata::Cancelled();
    if (request_.check_header && header_mismatch(request_.mapping, header_)) {
      outcome = ImportState::needs_mapping;
    } else {
      if (request_.before_rows) request_.before_rows();
      if (cancel_.load()) throw casedata::Cancelled();
      report_ = casedata::compute_indicators(request_.path, request_.mapping, request_.as_of,
                                             request_.mapping.apply_to(casedata::Limits{}), progress, &cancel_);
      report_.source.mapping = request_.mapping_label.empty() ? request_.mapping.name() : request_.mapping_label;
      progress_.store(1.0);
    }
  } catch (const casedata::Cancelled&) {
    outcome = ImportState::cancelled;
  } catch (const CaseDataError& e) {
    error_ = ImportError{e.file().empty() ? file : e.file(), e.line(), e.col(), e.column(), e.message()};
    outcome = ImportState::failed;
  } catch (const std::exception& e) {
    // Messages of casedata never quote a cell; anything else is named by the file only.
    error_ = ImportError{file, 0, 0, {}, e.what()};
    outcome = ImportState::failed;
  }
  if (outcome != ImportState::needs_mapping && outcome != ImportState::done) header_.clear();
  seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  outcome_ = outcome;
  finished_.store(true, std::memory_order_release);
  if (wake_) wake_();
}

}  // namespace mizan::ui
