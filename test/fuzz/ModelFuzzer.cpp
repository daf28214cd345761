//===----------------------------------------------------------------------===//
//
// libFuzzer target for the model-file loader (parseModel in
// checks/models/Model.h): any input is either a model or an error that names
// the file; never a crash, an abort from a JSON exception or a hang.
//
//===----------------------------------------------------------------------===//

#include "models/Model.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstdlib>

using namespace clang::tidy::poolguard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto M = parseModel(Text, "fuzz.json");
  if (!M) {
    std::string Message = llvm::toString(M.takeError());
    if (llvm::StringRef(Message).find("fuzz.json") == llvm::StringRef::npos)
      std::abort(); // Every error names the file.
  }
  return 0;
}
