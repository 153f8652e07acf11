// Fuzzes the rubric reader: any bytes must give a Rubric or an InputError, nothing else
// (no crash, no other exception, no sanitizer report). A rubric that parses is walked and
// scored against an empty assessment, so whatever the reader accepts is usable.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/assessment.hpp"
#include "core/problem.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    mizan::Rubric r = mizan::parse_rubric(text, "fuzz.json");
    size_t n = 0;
    for (const mizan::Item* item : r.all_items()) {
      if (r.find_item(item->id) != item) std::abort();  // ids are unique once accepted
      ++n;
    }
    if (n != r.item_count()) std::abort();
    mizan::Assessment a = mizan::new_assessment(r);
    mizan::Score s = mizan::score(r, a);
    (void)s;
  } catch (const mizan::InputError& e) {
    if (e.problems().empty()) std::abort();  // an error always says what is wrong
    for (const auto& p : e.problems()) (void)p.str();
  }
  return 0;
}
