//===----------------------------------------------------------------------===//
//
// The facts cache: one file per map result (Results.h, entryText), named by
// a key the driver computes from everything that decides the result
// (commands, configuration, models, this binary, the entry format). An entry
// is valid while every file it depends on (the TU, the headers it read,
// configuration files, and the places a new header would shadow one it
// read) has the content it had when the entry was made. A file whose size
// and modification time are those the entry recorded, and whose
// modification is older than the entry by more than a racy window, is
// trusted without reading it (stampProvesUnchanged in Results.h); any other
// is hashed. Entries are untrusted: one that cannot be read is recomputed,
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
  explicit FactsCache(std::string Dir);

  /// The version of the entries' format, part of every key: entries of
  /// another format are never read. 2: dependencies with stamps, as text
  /// after the result's JSON.
  static constexpr unsigned FormatVersion = 2;

  bool enabled() const { return !Dir.empty(); }
  const std::string &directory() const { return Dir; }

  /// The content hash of \p Path, once per run: "missing" for an absent
  /// file, a stand-in from size and time for one that is not read (a FIFO,
  /// a device, a huge file).
  std::string contentHash(llvm::StringRef Path);

  /// The stamp of \p Path if it is a regular file, once per run.
  std::optional<FileStamp> stamp(llvm::StringRef Path);

  /// When this cache was made (nanoseconds since the epoch): before
  /// anything of this run was read, so the ReadAfterNs of the entries it
  /// writes.
  int64_t startedNs() const { return StartedNs; }

  /// The entry \p Key for the TU \p File, if there is one and every file it
  /// depends on is unchanged.
  std::optional<TUResult> read(const std::string &Key, llvm::StringRef File);

  /// Makes the finished result file \p ResultPath the entry \p Key (a
  /// rename: \p ResultPath is in the cache directory); false if it is not.
  bool store(const std::string &Key, llvm::StringRef ResultPath);

private:
  /// What stat() said of a path.
  struct StatResult {
    bool Absent = false; ///< It failed: the file hashes as "missing".
    std::optional<FileStamp> Stamp; ///< A regular file's.
  };
  StatResult statOnce(llvm::StringRef Path);
  /// Whether the dependency \p D of an entry read after \p ReadAfterNs is
  /// unchanged: by its stamp when that proves it, else by its hash.
  bool unchanged(const Dependency &D, std::optional<int64_t> ReadAfterNs);

  std::string Dir;
  int64_t StartedNs;
  std::mutex HashMu;
  llvm::StringMap<std::string> ContentHashes;
  llvm::StringMap<StatResult> Stats;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_FACTSCACHE_H
