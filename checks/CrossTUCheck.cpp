//===----------------------------------------------------------------------===//
//
// Shared machinery of the cross-TU checks.
//
//===----------------------------------------------------------------------===//

#include "CrossTUCheck.h"
#include "Checks.h"
#include "facts/CMakePrograms.h"
#include "facts/FactsIndex.h"
#include "utils/ConfigFile.h"
#include "utils/Paths.h"
#include "clang/Basic/SourceManager.h"
#include "facts/Instances.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <atomic>
#include <tuple>

using namespace clang::ast_matchers;
namespace sys = llvm::sys;

namespace clang::tidy::poolguard {

bool operator<(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Check, A.Message) <
         std::tie(B.Loc, B.Check, B.Message);
}

std::vector<Finding>
findPerProgram(const Facts &F,
               llvm::function_ref<std::vector<Finding>(const Facts &)> Find) {
  std::vector<std::pair<Finding, std::string>> Tagged;
  for (const auto &[Program, ProgramFacts] : factsPerProgram(F))
    for (Finding &Fd : Find(ProgramFacts))
      Tagged.emplace_back(std::move(Fd), Program);
  llvm::stable_sort(Tagged, [](const auto &A, const auto &B) {
    return A.first < B.first;
  });
  // A finding every program of a run makes alike (a library's group) is
  // reported once, under its own key; one made by a single program carries
  // that program in its key, so the same group in two programs keeps two
  // identities.
  std::vector<Finding> All;
  for (size_t I = 0; I < Tagged.size();) {
    size_t End = I + 1;
    while (End < Tagged.size() && !(Tagged[I].first < Tagged[End].first))
      ++End;
    Finding &Fd = All.emplace_back(std::move(Tagged[I].first));
    if (End - I == 1 && !Fd.Key.empty())
      Fd.Key = programKey(Fd.Key, Tagged[I].second);
    I = End;
  }
  return All;
}

CrossTUCheck::CrossTUCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Context(Context),
      IndexFile(pathOption("IndexFile")), ModelFiles(pathOption("ModelFiles")),
      ConfigFiles(pathOption("ConfigFiles")) {
  auto Models = loadModels(splitPathList(ModelFiles));
  if (!Models) {
    configurationDiag("cannot load poolguard models: %0", DiagnosticIDs::Error)
        << toString(Models.takeError());
    return;
  }
  Collector = std::make_unique<FactsCollector>(std::move(*Models));
  Collector->setConfigFiles(splitPathList(ConfigFiles));
}

std::string CrossTUCheck::pathOption(StringRef Name) {
  std::string Value = Options.getLocalOrGlobal(Name, "").str();
  if (llvm::all_of(splitPathList(Value), [](const std::string &P) {
        return llvm::sys::path::is_absolute(P);
      }))
    return Value;
  std::string Base =
      optionBaseDirectory(Context->getCurrentFile(),
                          (this->getID() + "." + Name).str(), Name, Value);
  return anchorPaths(Value, Base);
}

std::vector<std::string> CrossTUCheck::modelFiles() const {
  return splitPathList(ModelFiles);
}

