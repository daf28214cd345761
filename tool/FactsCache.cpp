//===----------------------------------------------------------------------===//
//
// The facts cache; see FactsCache.h.
//
//===----------------------------------------------------------------------===//

#include "FactsCache.h"
#include "utils/JSONSyntax.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy::poolguard;

namespace poolguard {

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
  auto J = parseJSON((*Buf)->getBuffer(), Path);
  if (!J) {
    llvm::consumeError(J.takeError());
    return std::nullopt;
  }
  // Valid only while the TU and every file it read are unchanged.
  auto Deps = J->is_object() ? J->find("deps") : J->end();
  if (Deps == J->end() || !Deps->is_array() || Deps->empty())
    return std::nullopt;
  for (size_t I = 0; I < Deps->size(); ++I) {
    std::string Error;
    JSONFieldReader D((*Deps)[I], "deps", Error);
    std::string DepPath = D.str("path"), Hash = D.str("hash");
    if (!Error.empty() || contentHash(DepPath) != Hash)
      return std::nullopt;
  }
  auto R = resultFromJSON(*J, Path, "");
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
