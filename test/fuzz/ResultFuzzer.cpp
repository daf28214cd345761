//===----------------------------------------------------------------------===//
//
// libFuzzer target for the reader of map results (resultFromJSON in
// tool/Results.h) and of a cache entry's dependencies (dependenciesFromText,
// after the entry's first line): the format of cache entries, which
// poolguard finds on disk and must treat as untrusted. Any input is either a
// result or an error; nothing crashes, aborts or recurses without bound.
//
//===----------------------------------------------------------------------===//

#include "Results.h"
#include "utils/JSONSyntax.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>

using namespace poolguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  (void)dependenciesFromText(splitEntry(Text).second);
  auto J = clang::tidy::poolguard::parseJSON(Text, "fuzz.json");
  if (!J) {
    llvm::consumeError(J.takeError());
    return 0;
  }
  auto R = resultFromJSON(*J, "fuzz.json", "");
  if (!R)
    llvm::consumeError(R.takeError());
  return 0;
}
