//===----------------------------------------------------------------------===//
//
// Shared machinery of the cross-TU checks.
//
//===----------------------------------------------------------------------===//

#include "CrossTUCheck.h"
#include "facts/FactsIndex.h"
#include "clang/Basic/SourceManager.h"
#include "facts/Instances.h"
#include "llvm/ADT/StringExtras.h"
#include <tuple>

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

bool operator<(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Check, A.Message) <
         std::tie(B.Loc, B.Check, B.Message);
}

std::vector<Finding>
findPerProgram(const Facts &F,
               llvm::function_ref<std::vector<Finding>(const Facts &)> Find) {
  std::vector<Finding> All;
  for (const auto &[Program, ProgramFacts] : factsPerProgram(F))
    llvm::append_range(All, Find(ProgramFacts));
  llvm::sort(All);
  All.erase(std::unique(All.begin(), All.end(),
                        [](const Finding &A, const Finding &B) {
                          return !(A < B) && !(B < A);
                        }),
            All.end());
  return All;
}

static std::vector<std::string> splitList(StringRef List) {
  SmallVector<StringRef, 4> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

CrossTUCheck::CrossTUCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      IndexFile(Options.getLocalOrGlobal("IndexFile", "")),
      ModelFiles(Options.getLocalOrGlobal("ModelFiles", "")),
      ConfigFiles(Options.getLocalOrGlobal("ConfigFiles", "")) {
  auto Models = loadModels(splitList(ModelFiles));
  if (!Models) {
    configurationDiag("cannot load poolguard models: %0", DiagnosticIDs::Error)
        << toString(Models.takeError());
    return;
  }
  Collector = std::make_unique<FactsCollector>(std::move(*Models));
  Collector->setConfigFiles(splitList(ConfigFiles));
}

std::vector<std::string> CrossTUCheck::modelFiles() const {
  return splitList(ModelFiles);
}

std::vector<std::string> CrossTUCheck::configFiles() const {
  return splitList(ConfigFiles);
}

void CrossTUCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IndexFile", IndexFile);
  Options.store(Opts, "ModelFiles", ModelFiles);
  Options.store(Opts, "ConfigFiles", ConfigFiles);
}

void CrossTUCheck::registerMatchers(MatchFinder *Finder) {
  if (Collector)
    Collector->registerMatchers(*Finder, this);
}

void CrossTUCheck::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  Collector->run(Result);
}

/// Finds or loads \p File into \p SM and returns the location of \p Pos.
static SourceLocation toLocation(SourceManager &SM, const SourcePos &Pos) {
  if (!Pos.isValid())
    return {};
  auto FE = SM.getFileManager().getOptionalFileRef(Pos.File);
  if (!FE)
    return {};
  FileID FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    FID = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
  if (FID.isInvalid())
    return {};
  return SM.translateLineCol(FID, Pos.Line, Pos.Column);
}

/// Whether this TU parsed \p File: the main file or a file it included.
/// Reporting loads the files notes name with no include location; those were
/// not parsed, whichever cross-TU check (this one or another, in any order)
/// loaded them, so their findings belong to other TUs.
static bool isParsedFile(SourceManager &SM, StringRef File) {
  auto FE = SM.getFileManager().getOptionalFileRef(File);
  if (!FE)
    return false;
  FileID FID = SM.translateFile(*FE);
  if (FID.isInvalid())
    return false;
  return FID == SM.getMainFileID() || SM.getIncludeLoc(FID).isValid();
}

void CrossTUCheck::report(const Finding &F, SourceManager &SM) {
  SourceLocation Loc = toLocation(SM, F.Loc);
  if (Loc.isInvalid())
    return;
  diag(Loc, "%0") << F.Message;
  for (const FindingNote &N : F.Notes) {
    SourceLocation NoteLoc = toLocation(SM, N.Loc);
    if (NoteLoc.isValid())
      diag(NoteLoc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

void CrossTUCheck::reportFindings(ArrayRef<Finding> Findings,
                                  SourceManager &SM) {
  for (const Finding &F : Findings)
    report(F, SM);
}

void CrossTUCheck::onEndOfTranslationUnit() {
  if (!Collector || !SM)
    return;
  SourceManager &SrcMgr = *SM;
  SM = nullptr;
  OptionalFileEntryRef Main = SrcMgr.getFileEntryRefForID(SrcMgr.getMainFileID());
  std::string MainFile = Main ? Main->getName().str() : std::string();
  Facts Fresh = Collector->takeFacts(MainFile);
  for (const std::string &Error : Collector->takeConfigErrors())
    configurationDiag("cannot read poolguard configuration file: %0",
                      DiagnosticIDs::Error)
        << Error;

  Facts Program = Fresh;
  if (!IndexFile.empty()) {
    auto Index = loadFactsIndex(IndexFile);
    if (!Index) {
      configurationDiag("cannot read facts index: %0", DiagnosticIDs::Error)
          << toString(Index.takeError());
    } else {
      Program = overlayTUFacts(**Index, Fresh);
    }
  }

  // Report what touches this TU: findings whose primary location is in a file
  // this TU parsed. clang-tidy's header filter and NOLINT apply as usual.
  std::vector<Finding> Local;
  for (Finding &F : reduce(Program))
    if (isParsedFile(SrcMgr, F.Loc.File))
      Local.push_back(std::move(F));
  reportFindings(Local, SrcMgr);
}

} // namespace clang::tidy::poolguard
