//===----------------------------------------------------------------------===//
//
// Applying and exporting fix-its; see Fixes.h.
//
//===----------------------------------------------------------------------===//

#include "Fixes.h"
#include "utils/AtomicFile.h"
#include "utils/Paths.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace poolguard {

namespace {

// One replacement and the diagnostic it comes from, for error messages.
struct Edit {
  unsigned Offset, Length;
  std::string Text;
  const ReportDiagnostic *From;
  std::string FileHash;

  bool operator<(const Edit &O) const {
    return std::tie(Offset, Length, Text) < std::tie(O.Offset, O.Length, O.Text);
  }
  bool sameAs(const Edit &O) const {
    return Offset == O.Offset && Length == O.Length && Text == O.Text;
  }
};

} // namespace

// Whether two different edits touch the same bytes. Insertions conflict with
// insertions at the same offset and with removals that strictly contain them.
static bool overlap(const Edit &A, const Edit &B) {
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset;
  if (A.Length == 0)
    return B.Offset < A.Offset && A.Offset < B.Offset + B.Length;
  if (B.Length == 0)
    return A.Offset < B.Offset && B.Offset < A.Offset + A.Length;
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

/// A fix for a file outside the project: facts files and cache entries are
/// untrusted, and may name any path.
static llvm::Error outsideRoots(const Report &R, llvm::StringRef File) {
  return llvm::createStringError(
      std::make_error_code(std::errc::permission_denied),
      "a fix names '" + File + "', which is outside the project (" +
          R.Roots.describe() + "); no fix applied; add its directory with "
                               "--root if it belongs to the project");
}

static std::string describe(const Edit &E) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "[" << E.Offset << ", " << E.Offset + E.Length << ") -> '";
  OS.write_escaped(E.Text) << "' (" << E.From->Check << " at " << E.From->File
                           << ":" << E.From->Line << ":" << E.From->Column
                           << ")";
  return S;
}


/// Sorts \p Edits, drops duplicates (one fix reached from several
/// findings) and refuses overlapping ones.
static llvm::Error sortEdits(const std::string &File, std::vector<Edit> &Edits) {
  llvm::stable_sort(Edits);
  Edits.erase(std::unique(Edits.begin(), Edits.end(),
                          [](const Edit &A, const Edit &B) {
                            return A.sameAs(B);
                          }),
              Edits.end());
  for (size_t I = 0; I < Edits.size(); ++I)
    for (size_t J = I + 1;
         J < Edits.size() && Edits[J].Offset <= Edits[I].Offset + Edits[I].Length;
         ++J)
      if (overlap(Edits[I], Edits[J]))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "conflicting fixes in '" + File + "': " + describe(Edits[I]) +
                " and " + describe(Edits[J]) + "; no fix applied");
  return llvm::Error::success();
}

/// \p Old (the bytes of \p File now) with the sorted \p Edits applied;
/// refused when the file changed since it was analyzed or an edit is out of
/// range.
static llvm::Expected<std::string> applyEdits(const std::string &File,
                                              llvm::StringRef Old,
                                              llvm::ArrayRef<Edit> Edits) {
  // Offsets are into the bytes that were analyzed: a file edited since
  // (an editor saved it during the run) would be corrupted.
  const std::string Now = contentHash(Old);
  for (const Edit &E : Edits)
    if (!E.FileHash.empty() && E.FileHash != Now)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "'" + File +
              "' changed since it was analyzed; run poolguard again; no fix "
              "applied");
  std::string New;
  size_t Pos = 0;
  for (const Edit &E : Edits) {
    if (E.Offset + static_cast<size_t>(E.Length) > Old.size())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "fix out of range in '" + File + "' (" + std::to_string(Old.size()) +
              " bytes): " + describe(E) + "; no fix applied");
    New += Old.slice(Pos, E.Offset);
    New += E.Text;
    Pos = E.Offset + E.Length;
  }
  New += Old.substr(Pos);
  return New;
}

llvm::Expected<FixStats> applyFixes(const Report &R) {
  std::map<std::string, std::vector<Edit>> PerFile;
  for (const ReportDiagnostic &D : R.Diagnostics)
    for (const ReportFix &F : D.Fixes) {
      // One group per file however its path is spelled.
      PerFile[clang::tidy::poolguard::absolutePath(F.File)].push_back(
          {F.Offset, F.Length, F.Replacement, &D, F.FileHash});
    }

  // Validate everything before writing anything.
  struct Rewrite {
    std::unique_ptr<llvm::MemoryBuffer> Old;
    std::string New;
  };
  std::map<std::string, Rewrite> Rewrites;
  FixStats Stats;
  for (auto &[File, Edits] : PerFile) {
    if (!R.Roots.contains(File))
      return outsideRoots(R, File);
    if (llvm::Error E = sortEdits(File, Edits))
      return std::move(E);
    // Read, not mapped: a hard-linked file is rewritten in place, and the
    // old bytes must stay what they were for the re-check before it.
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false,
                                              /*IsVolatile=*/true);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(),
                                     "cannot read '" + File +
                                         "': " + Buffer.getError().message());
    auto New = applyEdits(File, (*Buffer)->getBuffer(), Edits);
    if (!New)
      return New.takeError();
    if (*New == (*Buffer)->getBuffer())
      continue;
    Stats.Replacements += Edits.size();
    Rewrites[File] = {std::move(*Buffer), std::move(*New)};
  }

  for (const auto &[File, RW] : Rewrites) {
    if (llvm::Error E = clang::tidy::poolguard::rewriteFile(
            File, RW.Old->getBuffer(), RW.New))
      return std::move(E);
    ++Stats.Files;
  }
  return Stats;
}

static clang::tooling::DiagnosticMessage
message(llvm::StringRef Text, llvm::StringRef File, unsigned Offset) {
  clang::tooling::DiagnosticMessage M(Text);
  M.FilePath = File.str();
  M.FileOffset = Offset;
  return M;
}

llvm::Expected<std::string> exportFixes(const Report &R,
                                        llvm::StringRef MainSourceFile,
                                        llvm::StringRef BuildDirectory) {
  llvm::SmallString<256> BuildDir(BuildDirectory);
  if (BuildDir.empty())
    llvm::sys::fs::current_path(BuildDir);

  clang::tooling::TranslationUnitDiagnostics TUD;
  TUD.MainSourceFile = MainSourceFile.str();
  for (const ReportDiagnostic &D : R.Diagnostics) {
    clang::tooling::Diagnostic Diag(
        D.Check,
        D.Severity == "error" ? clang::tooling::Diagnostic::Error
                              : clang::tooling::Diagnostic::Warning,
        BuildDir);
    Diag.Message = message(D.Message, D.File, D.Offset);
    for (const ReportFix &F : D.Fixes) {
      if (!R.Roots.contains(F.File))
        return outsideRoots(R, F.File);
      clang::tooling::Replacement Rep(F.File, F.Offset, F.Length,
                                      F.Replacement);
      if (llvm::Error E = Diag.Message.Fix[F.File].add(Rep))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "conflicting fixes in one diagnostic (" + D.Check + " at " +
                D.File + ":" + std::to_string(D.Line) + ":" +
                std::to_string(D.Column) + "): " + llvm::toString(std::move(E)));
    }
    for (const ReportNote &N : D.Notes)
      Diag.Notes.push_back(message(N.Message, N.File, N.Offset));
    TUD.Diagnostics.push_back(std::move(Diag));
  }

  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  OS.flush();
  return Text;
}

} // namespace poolguard
