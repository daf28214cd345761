//===----------------------------------------------------------------------===//
//
// SARIF 2.1.0 output (--format=sarif) for GitHub code scanning and other SARIF
// consumers: one run, one rule per check, one result per diagnostic, notes as
// related locations, artifact URIs relative to %SRCROOT% (--sarif-root), and
// partialFingerprints.primaryLocationLineHash from Baseline.h's fingerprints
// (stable across runs and line shifts). The output is deterministic.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_SARIF_H
#define POOLGUARD_TOOL_SARIF_H

#include "Baseline.h"
#include "Report.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace poolguard {

/// A SARIF reportingDescriptor: what the tool says about one check.
struct SarifRule {
  std::string Id;               ///< "poolguard-dsn-query-append"
  std::string ShortDescription; ///< One sentence.
  std::string FullDescription;  ///< Defaults to ShortDescription.
  std::string HelpUri;          ///< Defaults to ruleHelpUri(Id).
  std::string DefaultLevel = "warning"; ///< "note", "warning" or "error".
};

struct SarifOptions {
  /// Artifact URIs are relative to this directory (%SRCROOT%) when inside it;
  /// empty means the current directory.
  std::string SourceRoot;
  std::string ToolVersion = POOLGUARD_VERSION;
  std::string InformationUri = "https://github.com/poolguard/poolguard";
  /// Rules in the order to list them; checks that appear in results without
  /// a rule here get a generic rule appended (sorted by id).
  std::vector<SarifRule> Rules;
  /// Reads sources for fingerprints and UTF-16 columns (disk if null).
  FileReader Read;
};

/// The rules of poolguard's checks (descriptions from docs/checks), for
/// SarifOptions::Rules.
std::vector<SarifRule> poolguardRules();

/// The documentation page of a poolguard check.
std::string ruleHelpUri(llvm::StringRef CheckId);

/// \p Path as a URI reference: '/' separators, bytes outside RFC 3986's
/// unreserved set and '/' percent-encoded. An absolute path gets "file://".
std::string pathToUri(llvm::StringRef Path);

/// \p ByteColumn (1-based, in bytes as clang reports it) converted to UTF-16
/// code units (SARIF's default columnKind) on the line \p Line (1-based) of
/// \p FileText. Returns \p ByteColumn unchanged if the line does not exist.
unsigned utf16Column(llvm::StringRef FileText, unsigned Line,
                     unsigned ByteColumn);

/// The SARIF log of \p R, pretty-printed, ending with a newline.
std::string writeSarif(const Report &R, const SarifOptions &O);

} // namespace poolguard

#endif // POOLGUARD_TOOL_SARIF_H
