//===----------------------------------------------------------------------===//
//
// One TU's map result and its JSON reader: the format of cache entries, of
// worker outputs and of each result in a --facts-out file. The reader is
// fuzzed (test/fuzz/ResultFuzzer.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_RESULTS_H
#define POOLGUARD_TOOL_RESULTS_H

#include "Report.h"
#include "facts/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poolguard {

/// What one TU contributed.
struct TUResult {
  std::string File;
  bool Failed = false;
  bool FromCache = false;
  /// Failed with skipped library bodies, so parsed again in full.
  bool ReparsedInFull = false;
  std::string Error; ///< Why the TU could not be analyzed.
  std::vector<std::string> ConfigErrors; ///< Malformed configuration files.
  std::vector<ReportDiagnostic> Diagnostics;
  unsigned SuppressedByNolint = 0; ///< Diagnostics NOLINT suppressed.
  clang::tidy::poolguard::Facts Facts;
};

/// One diagnostic as poolguard's JSON, in the report (--format=json) and in
/// map results; \p WithOffsets adds the byte offsets (kept in map results,
/// not in the user-facing report).
nlohmann::ordered_json diagnosticToJSON(const ReportDiagnostic &D,
                                        bool WithOffsets);

/// A file's size and modification time (nanoseconds since the epoch), as
/// stat() saw them.
struct FileStamp {
  uint64_t Size = 0;
  int64_t MTimeNs = 0;
  bool operator==(const FileStamp &O) const {
    return Size == O.Size && MTimeNs == O.MTimeNs;
  }
};

/// One file a result depends on: its contentHash() when it was analyzed
/// ("missing" for a place that must stay absent) and, for a regular file,
/// its stamp then.
struct Dependency {
  std::string Path;
  std::string Hash;
  std::optional<FileStamp> Stamp;
};

/// The files a result depends on, sorted by path, and the time before any
/// of them was read or stat()ed for the result (nanoseconds since the epoch;
/// none: no stamp is trusted).
struct Dependencies {
  std::vector<Dependency> Files;
  std::optional<int64_t> ReadAfterNs;
};

/// How much older than the reading of an entry's files a file's
/// modification time must be for its stamp to be trusted: the file
/// system's timestamp granularity (2 s on FAT, one clock tick on ext4) and
/// then some. A file modified later than that may have been modified again
/// within one timestamp after it was read, keeping its stamp (git's "racily
/// clean" entries).
constexpr int64_t RacyWindowNs = 3'000'000'000;

/// Whether a dependency whose stamp is now \p Current still has the
/// content it had when \p Recorded was taken, without reading it: the
/// stamps are equal and the recorded modification is older than
/// \p ReadAfterNs by more than RacyWindowNs. \p NowNs is the time of the
/// check: an entry that claims to have been read later is corrupt, and
/// none of its stamps is trusted. Not detected (as in git): a file changed
/// to the same size whose modification time is set back by hand.
bool stampProvesUnchanged(const FileStamp &Recorded, const FileStamp &Current,
                          int64_t ReadAfterNs, int64_t NowNs);

/// A cache entry, as a worker writes it: the result's JSON on one line (a
/// dump has no raw newline), then the dependencies as text. A lookup reads
/// the dependencies without parsing the JSON, which it parses only on a
/// hit: entries list hundreds of files (the headers a TU read, the places
/// where a new header would shadow one), and nlohmann's parser costs about
/// ten times more per byte than splitting on NUL.
///
/// The text is NUL-terminated fields: ReadAfterNs (empty: none), then four
/// per file: path, hash, size, modification time (both empty: no stamp).
/// Numbers are decimal. A path cannot contain NUL.
std::string entryText(const TUResult &R, const Dependencies &Deps);

/// \p Entry split into its result's JSON and its dependencies' text.
std::pair<llvm::StringRef, llvm::StringRef> splitEntry(llvm::StringRef Entry);

/// The dependencies' text of an entry.
std::string dependenciesToText(const Dependencies &Deps);

/// Reads the dependencies' text \p Text of a cache entry (untrusted):
/// std::nullopt unless it is a time and one or more whole files. A stamp or
/// a time that is not a decimal number in range is left out (the file is
/// then hashed), never an error.
std::optional<Dependencies> dependenciesFromText(llvm::StringRef Text);

/// The JSON of one TU's result (the first line of a cache entry, or one
/// result of a --facts-out file). Non-UTF-8 text is replaced when dumped,
/// never an abort.
nlohmann::json resultToJSON(const TUResult &R);

/// Reads one TU's result from \p J (\p Origin: the file, \p Where: the
/// path of \p J inside it, for errors). A field of the wrong type, another
/// poolguard version's result or missing facts are errors naming the field.
llvm::Expected<TUResult> resultFromJSON(const nlohmann::json &J,
                                        llvm::StringRef Origin,
                                        const std::string &Where);

/// Reads the result line of an entry (splitEntry's first part) as
/// resultFromJSON does: a worker's result file and a cache entry.
llvm::Expected<TUResult> resultFromEntry(llvm::StringRef Entry,
                                         llvm::StringRef Origin);

/// Calls \p Fn on every file path of \p R: its TU, the files of its
/// diagnostics, notes and fixes, and those of its facts.
void forEachPath(TUResult &R, llvm::function_ref<void(std::string &)> Fn);

/// Makes \p R hermetic (--path-root): every absolute path inside \p Root
/// (absolute) becomes relative to it. \p Aliases maps the real path of a
/// file read through a symlink inside \p Root (a Bazel sandbox links every
/// input) to its name there: facts name files by their real path.
void relativizePaths(TUResult &R, llvm::StringRef Root,
                     const llvm::StringMap<std::string> &Aliases = {});

/// The inverse, for --merge: relative paths resolved against \p Root.
void absolutizePaths(TUResult &R, llvm::StringRef Root);

} // namespace poolguard

#endif // POOLGUARD_TOOL_RESULTS_H
