// Fuzzes the assessment reader against the bundled rubric. Any bytes give a
// LoadedAssessment or an InputError. What parses must survive the round trip the app does
// on every save: write it, read it back, write again — the two texts must be identical
// (readers keep unknown fields and unknown item ids). It is then scored.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string_view>

#include "core/assessment.hpp"
#include "core/problem.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"

namespace {
const mizan::Rubric& rubric() {
  static const mizan::Rubric r = mizan::load_rubric(MIZAN_SOURCE_DIR "/rubric/cmtf-qaf.json");
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)rubric();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const mizan::Rubric& r = rubric();
  mizan::LoadedAssessment loaded;
  try {
    loaded = mizan::parse_assessment(text, "fuzz.mizan.json", &r);
  } catch (const mizan::InputError& e) {
    if (e.problems().empty()) std::abort();
    for (const auto& p : e.problems()) (void)p.str();
    return 0;
  }
  for (const auto& w : loaded.warnings) (void)w.str();
  mizan::Score s = mizan::score(r, loaded.assessment);
  (void)s;

  std::string once = mizan::assessment_to_text(loaded.assessment);
  mizan::LoadedAssessment again;
  try {
    again = mizan::parse_assessment(once, "roundtrip.mizan.json", &r);
  } catch (const mizan::InputError& e) {
    std::fprintf(stderr, "a saved assessment does not read back:\n%s\n--- problem: %s\n", once.c_str(),
                 e.problems().empty() ? "" : e.problems()[0].str().c_str());
    std::abort();
  }
  std::string twice = mizan::assessment_to_text(again.assessment);
  if (once != twice) {
    std::fprintf(stderr, "save -> read -> save changed the file:\n%s\n--- vs ---\n%s\n", once.c_str(), twice.c_str());
    std::abort();
  }
  return 0;
}
