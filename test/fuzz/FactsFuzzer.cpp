//===----------------------------------------------------------------------===//
//
// libFuzzer target for the facts deserializer (factsFromJSON in
// checks/facts/Facts.h), which reads cache entries and facts indexes from
// disk. Facts that parse must round-trip: toJSON of them parses again to the
// same JSON, and merging them with themselves is idempotent.
//
//===----------------------------------------------------------------------===//

#include "facts/Facts.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstdlib>

using namespace clang::tidy::poolguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto F = factsFromJSON(Text, "fuzz.json");
  if (!F) {
    llvm::consumeError(F.takeError());
    return 0;
  }
  std::string Once = toJSON(*F);
  auto Again = factsFromJSON(Once, "round-trip");
  if (!Again) {
    llvm::consumeError(Again.takeError());
    std::abort(); // toJSON wrote something factsFromJSON refuses.
  }
  if (toJSON(*Again) != Once)
    std::abort();
  Facts Merged = mergeFacts({*F, *F});
  if (toJSON(mergeFacts({Merged})) != toJSON(Merged))
    std::abort();
  return 0;
}
