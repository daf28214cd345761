//===----------------------------------------------------------------------===//
//
// The facts cache: one JSON file per map result (Results.h), named by a key
// the driver computes from everything that decides the result (commands,
// configuration, models, this binary). An entry is valid while every file it
// depends on (the TU, the headers it read, configuration files, and the
// places a new header would shadow one it read) hashes as when it was
// written. Entries are untrusted: one that cannot be read is recomputed,
// never an error. Entries are written by renaming a worker's finished
// result into place, so a reader never sees half an entry.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_FACTSCACHE_H
#define POOLGUARD_TOOL_FACTSCACHE_H

#include "Results.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <mutex>
#include <optional>
#include <string>

namespace poolguard {

class FactsCache {
public:
  /// A cache in \p Dir (absolute); empty: no cache (nothing is read or
  /// stored, contentHash still works).
  explicit FactsCache(std::string Dir) : Dir(std::move(Dir)) {}

  bool enabled() const { return !Dir.empty(); }
  const std::string &directory() const { return Dir; }

  /// The content hash of \p Path, once per run: "missing" for an absent
  /// file, a stand-in from size and time for one that is not read (a FIFO,
  /// a device, a huge file).
  std::string contentHash(llvm::StringRef Path);

  /// The entry \p Key for the TU \p File, if there is one and every file it
  /// depends on is unchanged.
  std::optional<TUResult> read(const std::string &Key, llvm::StringRef File);

  /// Makes the finished result file \p ResultPath the entry \p Key (a
  /// rename: \p ResultPath is in the cache directory); false if it is not.
  bool store(const std::string &Key, llvm::StringRef ResultPath);

private:
  std::string Dir;
  std::mutex HashMu;
  llvm::StringMap<std::string> ContentHashes;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_FACTSCACHE_H
