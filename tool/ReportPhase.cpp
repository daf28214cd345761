//===----------------------------------------------------------------------===//
//
// The tool's report phase: one reporting path with the plugin and clangd.
//
//===----------------------------------------------------------------------===//

#include "ReportPhase.h"
#include "utils/LLVMCompat.h"
#include "utils/ReadFile.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::poolguard;

namespace poolguard {

namespace {
/// The real file system, but only regular files of a bounded size can be
/// found: findings come from facts files and cache entries, untrusted input
/// that may name a FIFO (reading it would hang the report) or a device.
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto S = ProxyFileSystem::status(Path);
    if (S && S->getType() != llvm::sys::fs::file_type::regular_file &&
        S->getType() != llvm::sys::fs::file_type::directory_file)
      return std::make_error_code(std::errc::not_supported);
    if (S && S->getSize() > MaxSourceFileBytes)
      return std::make_error_code(std::errc::file_too_large);
    return S;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto S = status(Path);
    if (!S)
      return S.getError();
    return ProxyFileSystem::openFileForRead(Path);
  }
};
} // namespace

struct ReportPhase::Impl {
  ClangTidyContext Context;
  ClangTidyDiagnosticConsumer Consumer;
  TidyDiagnosticsEngine Engine;
  std::vector<std::unique_ptr<ClangTidyCheck>> Checks;
  std::unique_ptr<ConnectionBudgetCheck> BudgetOnly;
  /// The files findings name, read from disk; set once (the diagnostics
  /// engine keeps its states by location in this SourceManager).
  std::unique_ptr<FileManager> Files;
  std::unique_ptr<SourceManager> Sources;
  /// An empty main file for findings located in headers.
  FileID NoMainFile;

  explicit Impl(std::unique_ptr<ClangTidyOptionsProvider> Provider)
      : Context(std::move(Provider)),
        Consumer(Context, /*ExternalDiagEngine=*/nullptr,
                 /*RemoveIncompatibleErrors=*/true),
        Engine(Context, Consumer) {}

  /// The configuration errors reported since the last call.
  std::vector<std::string> takeConfigErrors() {
    std::vector<std::string> Out;
    std::set<std::string> Seen;
    for (const ClangTidyError &E : Consumer.take()) {
      std::string Text = E.Message.Message + " [" + E.DiagnosticName + "]";
      if (Seen.insert(Text).second)
        Out.push_back(std::move(Text));
    }
    return Out;
  }
};

ReportPhase::ReportPhase(std::unique_ptr<ClangTidyOptionsProvider> Provider,
                         StringRef ProjectFile)
    : P(std::make_unique<Impl>(std::move(Provider))) {
  P->Context.setCurrentFile(ProjectFile);
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &E :
       ClangTidyModuleRegistry::entries())
    E.instantiate()->addCheckFactories(Factories);
  // Not createChecksForLanguage: without a TU, its default LangOptions would
  // leave out the C++-only checks.
  P->Checks = Factories.createChecks(&P->Context);
  for (const std::unique_ptr<ClangTidyCheck> &C : P->Checks)
    if (auto *X = dynamic_cast<CrossTUCheck *>(C.get()))
      CrossTU.push_back(X);
  ConfigErrors = P->takeConfigErrors();
}

ReportPhase::~ReportPhase() = default;

std::vector<ReportedError>
ReportPhase::report(const Facts &Merged,
                    llvm::function_ref<bool(const Finding &)> Keep,
                    const GroupAnchor &Anchor) {
  if (!P->Sources) {
    P->Files = std::make_unique<FileManager>(
        FileSystemOptions(), llvm::makeIntrusiveRefCnt<RegularFilesOnly>());
    P->Sources = std::make_unique<SourceManager>(P->Engine.engine(), *P->Files);
    P->Context.setSourceManager(P->Sources.get());
  }
  FileManager &Files = *P->Files;
  SourceManager &SM = *P->Sources;
  if (P->NoMainFile.isInvalid())
    P->NoMainFile = SM.createFileID(llvm::MemoryBuffer::getMemBuffer(
        "", "<poolguard: cross-TU findings in headers>"));
  const std::set<std::string> MainFiles(Merged.TranslationUnits.begin(),
                                        Merged.TranslationUnits.end());
  // Loads \p File: a translation unit's main file as a file of its own, a
  // header as included (from the empty main file), so that clang-tidy's
  // header filter applies to it as in a TU that includes it.
  auto Load = [&](const std::string &File) {
    auto FE = Files.getOptionalFileRef(File);
    if (!FE)
      return FileID();
    FileID FID = SM.translateFile(*FE);
    if (FID.isValid())
      return FID;
    SourceLocation IncludedFrom;
    if (!MainFiles.count(File))
      IncludedFrom = SM.getLocForStartOfFile(P->NoMainFile);
    return SM.createFileID(*FE, IncludedFrom, SrcMgr::C_User);
  };
  std::vector<ReportedError> Out;
  for (CrossTUCheck *Check : CrossTU) {
    for (const Finding &Reduced : Check->reduce(Merged)) {
      const Finding *Chosen = &Reduced;
      if (Anchor && !Reduced.AtMembers.empty())
        if (std::optional<size_t> I = Anchor(Reduced);
            I && *I < Reduced.AtMembers.size())
          Chosen = &Reduced.AtMembers[*I];
      const Finding &F = *Chosen;
      if (!Keep(F))
        continue;
      FileID FID = Load(F.Loc.File);
      if (FID.isInvalid())
        continue;
      for (const FindingNote &N : F.Notes)
        Load(N.Loc.File);
      // A finding in a translation unit's main file is reported as the
      // plugin reports it in that TU: the header filter does not hide it. One
      // in a header is reported with the empty main file: the finding is
      // shown if its header or a note's header passes HeaderFilterRegex and
      // not ExcludeHeaderFilterRegex, or a note is in a TU's main file, as
      // in a TU that includes the header (where the other TUs' main files
      // are files it did not parse, which clang-tidy counts as main files).
      SM.setMainFileID(MainFiles.count(F.Loc.File) ? FID : P->NoMainFile);
      Check->reportFindings(F, SM);
      // Taken per finding, so each diagnostic keeps its finding's identity.
      for (ClangTidyError &E : P->Consumer.take()) {
        bool OfF = E.DiagnosticName == F.Check;
        Out.push_back({std::move(E), OfF ? F.Key : std::string(),
                       OfF ? F.Members : std::vector<SourcePos>()});
      }
    }
  }
  return Out;
}

unsigned ReportPhase::suppressedByNolint() const {
  return P->Context.getStats().ErrorsIgnoredNOLINT;
}

BudgetOptions ReportPhase::budgetOptions() {
  for (CrossTUCheck *C : CrossTU)
    if (auto *B = dynamic_cast<ConnectionBudgetCheck *>(C))
      return B->budget();
  if (!P->BudgetOnly) {
    P->BudgetOnly = std::make_unique<ConnectionBudgetCheck>(
        "poolguard-connection-budget", &P->Context);
    (void)P->takeConfigErrors();
  }
  return P->BudgetOnly->budget();
}

} // namespace poolguard