std::vector<std::string> CrossTUCheck::configFiles() const {
  return splitPathList(ConfigFiles);
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

void CrossTUCheck::indexWarning(const Twine &Message, SourceManager &SM) {
  for (const CheckInfo &C : PoolGuardChecks) {
    if (C.Kind != CheckKind::CrossTU || !Context->isCheckEnabled(C.Name))
      continue;
    if (C.Name != getID())
      return;
    break;
  }
  if (Context->areDiagsSelfContained()) {
    // clangd shows a diagnostic only with a position, and forgets it at the
    // next parse: a warning at the top of the file, on every parse. A
    // compiler warning, not a check's, so that clangd's WarningsAsErrors does
    // not turn it into an error.
    DiagnosticsEngine &Diags = SM.getDiagnostics();
    Diags.Report(SM.getLocForStartOfFile(SM.getMainFileID()),
                 Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0"))
        << Message.str();
    return;
  }
  // clang-tidy: once per run, as a remark, which WarningsAsErrors (even '*')
  // never promotes: a configuration problem must not fail a
  // CMAKE_CXX_CLANG_TIDY build. clang-tidy's own warning-level
  // clang-tidy-config diagnostics are promoted by '*'.
  static std::atomic<bool> Reported{false};
  if (Reported.exchange(true))
    return;
  configurationDiag("%0", DiagnosticIDs::Remark) << Message.str();
}

/// The command that writes \p Index, given the compile database of the TU
/// in \p DatabaseDir (empty if not found).
static std::string indexCommand(StringRef Index, StringRef DatabaseDir) {
  std::string Dir = DatabaseDir.empty() ? "<build dir>" : DatabaseDir.str();
  if (sys::path::parent_path(Index) == Dir &&
      sys::path::filename(Index) == DefaultIndexName)
    return "poolguard -p " + Dir;
  return ("poolguard -p " + Dir + " --write-index=" + Index).str();
}

Facts CrossTUCheck::programFacts(const Facts &Fresh, SourceManager &SM,
                                 StringRef MainFile) {
  StringRef BuildDir = Context->getCurrentBuildDirectory();
  std::string DatabaseDir =
      BuildDir.empty() ? "" : findCompileDatabaseDir(BuildDir);
  if (DatabaseDir.empty())
    DatabaseDir = findCompileDatabaseDir(sys::path::parent_path(MainFile));
  std::string Index = IndexFile;
  if (Index.empty()) {
    // The default index needs no option: beside the compile database.
    SmallString<256> Default(DatabaseDir.empty() ? "<build dir>" : DatabaseDir);
    sys::path::append(Default, DefaultIndexName);
    Index = std::string(Default);
    if (DatabaseDir.empty() || !sys::fs::exists(Default)) {
      indexWarning("no facts index at '" + Index +
                       "'; cross-TU checks see this translation unit alone; "
                       "write the index with '" +
                       indexCommand(Index, DatabaseDir) + "'",
                   SM);
      return Fresh;
    }
  }
  auto Loaded = loadFactsIndex(Index);
  if (!Loaded) {
    indexWarning("cannot read facts index: " + toString(Loaded.takeError()) +
                     "; cross-TU checks see this translation unit alone; "
                     "write the index with '" +
                     indexCommand(Index, DatabaseDir) + "'",
                 SM);
    return Fresh;
  }
  std::string Newer =
      newerSourceThanIndex(**Loaded, Index, absolutePath(MainFile));
  if (!Newer.empty())
    indexWarning("facts index '" + Index + "' is stale: '" + Newer +
                     "' changed after it was written; refresh it with '" +
                     indexCommand(Index, DatabaseDir) + "'",
                 SM);
  return overlayTUFacts(**Loaded,
                        withBuildPrograms(Fresh, DatabaseDir, MainFile, SM));
}

Facts CrossTUCheck::withBuildPrograms(Facts Fresh, StringRef DatabaseDir,
                                      StringRef MainFile, SourceManager &SM) {
  if (DatabaseDir.empty())
    return Fresh;
  auto Programs = loadCMakePrograms(DatabaseDir);
  if (!Programs) {
    indexWarning("ignoring the CMake File API reply: " +
                     toString(Programs.takeError()) +
                     "; programs are the translation units that define main",
                 SM);
    return Fresh;
  }
  if (*Programs)
    assignPrograms(**Programs, absolutePath(MainFile), Fresh);
  return Fresh;
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

  Facts Program = programFacts(Fresh, SrcMgr, MainFile);

  // Report what touches this TU: findings whose primary location is in a file
  // this TU parsed. clang-tidy's header filter and NOLINT apply as usual.
  std::vector<Finding> Local;
  for (Finding &F : reduce(Program))
    if (isParsedFile(SrcMgr, F.Loc.File))
      Local.push_back(std::move(F));
  reportFindings(Local, SrcMgr);
}

} // namespace clang::tidy::poolguard
