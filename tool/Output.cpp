//===----------------------------------------------------------------------===//
//
// Text and JSON renderings of a poolguard report.
//
//===----------------------------------------------------------------------===//

#include "Output.h"
#include "Baseline.h"
#include "Results.h"
#include "SourceText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include <nlohmann/json.hpp>
#include <optional>

namespace poolguard {

using llvm::raw_ostream;

namespace {

/// clang's colours: a bold location and message, the severity in its colour,
/// a green caret and fix-it line. No-ops on a stream without colours.
raw_ostream::Colors severityColor(llvm::StringRef Severity) {
  if (Severity == "error")
    return raw_ostream::RED;
  if (Severity == "warning")
    return raw_ostream::MAGENTA;
  return raw_ostream::BLACK;
}

/// One diagnostic or note: its header line, the source line, a caret and,
/// for \p Fixes on that line, the replacement text under it as clang
/// prints a fix-it hint.
void writeOne(llvm::raw_ostream &OS, ReportFiles &Files,
              llvm::StringRef Severity, llvm::StringRef Message,
              const std::string &File, unsigned Line, unsigned Column,
              llvm::StringRef Check, llvm::StringRef PathRoot,
              llvm::ArrayRef<ReportFix> Fixes = {}) {
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  if (!File.empty()) {
    OS << (PathRoot.empty() ? File : relativeToRoot(File, PathRoot)) << ":";
    if (Line)
      OS << Line << ":" << Column << ":";
    OS << " ";
  }
  OS.changeColor(severityColor(Severity), /*Bold=*/true);
  OS << Severity << ": ";
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS.resetColor();
  OS << "\n";
  const std::optional<std::string> &Bytes = Files.get(File);
  std::optional<llvm::StringRef> Text =
      Bytes ? lineOf(*Bytes, Line) : std::nullopt;
  if (!Text)
    return;
  // Spaces (tabs kept) up to column \p Col of the line, as clang aligns.
  auto Indent = [&](unsigned Col) {
    std::string Pad;
    for (unsigned I = 1; I < Col && I - 1 < Text->size(); ++I)
      Pad += (*Text)[I - 1] == '\t' ? '\t' : ' ';
    return Pad;
  };
  OS << *Text << "\n" << Indent(Column);
  OS.changeColor(raw_ostream::GREEN, /*Bold=*/true);
  OS << "^";
  OS.resetColor();
  OS << "\n";
  const unsigned LineStart = Text->data() - Bytes->data();
  for (const ReportFix &F : Fixes) {
    if (F.File != File || F.Offset < LineStart ||
        F.Offset > LineStart + Text->size() || F.Replacement.empty() ||
        llvm::StringRef(F.Replacement).contains('\n'))
      continue;
    OS << Indent(F.Offset - LineStart + 1);
    OS.changeColor(raw_ostream::GREEN);
    OS << F.Replacement;
    OS.resetColor();
    OS << "\n";
  }
}

} // namespace

void writeText(llvm::raw_ostream &OS, const Report &R, bool Summary) {
  ReportFiles Files(R);
  llvm::StringSet<> FilesWithFindings;
  for (const ReportDiagnostic &D : R.Diagnostics) {
    writeOne(OS, Files, D.Severity, D.Message, D.File, D.Line, D.Column,
             D.Check, R.PathRoot, D.Fixes);
    for (const ReportNote &N : D.Notes)
      writeOne(OS, Files, "note", N.Message, N.File, N.Line, N.Column, "",
               R.PathRoot);
    FilesWithFindings.insert(D.File);
  }
  if (Summary)
    OS << summaryLine(R, FilesWithFindings.size()) << "\n";
}

std::string failedTUsText(const Report &R) {
  unsigned Failed = R.TUsFailed + R.TUsFailedUnselected;
  if (!Failed)
    return "";
  return llvm::formatv("{0} TU{1} could not be analyzed, so findings may be "
                       "incomplete",
                       Failed, Failed == 1 ? "" : "s");
}

std::string summaryLine(const Report &R, size_t FilesWithFindings) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  size_t N = R.Diagnostics.size();
  OS << llvm::formatv("{0} finding{1} in {2} file{3} ({4} TU{5} analyzed in "
                      "{6:f1} s",
                      N, N == 1 ? "" : "s", FilesWithFindings,
                      FilesWithFindings == 1 ? "" : "s", R.TUsAnalyzed,
                      R.TUsAnalyzed == 1 ? "" : "s", R.Seconds);
  if (R.TUsFromCache)
    OS << llvm::formatv(", {0} from cache", R.TUsFromCache);
  if (R.TUsReparsedInFull)
    OS << llvm::formatv(", {0} parsed again with every function body",
                        R.TUsReparsedInFull);
  if (std::string Failed = failedTUsText(R); !Failed.empty())
    OS << "; " << Failed;
  OS << ")";
  if (R.SuppressedByNolint || R.SuppressedByBaseline)
    OS << llvm::formatv("; {0} suppressed by NOLINT, {1} by baseline",
                        R.SuppressedByNolint, R.SuppressedByBaseline);
  return S;
}

nlohmann::ordered_json summaryToJSON(const Report &R) {
  return {{"translationUnits",
           {{"analyzed", R.TUsAnalyzed},
            {"failed", R.TUsFailed + R.TUsFailedUnselected}}},
          {"findingsMayBeIncomplete", R.TUsFailed + R.TUsFailedUnselected > 0},
          {"suppressed",
           {{"nolint", R.SuppressedByNolint},
            {"baseline", R.SuppressedByBaseline}}}};
}

using namespace clang::tidy::poolguard;

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
  Root["summary"] = summaryToJSON(R);
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
