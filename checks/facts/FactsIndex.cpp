//===----------------------------------------------------------------------===//
//
// Reading and writing the facts index.
//
//===----------------------------------------------------------------------===//

#include "facts/FactsIndex.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>
#include <optional>

namespace clang::tidy::poolguard {

llvm::Expected<std::shared_ptr<const Facts>>
loadFactsIndex(llvm::StringRef Path) {
  struct Entry {
    llvm::sys::TimePoint<> ModTime;
    uint64_t Size = 0;
    std::shared_ptr<const Facts> Index;
  };
  static std::mutex Mu;
  static llvm::StringMap<Entry> Cache;

  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError(EC, "%s: %s", Path.str().c_str(),
                                   EC.message().c_str());
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Cache.find(Path);
  if (It != Cache.end() &&
      It->second.ModTime == Status.getLastModificationTime() &&
      It->second.Size == Status.getSize())
    return It->second.Index;

  auto Buffer = readInputFile(Path, MaxDataFileBytes);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s",
                                   Path.str().c_str(),
                                   toString(Buffer.takeError()).c_str());
  auto Parsed = factsFromJSON((*Buffer)->getBuffer(), Path);
  if (!Parsed)
    return Parsed.takeError();
  auto Index = std::make_shared<const Facts>(std::move(*Parsed));
  Cache[Path] = {Status.getLastModificationTime(), Status.getSize(), Index};
  return Index;
}

static std::optional<llvm::sys::TimePoint<>> modified(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return std::nullopt;
  return Status.getLastModificationTime();
}

std::string newerSourceThanIndex(const Facts &Index, llvm::StringRef IndexPath,
                                 llvm::StringRef Except) {
  auto Written = modified(IndexPath);
  if (!Written)
    return "";
  for (const std::string &TU : Index.TranslationUnits) {
    if (TU == Except)
      continue;
    auto Changed = modified(TU);
    if (Changed && *Changed > *Written)
      return TU;
  }
  return "";
}

template <typename T>
static void dropFrom(std::vector<T> &V, const llvm::StringSet<> &Files) {
  llvm::erase_if(V, [&](const T &X) { return Files.contains(X.Loc.File); });
}

Facts overlayTUFacts(const Facts &Index, const Facts &Fresh) {
  // Facts located in the fresh TU's main files are replaced: that is the code
  // being edited. Facts from headers are kept and deduplicated by the merge.
  llvm::StringSet<> Files;
  for (const std::string &TU : Fresh.TranslationUnits)
    Files.insert(TU);
  Facts Old = Index;
  dropFrom(Old.Modules, Files);
  dropFrom(Old.Registrations, Files);
  dropFrom(Old.Imports, Files);
  dropFrom(Old.PoolOwners, Files);
  dropFrom(Old.Holdings, Files);
  dropFrom(Old.PoolCreations, Files);
  dropFrom(Old.Settings, Files);
  std::vector<Facts> Parts;
  Parts.push_back(std::move(Old));
  Parts.push_back(Fresh);
  return mergeFacts(std::move(Parts));
}

} // namespace clang::tidy::poolguard
