//===----------------------------------------------------------------------===//
//
// Finding fingerprints and baselines. A fingerprint identifies a finding
// across runs without its line number: a hash of the check, the message and
// the whitespace-free text of the reported line, plus the occurrence index
// among findings of the same file with the same hash. Moving code up or down
// keeps fingerprints; editing the reported line or the message changes them.
// SARIF's partialFingerprints.primaryLocationLineHash uses the same value.
//
// A finding about a group (duplicate registrations of a service, pools of
// one database) is identified by its check and key instead (with the program
// when a run has several and the group is one program's, its main file
// relative to the root), so adding or
// removing a member changes neither its fingerprint nor that of another
// finding; its baseline entry also lists its members (file and line text):
// the finding stays suppressed while it has no member the baseline has not
// seen, and comes back once when one is added, reported at the first new
// member (newGroupMember; the checks offer the finding at each member), with
// a note at each new one.
//
// A baseline file records the fingerprints of accepted findings
// (--write-baseline); --baseline drops those from a later report so that only
// new findings remain.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_BASELINE_H
#define POOLGUARD_TOOL_BASELINE_H

#include "Report.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <set>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace poolguard {

/// Returns a file's bytes, or std::nullopt if it cannot be read.
using FileReader = std::function<std::optional<std::string>(llvm::StringRef)>;

/// Reads \p Path from disk.
std::optional<std::string> readFileFromDisk(llvm::StringRef Path);

/// The files a report names, each read once through a FileReader (disk if
/// null); none for an empty path or one outside R.Roots: a report's paths
/// can come from untrusted facts files and cache entries. Shared by the
/// text output, SARIF and the baseline fingerprints.
class ReportFiles {
public:
  explicit ReportFiles(const Report &R, FileReader Read = nullptr);
  const std::optional<std::string> &get(const std::string &Path);

private:
  const Report &R;
  FileReader Read;
  std::map<std::string, std::optional<std::string>> Files;
};

using clang::tidy::poolguard::relativeToRoot;

/// The reported line without any whitespace ("" if unavailable). \p Line is
/// 1-based; with \p Line 0 the line containing \p Offset is used.
std::string normalizedLineText(llvm::StringRef FileText, unsigned Line,
                               unsigned Offset);

/// One fingerprint per diagnostic of \p R, in order: "<16 hex digits>:<n>",
/// n counting from 1 among the diagnostics of the same file with the same
/// hash, in report order. Files are read through \p Read (disk if null), each
/// once; an unreadable file hashes an empty line.
/// Program paths in group keys are taken relative to \p Root.
std::vector<std::string> computeFingerprints(const Report &R,
                                             const FileReader &Read = nullptr,
                                             llvm::StringRef Root = "");

/// The accepted findings.
struct Baseline {
  struct Entry {
    std::string Check;
    std::string File; ///< Relative to the baseline's root (see relativeToRoot).
    std::string Fingerprint;
    bool operator<(const Entry &O) const {
      return std::tie(File, Check, Fingerprint) <
             std::tie(O.File, O.Check, O.Fingerprint);
    }
    bool operator==(const Entry &O) const {
      return File == O.File && Check == O.Check && Fingerprint == O.Fingerprint;
    }
  };
  std::set<Entry> Entries;
  /// The members of each group finding, by (check, fingerprint).
  std::map<std::pair<std::string, std::string>, std::set<std::string>> Groups;
};

/// The baseline of \p R (paths relative to \p Root).
Baseline makeBaseline(const Report &R, llvm::StringRef Root = "",
                      const FileReader &Read = nullptr);

/// The baseline file's JSON (deterministic: entries sorted; each carries the
/// message for humans, which matching ignores beyond the fingerprint).
std::string baselineToJSON(const Report &R, llvm::StringRef Root = "",
                           const FileReader &Read = nullptr);

/// Writes the baseline of \p R to \p Path (atomically).
llvm::Error writeBaseline(llvm::StringRef Path, const Report &R,
                          llvm::StringRef Root = "",
                          const FileReader &Read = nullptr);

/// Parses a baseline file's contents; \p Name is used in error messages.
llvm::Expected<Baseline> parseBaseline(llvm::StringRef JSON,
                                       llvm::StringRef Name);

/// Reads and parses the baseline file \p Path.
llvm::Expected<Baseline> loadBaseline(llvm::StringRef Path);

/// Where to report a group finding (check \p Check, key \p Key, places
/// \p Members in the group's order) that \p B holds: at its first member
/// \p B has not seen, the one added since (an index into \p Members).
/// std::nullopt when \p B does not hold the group or has seen every member.
/// Files are read as in a report over \p Roots.
std::optional<size_t> newGroupMember(const Baseline &B, llvm::StringRef Check,
                                     llvm::StringRef Key,
                                     llvm::ArrayRef<ReportPlace> Members,
                                     llvm::StringRef Root,
                                     const ProjectRoots &Roots,
                                     const FileReader &Read = nullptr);

/// Removes from \p R the diagnostics recorded in \p B; returns how many. A
/// group finding kept because of members \p B has not seen gets a note at
/// each of them.
/// Fingerprints are computed on \p R before any removal.
unsigned filterBaseline(Report &R, const Baseline &B, llvm::StringRef Root = "",
                        const FileReader &Read = nullptr);

} // namespace poolguard

#endif // POOLGUARD_TOOL_BASELINE_H
