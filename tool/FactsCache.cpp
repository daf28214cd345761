//===----------------------------------------------------------------------===//
//
// The facts cache; see FactsCache.h.
//
//===----------------------------------------------------------------------===//

#include "FactsCache.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <chrono>

using namespace clang::tidy::poolguard;

namespace poolguard {

/// The current time, in nanoseconds since the epoch.
static int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FactsCache::FactsCache(std::string Dir)
    : Dir(std::move(Dir)), StartedNs(nowNs()) {}

FactsCache::StatResult FactsCache::statOnce(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(HashMu);
    auto It = Stats.find(Path);
    if (It != Stats.end())
      return It->second;
  }
  StatResult R;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    R.Absent = true;
  else if (Status.type() == llvm::sys::fs::file_type::regular_file)
    R.Stamp = FileStamp{Status.getSize(),
                        std::chrono::duration_cast<std::chrono::nanoseconds>(
                            Status.getLastModificationTime().time_since_epoch())
                            .count()};
  std::lock_guard<std::mutex> Lock(HashMu);
  Stats[Path] = R;
  return R;
}

std::optional<FileStamp> FactsCache::stamp(llvm::StringRef Path) {
  return statOnce(Path).Stamp;
}

bool FactsCache::unchanged(const Dependency &D,
                           std::optional<int64_t> ReadAfterNs) {
  // A place that must stay absent costs one stat(): contentHash() is
  // "missing" for a path that cannot be stat()ed.
  StatResult Now = statOnce(D.Path);
  if (D.Hash == "missing" && Now.Absent)
    return true;
  if (D.Stamp && Now.Stamp && ReadAfterNs &&
      stampProvesUnchanged(*D.Stamp, *Now.Stamp, *ReadAfterNs, StartedNs))
    return true;
  // Touched but maybe not changed, racily stamped, or no stamp recorded (a
  // corrupt entry): its content decides.
  return contentHash(D.Path) == D.Hash;
}

std::string FactsCache::contentHash(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(HashMu);
    auto It = ContentHashes.find(Path);
    if (It != ContentHashes.end())
      return It->second;
  }
  // Paths come from cache entries, which may be corrupt: a FIFO, a device or
  // a huge file is not read, and its stand-in changes whenever its size or
  // time does.
  auto Buf = readInputFile(Path, MaxDataFileBytes);
  std::string H = "missing";
  llvm::sys::fs::file_status Status;
  if (Buf)
    H = ::poolguard::contentHash((*Buf)->getBuffer());
  else if (std::error_code EC = llvm::errorToErrorCode(Buf.takeError());
           EC != std::errc::no_such_file_or_directory &&
           !llvm::sys::fs::status(Path, Status))
    H = llvm::formatv(
            "unreadable {0} {1}", Status.getSize(),
            Status.getLastModificationTime().time_since_epoch().count())
            .str();
  std::lock_guard<std::mutex> Lock(HashMu);
  ContentHashes[Path] = H;
  return H;
}

std::optional<TUResult> FactsCache::read(const std::string &Key,
                                         llvm::StringRef File) {
  if (Dir.empty())
    return std::nullopt;
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  // An entry that cannot be read or is not what poolguard writes is
  // recomputed (and then replaced), never an error.
  auto Buf = readInputFile(Path, MaxDataFileBytes);
  if (!Buf) {
    llvm::consumeError(Buf.takeError());
    return std::nullopt;
  }
  auto [ResultText, DepsText] = splitEntry((*Buf)->getBuffer());
  // Valid only while the TU and every file it read are unchanged; the
  // result is parsed only then.
  std::optional<Dependencies> Deps = dependenciesFromText(DepsText);
  if (!Deps)
    return std::nullopt;
  for (const Dependency &D : Deps->Files)
    if (!unchanged(D, Deps->ReadAfterNs))
      return std::nullopt;
  auto R = resultFromEntry(ResultText, Path);
  if (!R) {
    llvm::consumeError(R.takeError());
    return std::nullopt;
  }
  if (R->File != File)
    return std::nullopt;
  R->FromCache = true;
  return std::move(*R);
}

bool FactsCache::store(const std::string &Key, llvm::StringRef ResultPath) {
  if (Dir.empty())
    return false;
  llvm::SmallString<256> Entry(Dir);
  llvm::sys::path::append(Entry, Key + ".json");
  return !llvm::sys::fs::rename(ResultPath, Entry);
}

} // namespace poolguard
