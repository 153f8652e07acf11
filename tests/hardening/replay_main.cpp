// Runs a libFuzzer harness of tests/fuzz without libFuzzer (any compiler, any build,
// sanitizers or not): every file given — or every file of a folder given, or every file
// of a folder whose name starts with PREFIX for an argument DIR/PREFIX* — is passed once
// to LLVMFuzzerTestOneInput. A harness aborts on anything wrong, so exit 0 means every
// input passed. Used by ctest to replay tests/fuzz/regressions and the seed corpora.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE|DIR|DIR/PREFIX*...\n", argv[0]);
    return 2;
  }
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::string prefix;
    fs::path p = a;
    if (!a.empty() && a.back() == '*') {
      prefix = p.filename().string();
      prefix.pop_back();
      p = p.parent_path();
    }
    if (fs::is_directory(p)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file() && e.path().filename().string().rfind(prefix, 0) == 0) found.push_back(e.path());
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (prefix.empty() && fs::is_regular_file(p)) {
      inputs.push_back(p);
    } else if (prefix.empty()) {
      std::fprintf(stderr, "%s: no such file or folder\n", a.c_str());
      return 2;
    }
  }
  for (const auto& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::printf("%s (%zu bytes)\n", p.string().c_str(), bytes.size());
    std::fflush(stdout);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs passed\n", inputs.size());
  return inputs.empty() ? 1 : 0;
}
