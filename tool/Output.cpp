//===----------------------------------------------------------------------===//
//
// Text and JSON renderings of a poolguard report.
//
//===----------------------------------------------------------------------===//

#include "Output.h"
#include "Baseline.h"
#include "SourceText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include <nlohmann/json.hpp>
#include <optional>

namespace poolguard {

namespace {

class SourceLines {
public:
  explicit SourceLines(const Report &R) : Files(R) {}

  /// The text of line \p Line (1-based) of \p File, without its newline;
  /// none for a file outside the project roots.
  std::optional<std::string> line(const std::string &File, unsigned Line) {
    const std::optional<std::string> &Bytes = Files.get(File);
    if (!Bytes)
      return std::nullopt;
    std::optional<llvm::StringRef> Text = lineOf(*Bytes, Line);
    if (!Text)
      return std::nullopt;
    return Text->str();
  }

private:
  ReportFiles Files;
};

void writeOne(llvm::raw_ostream &OS, SourceLines &Lines,
              llvm::StringRef Severity, llvm::StringRef Message,
              const std::string &File, unsigned Line, unsigned Column,
              llvm::StringRef Check, llvm::StringRef PathRoot) {
  if (!File.empty()) {
    OS << (PathRoot.empty() ? File : relativeToRoot(File, PathRoot)) << ":";
    if (Line)
      OS << Line << ":" << Column << ":";
    OS << " ";
  }
  OS << Severity << ": " << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
  if (!Line)
    return;
  auto Text = Lines.line(File, Line);
  if (!Text)
    return;
  OS << *Text << "\n";
  std::string Caret;
  for (unsigned I = 1; I < Column && I - 1 < Text->size(); ++I)
    Caret += (*Text)[I - 1] == '\t' ? '\t' : ' ';
  OS << Caret << "^\n";
}

} // namespace

void writeText(llvm::raw_ostream &OS, const Report &R, bool Summary) {
  SourceLines Lines(R);
  llvm::StringSet<> FilesWithFindings;
  for (const ReportDiagnostic &D : R.Diagnostics) {
    writeOne(OS, Lines, D.Severity, D.Message, D.File, D.Line, D.Column,
             D.Check, R.PathRoot);
    for (const ReportNote &N : D.Notes)
      writeOne(OS, Lines, "note", N.Message, N.File, N.Line, N.Column, "",
               R.PathRoot);
    FilesWithFindings.insert(D.File);
  }
  if (!Summary)
    return;
  size_t N = R.Diagnostics.size();
  OS << llvm::formatv("{0} finding{1} in {2} file{3} ({4} TU{5} analyzed in "
                      "{6:f1} s",
                      N, N == 1 ? "" : "s", FilesWithFindings.size(),
                      FilesWithFindings.size() == 1 ? "" : "s",
                      R.TUsAnalyzed, R.TUsAnalyzed == 1 ? "" : "s",
                      R.Seconds);
  if (R.TUsFromCache)
    OS << llvm::formatv(", {0} from cache", R.TUsFromCache);
  if (R.TUsReparsedInFull)
    OS << llvm::formatv(", {0} parsed again with every function body",
                        R.TUsReparsedInFull);
  if (R.TUsFailed)
    OS << llvm::formatv("; {0} could not be analyzed", R.TUsFailed);
  OS << ")\n";
}

using namespace clang::tidy::poolguard;

nlohmann::ordered_json diagnosticToJSON(const ReportDiagnostic &D,
                                        bool WithOffsets) {
  using json = nlohmann::ordered_json;
  json Notes = json::array();
  for (const ReportNote &N : D.Notes) {
    json Note = {{"message", N.Message},
                 {"file", N.File},
                 {"line", N.Line},
                 {"column", N.Column}};
    if (WithOffsets)
      Note["offset"] = N.Offset;
    Notes.push_back(std::move(Note));
  }
  json Fixes = json::array();
  for (const ReportFix &F : D.Fixes) {
    json Fix = {{"file", F.File},
                {"offset", F.Offset},
                {"length", F.Length},
                {"replacement", F.Replacement}};
    if (WithOffsets && !F.FileHash.empty())
      Fix["fileHash"] = F.FileHash;
    Fixes.push_back(std::move(Fix));
  }
  json J = {{"check", D.Check},     {"severity", D.Severity},
            {"message", D.Message}, {"file", D.File},
            {"line", D.Line},       {"column", D.Column}};
  if (WithOffsets)
    J["offset"] = D.Offset;
  J["notes"] = std::move(Notes);
  J["fixes"] = std::move(Fixes);
  return J;
}

static std::string sizeText(const PoolCreationFact &Pool) {
  if (Pool.PerThread)
    return "one per thread";
  if (Pool.Unbounded)
    return "unbounded";
  if (!Pool.Size)
    return "unknown (" + Pool.SizeText + ")";
  std::string S = std::to_string(*Pool.Size);
  if (Pool.SizeIsInitialCache)
    S += " (idle cache, no maximum)";
  if (Pool.SizeIsDefault)
    S += " (default)";
  return S;
}

void writeBudgetText(llvm::raw_ostream &OS, const BudgetOptions &Opts,
                     const std::vector<DatabaseBudget> &Budgets) {
  OS << llvm::formatv("connection budget: max_connections {0}, reserved {1}, "
                      "replicas {2}\n",
                      Opts.MaxConnections, Opts.ReservedConnections,
                      Opts.Replicas);
  for (const DatabaseBudget &B : Budgets) {
    OS << llvm::formatv(
        "{0}: {1} of {2} available per process{3}"
        "{4}\n",
        budgetSubject(B), connectionCount(B.KnownTotal), B.Available,
        B.KnownTotal > B.Available ? " (over the limit)" : "",
        B.HasUnknown ? "; pools of unknown size not counted" : "");
    for (const BudgetContribution &C : B.Pools) {
      const PoolCreationFact &Pool = *C.Pool;
      OS << llvm::formatv("  {0}:{1}:{2}: {3} size {4} x {5} instance(s) x "
                          "{6} = {7}{8}\n",
                          Pool.Loc.File, Pool.Loc.Line, Pool.Loc.Column,
                          Pool.Library, sizeText(Pool), C.Instances,
                          C.Multiplier,
                          C.Connections ? connectionCount(*C.Connections)
                                        : "not counted",
                          C.Program.empty() ? "" : " (program " + C.Program + ")");
    }
  }
}

std::string writeJSON(const Report &R,
                      const std::vector<DatabaseBudget> *Budgets) {
  using json = nlohmann::ordered_json;
  json Diags = json::array();
  for (const ReportDiagnostic &D : R.Diagnostics)
    Diags.push_back(diagnosticToJSON(D, /*WithOffsets=*/false));
  json Root;
  Root["version"] = 1;
  Root["diagnostics"] = std::move(Diags);
  if (R.TUsReparsedInFull)
    Root["tusReparsedInFull"] = R.TUsReparsedInFull;
  if (Budgets) {
    json BudgetsJ = json::array();
    for (const DatabaseBudget &B : *Budgets) {
      json Pools = json::array();
      for (const BudgetContribution &C : B.Pools) {
        const PoolCreationFact &Pool = *C.Pool;
        json P;
        P["file"] = Pool.Loc.File;
        P["line"] = Pool.Loc.Line;
        P["column"] = Pool.Loc.Column;
        P["library"] = Pool.Library;
        P["size"] = Pool.Size ? json(*Pool.Size) : json(nullptr);
        P["sizeIsDefault"] = Pool.SizeIsDefault;
        P["unbounded"] = Pool.Unbounded;
        P["perThread"] = Pool.PerThread;
        P["sizeIsInitialCache"] = Pool.SizeIsInitialCache;
        if (!C.Program.empty())
          P["program"] = C.Program;
        P["instances"] = C.Instances;
        P["multiplier"] = C.Multiplier;
        P["connections"] =
            C.Connections ? json(*C.Connections) : json(nullptr);
        Pools.push_back(std::move(P));
      }
      json J;
      J["database"] = B.DatabaseText;
      if (B.DatabaseNames.size() > 1)
        J["databases"] = B.DatabaseNames;
      J["total"] = B.KnownTotal;
      J["available"] = B.Available;
      J["overLimit"] = B.KnownTotal > B.Available;
      J["hasUnknownSizes"] = B.HasUnknown;
      J["pools"] = std::move(Pools);
      BudgetsJ.push_back(std::move(J));
    }
    Root["budget"] = std::move(BudgetsJ);
  }
  // Paths and source text need not be UTF-8: replace, never abort.
  return Root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace poolguard
