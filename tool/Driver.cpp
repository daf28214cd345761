//===----------------------------------------------------------------------===//
//
// The standalone poolguard driver.
//
// Map: each TU is analyzed in a forked worker process (at most -j at once),
// so a crash or a hang (--tu-timeout) loses one TU, never the run. A worker
// runs the per-TU checks through clang-tidy's own machinery (ClangTidyContext:
// NOLINT, header filter, compiler errors) and the facts collector on the same
// AST, then writes its result as JSON. Results are cached on disk, keyed by
// the command, the configuration, poolguard's version, the models, and the
// content of the TU and every file it included.
//
// Merge and report: facts of all TUs are merged by stable keys; the cross-TU
// checks run on them and their findings go through NOLINT on the raw file
// bytes, then join the per-TU diagnostics on one path.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "CMakePrograms.h"
#include "Checks.h"
#include "ConfigVerifier.h"
#include "Output.h"
#include "ReportPhase.h"
#include "Results.h"
#include "SkipBodies.h"
#include "SourceText.h"
#include "facts/FactsCollector.h"
#include "utils/AtomicFile.h"
#include "utils/JSONSyntax.h"
#include "models/Model.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "utils/ReadFile.h"
#include "utils/ConfigFile.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"
#include <fcntl.h>
#include <sys/file.h>
#include <nlohmann/json.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/WithColor.h"
#include <cstring>
#include <dirent.h>
#include <map>
#include <new>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::poolguard;
using nlohmann::json;

namespace poolguard {

namespace {


/// Reads files once per process. Only regular files of a bounded size: a
/// FIFO or /dev/zero named by a compile database or a result would hang the
/// run or take all memory (the reason is kept for the TU's error).
class FileCache {
public:
  const std::string *get(llvm::StringRef Path, std::string *Why = nullptr) {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Files.find(Path);
    if (It == Files.end()) {
      auto Buf = readInputFile(Path, MaxSourceFileBytes);
      Entry &E = Files[Path];
      if (Buf)
        E.Text = (*Buf)->getBuffer().str();
      else
        E.Why = llvm::toString(Buf.takeError());
      It = Files.find(Path);
    }
    if (Why)
      *Why = It->second.Why;
    return It->second.Text ? &*It->second.Text : nullptr;
  }

private:
  struct Entry {
    std::optional<std::string> Text;
    std::string Why;
  };
  std::mutex Mu;
  llvm::StringMap<Entry> Files;
};

bool diagLess(const ReportDiagnostic &A, const ReportDiagnostic &B) {
  return std::tie(A.File, A.Line, A.Column, A.Check, A.Message) <
         std::tie(B.File, B.Line, B.Column, B.Check, B.Message);
}
bool diagEqual(const ReportDiagnostic &A, const ReportDiagnostic &B) {
  return std::tie(A.File, A.Line, A.Column, A.Check, A.Message) ==
         std::tie(B.File, B.Line, B.Column, B.Check, B.Message);
}

/// The files a TU read, and the hash of the bytes clang parsed of each.
struct ReadFiles {
  std::vector<std::string> Names;
  llvm::StringMap<std::string> Hashes;
  /// Files that would have been included instead had they existed: a header
  /// created there later shadows the one that was read.
  std::vector<std::string> Absent;
};

/// Records, for each #include, the places clang looked before the directory
/// it found the header in: the includer's directory for "...", then the
/// -iquote and -I directories in order. A file appearing at one of them
/// changes what the TU includes, so each is a dependency that must stay
/// absent. System include directories are left out (a new file there is an
/// install, not an edit), and so are #include_next, header maps and
/// frameworks.
class ShadowRecorder : public PPCallbacks {
public:
  ShadowRecorder(const Preprocessor &PP, ReadFiles &Deps)
      : PP(PP), Deps(Deps) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &IncludeTok,
                          StringRef FileName, bool IsAngled,
                          CharSourceRange, OptionalFileEntryRef File,
                          StringRef SearchPath, StringRef, const Module *,
                          bool, SrcMgr::CharacteristicKind) override {
    if (!File || SearchPath.empty() ||
        llvm::sys::path::is_absolute(FileName) ||
        IncludeTok.getIdentifierInfo()->getPPKeywordID() ==
            tok::pp_include_next)
      return;
    const SourceManager &SM = PP.getSourceManager();
    const std::string Found = absolute(SearchPath);
    if (!IsAngled)
      if (OptionalFileEntryRef Includer =
              SM.getFileEntryRefForID(SM.getFileID(HashLoc)))
        if (!candidate(Includer->getDir().getName(), FileName, Found))
          return;
    const HeaderSearch &HS = PP.getHeaderSearchInfo();
    for (auto It = IsAngled ? HS.angled_dir_begin() : HS.quoted_dir_begin();
         It != HS.system_dir_begin(); ++It) {
      if (!It->isNormalDir())
        return;
      if (!candidate(It->getDirRef()->getName(), FileName, Found))
        return;
    }
  }

private:
  std::string absolute(StringRef Path) const {
    llvm::SmallString<256> P(Path);
    PP.getFileManager().makeAbsolutePath(P);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    return std::string(P);
  }
  /// Records \p Dir / \p Name unless \p Dir is where the header was found;
  /// false once it is (the search stops there).
  bool candidate(StringRef Dir, StringRef Name, const std::string &Found) {
    std::string D = absolute(Dir);
    if (D == Found)
      return false;
    llvm::SmallString<256> Path(D);
    llvm::sys::path::append(Path, Name);
    Deps.Absent.push_back(std::string(Path));
    return true;
  }

  const Preprocessor &PP;
  ReadFiles &Deps;
};

/// Collects facts and the list of files the TU read, beside clang-tidy.
class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(FactsCollector &Collector, ReadFiles &Deps)
      : Collector(Collector), Deps(Deps) {
    Collector.registerMatchers(Finder);
    Matcher = Finder.newASTConsumer();
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Matcher->HandleTranslationUnit(Ctx);
    SourceManager &SM = Ctx.getSourceManager();
    // Hash what was parsed, not what is on disk by now: an editor may have
    // saved the file since (fix offsets and cache entries are for these
    // bytes).
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::string Name = It->first.getName().str();
      if (std::optional<llvm::MemoryBufferRef> Buf =
              SM.getMemoryBufferForFileOrNone(It->first))
        Deps.Hashes[Name] = contentHash(Buf->getBuffer());
      Deps.Names.push_back(std::move(Name));
    }
  }

private:
  FactsCollector &Collector;
  ReadFiles &Deps;
  ast_matchers::MatchFinder Finder;
  std::unique_ptr<ASTConsumer> Matcher;
};

/// The matchers (clang-tidy's and the facts collector's) traverse only the
/// top-level declarations outside system headers: no finding and no fact
/// comes from the standard library or -isystem third-party code, and
/// traversing their template instantiations was most of the matching cost
/// (docs/performance.md).
///
/// With a BodySkipper, it also tells clang which function bodies to skip.
class UserCodeConsumer : public MultiplexConsumer {
public:
  UserCodeConsumer(std::vector<std::unique_ptr<ASTConsumer>> Consumers,
                   std::unique_ptr<BodySkipper> Skipper)
      : MultiplexConsumer(std::move(Consumers)), Skipper(std::move(Skipper)) {}
  bool shouldSkipFunctionBody(Decl *D) override {
    return Skipper && Skipper->shouldSkip(D);
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (!SM.isInSystemHeader(D->getLocation()))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
    MultiplexConsumer::HandleTranslationUnit(Ctx);
  }

private:
  std::unique_ptr<BodySkipper> Skipper;
};

/// The database with each file's identical commands once: a file listed N
/// times with one command is parsed once, not N times. Different commands
/// for one file stay, as in clang-tidy, and each is part of the cache key.
class UniqueCommandsDatabase : public tooling::CompilationDatabase {
public:
  explicit UniqueCommandsDatabase(
      std::shared_ptr<tooling::CompilationDatabase> Base)
      : Base(std::move(Base)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    std::vector<tooling::CompileCommand> Cmds = Base->getCompileCommands(File);
    std::set<std::pair<std::string, std::vector<std::string>>> Seen;
    llvm::erase_if(Cmds, [&](const tooling::CompileCommand &C) {
      return !Seen.insert({C.Directory, C.CommandLine}).second;
    });
    return Cmds;
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }

private:
  std::shared_ptr<tooling::CompilationDatabase> Base;
};

/// Whether \p File is a source file clang compiles on its own (a header is
/// analyzed through the TUs that include it).
bool isSourceFile(StringRef File) {
  return llvm::StringSwitch<bool>(llvm::sys::path::extension(File))
      .Cases(".c", ".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", true)
      .Cases(".m", ".mm", ".cu", true)
      .Default(false);
}

} // namespace

namespace {

/// clang-tidy skips a .clang-tidy it cannot read (a directory, a file without
/// read permission) and silently uses the next one up, or the defaults. A
/// configuration that exists but cannot be read is an error here: for each
/// TU, the nearest .clang-tidy up the tree must be a readable regular file.
void checkReadableConfigFiles(llvm::ArrayRef<std::string> TUs,
                              std::map<std::string, std::string> &Errors) {
  llvm::StringSet<> Seen;
  for (const std::string &TU : TUs)
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(TU); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Seen.insert(Dir).second)
        break;
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, ".clang-tidy");
      llvm::sys::fs::file_status Status;
      if (llvm::sys::fs::status(Path, Status))
        continue;
      std::string File(Path);
      if (!llvm::sys::fs::is_regular_file(Status))
        Errors.try_emplace(File, File + ": not a regular file");
      else if (::access(File.c_str(), R_OK) != 0)
        Errors.try_emplace(File, File + ": cannot read it: " +
                                     std::string(std::strerror(errno)));
      break;
    }
}

/// The Checks errors of \p Options (ConfigVerifier.h), and a configuration
/// that enables no poolguard check, in \p Errors.
void verifyChecks(const ClangTidyOptions &Options,
                  std::map<std::string, std::string> &Errors) {
  const std::string Checks = Options.Checks.value_or("");
  for (std::string &E : checkGlobErrors(Checks, /*AllMustMatch=*/false))
    Errors.try_emplace(E, E);
  if (llvm::none_of(enabledCheckNames(Options), [](const std::string &C) {
        return llvm::StringRef(C).starts_with("poolguard-");
      })) {
    const std::string E =
        "the configuration enables no poolguard check; see --list-checks";
    Errors.try_emplace(E, E);
  }
}

/// Leaves out of \p TUs those matching \p Exclude, else the project's
/// ExcludeTranslationUnits option (vendored code); an invalid expression is
/// a configuration error.
void excludeTranslationUnits(llvm::StringRef Exclude,
                             const ClangTidyOptions &Project,
                             std::vector<std::string> &TUs,
                             std::map<std::string, std::string> &Errors) {
  std::string Pattern = Exclude.str();
  auto It = Project.CheckOptions.find("ExcludeTranslationUnits");
  if (Pattern.empty() && It != Project.CheckOptions.end())
    Pattern = It->getValue().Value;
  if (Pattern.empty())
    return;
  llvm::Regex Re(Pattern);
  std::string Why;
  if (!Re.isValid(Why)) {
    std::string E = "invalid regular expression '" + Pattern +
                    "' for the translation units to exclude: " + Why;
    Errors.try_emplace(E, E);
    return;
  }
  llvm::erase_if(TUs, [&](const std::string &TU) { return Re.match(TU); });
}

/// The ModelFiles and ConfigFiles that \p Options sets (for any check or
/// globally, anchored by the provider), added to \p Models and \p Configs.
void addPathOptions(const ClangTidyOptions &Options,
                    std::vector<std::string> &Models,
                    std::vector<std::string> &Configs) {
  for (const auto &E : Options.CheckOptions) {
    llvm::StringRef Name = E.getKey().rsplit('.').second;
    if (Name.empty())
      Name = E.getKey();
    std::vector<std::string> *To = Name == "ModelFiles"    ? &Models
                                   : Name == "ConfigFiles" ? &Configs
                                                           : nullptr;
    if (To)
      llvm::append_range(*To, splitPathList(E.getValue().Value));
  }
}

using ConfigHandlerList = std::vector<std::pair<
    std::string,
    std::function<llvm::ErrorOr<ClangTidyOptions>(llvm::MemoryBufferRef)>>>;

/// clang-tidy's FileOptionsProvider (nearest .clang-tidy up the tree) with
/// our own parser, which records malformed files as configuration errors.
class StrictFileOptionsProvider : public FileOptionsProvider {
public:
  StrictFileOptionsProvider(ClangTidyGlobalOptions Global,
                            ClangTidyOptions Defaults,
                            ClangTidyOptions Overrides,
                            ConfigHandlerList Handlers)
      : FileOptionsProvider(std::move(Global), std::move(Defaults),
                            std::move(Overrides),
                            llvm::vfs::getRealFileSystem()) {
    ConfigHandlers = std::move(Handlers);
  }
};

} // namespace

struct Driver::Impl {
  DriverOptions Opts;
  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  ClangTidyOptions Project;
  std::shared_ptr<const ModelSet> Models;
  std::string ModelsHash;
  std::string BinaryId; ///< This poolguard binary: size and time.
  std::vector<std::string> ConfigFiles; ///< The ConfigFiles option.
  /// The executables each source links into (CMake File API), if known.
  std::optional<SourcePrograms> Programs;
  /// Configuration errors, one per file however its path is spelled
  /// ("dir/./.clang-tidy" and "dir/.clang-tidy" are one file).
  std::map<std::string, std::string> ConfigErrors;
  FileCache Files;
  std::mutex HashMu;
  llvm::StringMap<std::string> ContentHashes;

  std::unique_ptr<ClangTidyOptionsProvider> makeProvider(bool PerTUOnly);
  std::string contentHash(llvm::StringRef Path);
  /// The names of the cross-TU checks' options (read by the reducers only).
  llvm::StringSet<> ReduceOnlyNames;
  ClangTidyOptions mapStepOptions(const ClangTidyOptions &TUOpts) const;
  std::string cacheKey(llvm::ArrayRef<tooling::CompileCommand> Cmds,
                       const ClangTidyOptions &TUOpts);
  std::optional<TUResult> readCache(const std::string &Key,
                                    llvm::StringRef File);
  TUResult analyze(const std::string &File,
                   std::vector<std::pair<std::string, std::string>> &Deps);
  TUResult parse(const std::string &File, const LibraryFiles *Libraries,
                 unsigned &Skipped,
                 std::vector<std::pair<std::string, std::string>> &Deps);
  void verifySkipBodies(
      const std::string &File, TUResult &R,
      const std::vector<std::pair<std::string, std::string>> &DepHashes);
  /// The library files whose bodies are skipped; none with --no-skip-bodies.
  std::optional<LibraryFiles> Libraries;
  /// POOLGUARD_VERIFY_SKIP_BODIES: every TU parsed with skipped bodies is
  /// parsed again in full and the two results compared.
  bool VerifySkipBodies = false;
  ReportDiagnostic toReport(const ClangTidyError &D, llvm::StringRef Dir);
  [[noreturn]] void workerMain(const std::string &File,
                               const std::string &OutPath,
                               const std::string &ErrPath);
  TUResult failed(const std::string &File, std::string Why);
  bool selects(const llvm::StringSet<> &Selected, llvm::StringRef File);
  uint64_t PeakWorkerKB = 0;
  /// The enabled checks as clang-tidy creates them, for the cross-TU
  /// findings (made by prepare()).
  std::unique_ptr<ReportPhase> Checks;
  GroupAnchor Anchor; ///< See Driver::setGroupAnchor.
};

Driver::Driver(DriverOptions Opts) : P(std::make_unique<Impl>()) {
  P->Opts = std::move(Opts);
  P->Opts.Database =
      std::make_shared<UniqueCommandsDatabase>(std::move(P->Opts.Database));
  std::set<std::string> Unique;
  for (const std::string &F : P->Opts.Database->getAllFiles())
    Unique.insert(absolutePath(F, ""));
  // A fixed database ('file.cpp -- args') lists no files: the TUs are the
  // files named on the command line. A source file named on the command line
  // that the database does not list (a new file, not built yet) is analyzed
  // with an inferred command, as clang-tidy does.
  for (const std::string &F : P->Opts.Files)
    if (Unique.empty() || isSourceFile(F))
      Unique.insert(F);
  TUs.assign(Unique.begin(), Unique.end());
}

Driver::~Driver() = default;

std::unique_ptr<ClangTidyOptionsProvider>
Driver::Impl::makeProvider(bool PerTUOnly) {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,poolguard-*";
  Defaults.HeaderFilterRegex = "";
  ClangTidyOptions Override = Opts.Overrides;
  // poolguard runs its own checks only, whatever the globs say: '*' in a
  // .clang-tidy shared with clang-tidy must not start the static analyzer.
  // Compiler errors are reported all the same.
  std::string Checks = Override.Checks.value_or("");
  Override.Checks = (Checks.empty() ? "" : Checks + ",") +
                    "-clang-analyzer-*,-clang-diagnostic-*";
  if (PerTUOnly) {
    // The cross-TU checks run on merged facts, not in the per-TU pass.
    std::string Checks = Override.Checks.value_or("");
    for (const CheckInfo &C : PoolGuardChecks)
      if (C.Kind == CheckKind::CrossTU)
        Checks += (",-" + C.Name).str();
    Override.Checks = Checks;
  }
  if (Opts.FixedConfig)
    return std::make_unique<ConfigOptionsProvider>(Global, Defaults,
                                                   *Opts.FixedConfig, Override);
  // Like clang-tidy's FileOptionsProvider, but a malformed .clang-tidy is a
  // configuration error, not a warning to skip past. The handler records it
  // and returns empty options, so clang-tidy prints nothing of its own; the
  // run stops at prepare().
  ConfigHandlerList Handlers;
  auto *Errors = &ConfigErrors;
  Handlers.emplace_back(
      ".clang-tidy",
      [Errors](llvm::MemoryBufferRef Config)
          -> llvm::ErrorOr<ClangTidyOptions> {
        const std::string File = absolutePath(Config.getBufferIdentifier());
        auto Parsed = parseConfigFile(Config, File);
        if (!Parsed) {
          Errors->try_emplace(File, llvm::toString(Parsed.takeError()));
          return ClangTidyOptions();
        }
        // Paths in a .clang-tidy are relative to its directory.
        anchorPathOptions(*Parsed, llvm::sys::path::parent_path(File));
        return *Parsed;
      });
  return std::make_unique<StrictFileOptionsProvider>(Global, Defaults, Override,
                                                     std::move(Handlers));
}

void Driver::setProjectDirs(ProjectRoots Dirs) {
  P->Opts.ProjectDirs = std::move(Dirs);
}

llvm::Error Driver::prepare() {
  P->Provider = P->makeProvider(/*PerTUOnly=*/false);
  llvm::SmallString<256> Root(P->Opts.DatabaseDir);
  if (Root.empty())
    llvm::sys::fs::current_path(Root);
  llvm::sys::path::append(Root, "poolguard-project-root.cpp");
  P->Project = P->Provider->getOptions(Root);
  excludeTranslationUnits(P->Opts.Exclude, P->Project, TUs, P->ConfigErrors);
  // Every TU's own configuration must parse, and enable poolguard checks.
  verifyChecks(P->Project, P->ConfigErrors);
  for (const std::string &TU : TUs)
    verifyChecks(P->Provider->getOptions(TU), P->ConfigErrors);
  if (!P->Opts.FixedConfig)
    checkReadableConfigFiles(TUs, P->ConfigErrors);
  if (!P->ConfigErrors.empty()) {
    std::string Text;
    for (const auto &Entry : P->ConfigErrors)
      Text += Entry.second + "\n";
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   llvm::StringRef(Text)
                                       .rtrim()
                                       .str()
                                       .c_str());
  }

  // The checks, made by clang-tidy's factories, read and validate their own
  // options; an invalid value is a configuration error, as in clang-tidy.
  P->Checks = std::make_unique<ReportPhase>(P->makeProvider(/*PerTUOnly=*/false),
                                            Root);
  if (!P->Checks->configErrors().empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s",
        llvm::join(P->Checks->configErrors(), "\n").c_str());

  // Models: the built-in ones plus the ModelFiles of the enabled cross-TU
  // checks; configuration files: their ConfigFiles. The map step collects
  // facts once for all of them.
  std::vector<std::string> ModelFiles;
  for (const CrossTUCheck *C : P->Checks->crossTUChecks()) {
    llvm::append_range(ModelFiles, C->modelFiles());
    llvm::append_range(P->ConfigFiles, C->configFiles());
  }
  for (CrossTUCheck *C : P->Checks->crossTUChecks()) {
    ClangTidyOptions::OptionMap Own;
    C->storeOptions(Own);
    for (const auto &E : Own)
      P->ReduceOnlyNames.insert(E.getKey().rsplit('.').second);
  }
  // A .clang-tidy below the project's root (a subproject's) adds its own.
  for (const std::string &TU : TUs)
    addPathOptions(P->Provider->getOptions(TU), ModelFiles, P->ConfigFiles);
  for (std::vector<std::string> *List : {&ModelFiles, &P->ConfigFiles}) {
    llvm::sort(*List);
    List->erase(std::unique(List->begin(), List->end()), List->end());
  }
  if (P->Opts.SkipBodies) {
    auto Libraries = LibraryFiles::create(P->Opts.ProjectDirs,
                                          P->Opts.LibraryHeaders);
    if (!Libraries)
      return Libraries.takeError();
    P->Libraries = std::move(*Libraries);
  }
  P->VerifySkipBodies = llvm::sys::Process::GetEnv(
                            "POOLGUARD_VERIFY_SKIP_BODIES")
                            .value_or("") == "1";
  auto Models = loadModels(ModelFiles);
  if (!Models)
    return Models.takeError();
  P->Models = *Models;
  std::string ModelText;
  for (const std::string &F : ModelFiles)
    if (const std::string *Text = P->Files.get(F))
      ModelText += F + "\n" + *Text;
  P->ModelsHash = ::poolguard::contentHash(ModelText);
  // Which sources link together, when the build directory has a CMake File
  // API codemodel reply; else programs are the TUs defining main.
  if (!P->Opts.DatabaseDir.empty()) {
    auto Programs = readCMakePrograms(P->Opts.DatabaseDir);
    if (!Programs)
      return Programs.takeError();
    P->Programs = std::move(*Programs);
  }
  // A rebuilt poolguard of the same version may extract other facts: the
  // binary's identity is part of every cache key.
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::sys::fs::file_status ExeStatus;
  if (!Exe.empty() && !llvm::sys::fs::status(Exe, ExeStatus))
    P->BinaryId = std::to_string(ExeStatus.getSize()) + ":" +
                  std::to_string(ExeStatus.getLastModificationTime()
                                     .time_since_epoch()
                                     .count());
  return llvm::Error::success();
}

const ClangTidyOptions &Driver::projectOptions() const { return P->Project; }

BudgetOptions Driver::budgetOptions() const {
  return P->Checks->budgetOptions();
}

std::string Driver::Impl::contentHash(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(HashMu);
    auto It = ContentHashes.find(Path);
    if (It != ContentHashes.end())
      return It->second;
  }
  // Paths come from cache entries, which may be corrupt: a FIFO, a device or
  // a huge file is not read, and its stand-in changes whenever its size or
  // time does.
  auto Buf = readInputFile(Path, MaxDataFileBytes);
  std::string H = "missing";
  llvm::sys::fs::file_status Status;
  if (Buf)
    H = ::poolguard::contentHash((*Buf)->getBuffer());
  else if (std::error_code EC = llvm::errorToErrorCode(Buf.takeError());
           EC != std::errc::no_such_file_or_directory &&
           !llvm::sys::fs::status(Path, Status))
    H = llvm::formatv(
            "unreadable {0} {1}", Status.getSize(),
            Status.getLastModificationTime().time_since_epoch().count())
            .str();
  std::lock_guard<std::mutex> Lock(HashMu);
  ContentHashes[Path] = H;
  return H;
}

ClangTidyOptions
Driver::Impl::mapStepOptions(const ClangTidyOptions &TUOpts) const {
  // The cross-TU checks' options are read by their reducers, on the merged
  // facts: changing MaxConnections keeps every map result. Their ModelFiles
  // and ConfigFiles do change the facts: the key has the models' hash and
  // the configuration files instead.
  ClangTidyOptions Keyed = TUOpts;
  std::vector<std::string> Drop;
  for (const auto &E : Keyed.CheckOptions) {
    auto [Prefix, Name] = E.getKey().split('.');
    bool CrossTU = llvm::any_of(PoolGuardChecks, [&](const CheckInfo &C) {
      return C.Kind == CheckKind::CrossTU && C.Name == Prefix;
    });
    if (CrossTU || (Name.empty() && ReduceOnlyNames.contains(Prefix)))
      Drop.push_back(E.getKey().str());
  }
  for (const std::string &K : Drop)
    Keyed.CheckOptions.erase(K);
  return Keyed;
}

std::string
Driver::Impl::cacheKey(llvm::ArrayRef<tooling::CompileCommand> Cmds,
                       const ClangTidyOptions &TUOpts) {
  std::string Key = POOLGUARD_VERSION "\n" + BinaryId + "\n" + ModelsHash;
  // Every command of the file: each is analyzed.
  for (const tooling::CompileCommand &Cmd : Cmds) {
    Key += "\n" + Cmd.Directory + "\n" + Cmd.Filename + "\n";
    for (const std::string &A : Cmd.CommandLine)
      Key += A + "\x1f";
  }
  Key += "\n";
  for (const std::string &A : Opts.ExtraArgsBefore)
    Key += A + "\x1f";
  for (const std::string &A : Opts.ExtraArgs)
    Key += A + "\x1f";
  Key += "\n" + configurationAsText(mapStepOptions(TUOpts)) + "\n" +
         llvm::join(ConfigFiles, ";");
  // Which bodies were skipped: --no-skip-bodies really parses them all.
  Key += "\nskip bodies: " + (Libraries ? Libraries->describe() : "no");
  Key += "\n" + Opts.PathRoot; // Results name files relative to it.
  return ::poolguard::contentHash(Key);
}

static json resultToJSON(const TUResult &R,
                         const std::vector<std::pair<std::string, std::string>>
                             &Deps) {
  json Diags = json::array();
  for (const ReportDiagnostic &D : R.Diagnostics)
    Diags.push_back(json(diagnosticToJSON(D, /*WithOffsets=*/true)));
  json DepsJ = json::array();
  for (const auto &[Path, Hash] : Deps)
    DepsJ.push_back({{"path", Path}, {"hash", Hash}});
  json Facts = factsToJSONValue(R.Facts);
  return {{"version", POOLGUARD_VERSION}, {"file", R.File},
          {"failed", R.Failed},           {"error", R.Error},
          {"diagnostics", Diags},         {"facts", Facts},
          {"deps", DepsJ},                {"configErrors", R.ConfigErrors},
          {"reparsedInFull", R.ReparsedInFull},
          {"nolintSuppressed", R.SuppressedByNolint}};
}

std::optional<TUResult> Driver::Impl::readCache(const std::string &Key,
                                                llvm::StringRef File) {
  if (Opts.CacheDir.empty())
    return std::nullopt;
  llvm::SmallString<256> Path(Opts.CacheDir);
  llvm::sys::path::append(Path, Key + ".json");
  // An entry that cannot be read or is not what poolguard writes is
  // recomputed (and then replaced), never an error.
  auto Buf = readInputFile(Path, MaxDataFileBytes);
  if (!Buf) {
    llvm::consumeError(Buf.takeError());
    return std::nullopt;
  }
  auto J = parseJSON((*Buf)->getBuffer(), Path);
  if (!J) {
    llvm::consumeError(J.takeError());
    return std::nullopt;
  }
  // Valid only while the TU and every file it read are unchanged.
  auto Deps = J->is_object() ? J->find("deps") : J->end();
  if (Deps == J->end() || !Deps->is_array() || Deps->empty())
    return std::nullopt;
  for (size_t I = 0; I < Deps->size(); ++I) {
    std::string Error;
    JSONFieldReader D((*Deps)[I], "deps", Error);
    std::string DepPath = D.str("path"), Hash = D.str("hash");
    if (!Error.empty() || contentHash(DepPath) != Hash)
      return std::nullopt;
  }
  auto R = resultFromJSON(*J, Path, "");
  if (!R) {
    llvm::consumeError(R.takeError());
    return std::nullopt;
  }
  if (R->File != File)
    return std::nullopt;
  R->FromCache = true;
  return std::move(*R);
}

ReportDiagnostic Driver::Impl::toReport(const ClangTidyError &D,
                                        llvm::StringRef Dir) {
  ReportDiagnostic R;
  R.Check = D.DiagnosticName;
  // A warning of a check named by WarningsAsErrors is an error.
  R.Severity = D.DiagLevel == tooling::Diagnostic::Error || D.IsWarningAsError
                   ? "error"
                   : "warning";
  R.Message = D.Message.Message;
  auto Locate = [&](llvm::StringRef FilePath, unsigned Offset,
                    std::string &File, unsigned &Line, unsigned &Column) {
    if (FilePath.empty())
      return;
    File = absolutePath(FilePath, Dir);
    if (const std::string *Text = this->Files.get(File))
      std::tie(Line, Column) = lineColumn(*Text, Offset);
  };
  R.Offset = D.Message.FileOffset;
  Locate(D.Message.FilePath, D.Message.FileOffset, R.File, R.Line, R.Column);
  for (const tooling::DiagnosticMessage &N : D.Notes) {
    ReportNote Note;
    Note.Message = N.Message;
    Note.Offset = N.FileOffset;
    Locate(N.FilePath, N.FileOffset, Note.File, Note.Line, Note.Column);
    R.Notes.push_back(std::move(Note));
  }
  for (const auto &Entry : D.Message.Fix)
    for (const tooling::Replacement &Rep : Entry.second)
      R.Fixes.push_back({absolutePath(Rep.getFilePath(), Dir), Rep.getOffset(),
                         Rep.getLength(), Rep.getReplacementText().str()});
  llvm::sort(R.Fixes, [](const ReportFix &A, const ReportFix &B) {
    return std::tie(A.File, A.Offset) < std::tie(B.File, B.Offset);
  });
  return R;
}

/// The files of \p Names (as clang named them, relative to \p Dir) that lie
/// inside \p Root but are symlinks: real path -> name inside \p Root. Facts
/// name files by their real path; in a Bazel sandbox every input is a link
/// to the checkout, and the name inside the execution root is the hermetic
/// one. The smallest name wins when several link to one file.
static llvm::StringMap<std::string>
symlinkedUnder(llvm::ArrayRef<std::string> Names, llvm::StringRef Dir,
               llvm::StringRef Root) {
  llvm::StringMap<std::string> Aliases;
  if (Root.empty())
    return Aliases;
  for (const std::string &Name : Names) {
    const std::string Lexical = absolutePath(Name, Dir);
    llvm::SmallString<256> Real;
    if (llvm::sys::path::is_absolute(relativeToRoot(Lexical, Root)) ||
        llvm::sys::fs::real_path(Lexical, Real) || Real == Lexical)
      continue;
    auto [It, New] = Aliases.try_emplace(Real, Lexical);
    if (!New && Lexical < It->second)
      It->second = Lexical;
  }
  return Aliases;
}

/// Runs clang-tidy's per-TU checks and the facts collector on one TU, in the
/// current process; with \p Libraries, the bodies of library functions are
/// skipped (\p Skipped counts them).
TUResult Driver::Impl::parse(
    const std::string &File, const LibraryFiles *Libraries, unsigned &Skipped,
    std::vector<std::pair<std::string, std::string>> &DepHashes) {
  TUResult Result;
  Result.File = File;
  auto Provider = makeProvider(/*PerTUOnly=*/true);
  const ClangTidyOptions TUOpts = Provider->getOptions(File);
  ClangTidyContext Context(std::move(Provider));
  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true);
  TidyDiagnosticsEngine DE(Context, DiagConsumer);

  FactsCollector Collector(Models);
  Collector.setConfigFiles(ConfigFiles);
  ReadFiles Read;

  tooling::ClangTool Tool(*Opts.Database, {File});
  Tool.setDiagnosticConsumer(&DiagConsumer);
  Tool.appendArgumentsAdjuster(tooling::getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(tooling::getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(tooling::getClangStripDependencyFileAdjuster());
  if (!Opts.ExtraArgsBefore.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        Opts.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (!Opts.ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        Opts.ExtraArgs, tooling::ArgumentInsertPosition::END));
  // .clang-tidy ExtraArgsBefore/ExtraArgs, where clang-tidy puts them: after
  // the compiler's name, and at the end.
  if (TUOpts.ExtraArgsBefore && !TUOpts.ExtraArgsBefore->empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *TUOpts.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (TUOpts.ExtraArgs && !TUOpts.ExtraArgs->empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *TUOpts.ExtraArgs, tooling::ArgumentInsertPosition::END));
  // Clang's builtin headers live with the LLVM this tool was built against,
  // not beside the poolguard binary.
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, StringRef) {
        for (const std::string &A : Args)
          if (llvm::StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Out = Args;
        Out.insert(Out.begin() + std::min<size_t>(1, Out.size()),
                   "-resource-dir=" POOLGUARD_CLANG_RESOURCE_DIR);
        return Out;
      });

  /// What a parse needs besides clang-tidy's context.
  struct ParseState {
    FactsCollector &Collector;
    ReadFiles &Deps;
    const LibraryFiles *Libraries;
    unsigned &Skipped;
  };
  class Action : public ASTFrontendAction {
  public:
    Action(ClangTidyASTConsumerFactory &Factory, ParseState &State)
        : Factory(Factory), State(State) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      CI.getPreprocessor().addPPCallbacks(
          std::make_unique<ShadowRecorder>(CI.getPreprocessor(), State.Deps));
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(Factory.createASTConsumer(CI, File));
      Consumers.push_back(
          std::make_unique<FactsConsumer>(State.Collector, State.Deps));
      std::unique_ptr<BodySkipper> Skipper;
      if (State.Libraries)
        Skipper = std::make_unique<BodySkipper>(
            CI.getSourceManager(), *State.Libraries, State.Skipped);
      return std::make_unique<UserCodeConsumer>(std::move(Consumers),
                                                std::move(Skipper));
    }

  private:
    ClangTidyASTConsumerFactory &Factory;
    ParseState &State;
  };
  class Factory : public tooling::FrontendActionFactory {
  public:
    Factory(ClangTidyContext &Ctx, ParseState &State)
        : TidyFactory(Ctx), State(State) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<Action>(TidyFactory, State);
    }
    bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                       FileManager *Files,
                       std::shared_ptr<PCHContainerOperations> PCH,
                       DiagnosticConsumer *DiagConsumer) override {
      // As clang-tidy does: analysis sees __clang_analyzer__.
      Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
      // The consumer decides per declaration (UserCodeConsumer).
      Invocation->getFrontendOpts().SkipFunctionBodies =
          State.Libraries != nullptr;
      return FrontendActionFactory::runInvocation(Invocation, Files, PCH,
                                                  DiagConsumer);
    }

  private:
    ClangTidyASTConsumerFactory TidyFactory;
    ParseState &State;
  };

  ParseState State{Collector, Read, Libraries, Skipped};
  Factory F(Context, State);
  int RC = Tool.run(&F);
  std::string Dir;
  auto Cmds = Opts.Database->getCompileCommands(File);
  if (!Cmds.empty())
    Dir = Cmds.front().Directory;

  for (const ClangTidyError &E : DiagConsumer.take()) {
    ReportDiagnostic D = toReport(E, Dir);
    // The driver's errors about the command itself have no location: they
    // are about this TU.
    if (D.File.empty())
      D.File = File;
    // Compiler errors make the TU unanalyzable; clang-tidy's own errors
    // (an unmatched NOLINTBEGIN) are findings.
    if (llvm::StringRef(D.Check).starts_with("clang-diagnostic-") &&
        D.Severity == "error")
      Result.Failed = true;
    Result.Diagnostics.push_back(std::move(D));
  }
  Result.SuppressedByNolint = Context.getStats().ErrorsIgnoredNOLINT;
  if (RC != 0 && !Result.Failed) {
    Result.Failed = true;
    Result.Error = "could not be analyzed (the compiler failed)";
  }
  llvm::sort(Result.Diagnostics, diagLess);
  Result.Facts = Collector.takeFacts(File);
  // A malformed configuration file (userver YAML, Drogon JSON) is a
  // configuration error of the run, reported with its file and line.
  for (std::string &E : Collector.takeConfigErrors())
    Result.ConfigErrors.push_back(std::move(E));
  const llvm::StringMap<std::string> Aliases =
      symlinkedUnder(Read.Names, Dir, Opts.PathRoot);
  // Configuration files the TU's facts were joined with are dependencies of
  // its cache entry like the headers clang read.
  std::vector<std::string> Deps = std::move(Read.Names);
  for (const std::string &C : Result.Facts.ConfigFiles)
    Deps.push_back(C);
  // Absent files hash as "missing" until one appears.
  for (std::string &A : Read.Absent)
    Deps.push_back(std::move(A));
  llvm::StringMap<std::string> Parsed;
  for (const auto &Entry : Read.Hashes)
    Parsed[existingPath(Entry.getKey(), Dir)] = Entry.getValue();
  for (std::string &D : Deps)
    D = existingPath(D, Dir);
  llvm::sort(Deps);
  Deps.erase(std::unique(Deps.begin(), Deps.end()), Deps.end());
  Result.Facts.TranslationUnits = {File};
  for (const std::string &D : Deps) {
    auto It = Parsed.find(D);
    DepHashes.emplace_back(D, It != Parsed.end() ? It->second
                                                 : contentHash(D));
  }
  // Fixes apply to the bytes analyzed: remember them.
  for (ReportDiagnostic &D : Result.Diagnostics)
    for (ReportFix &F : D.Fixes) {
      auto It = llvm::lower_bound(
          DepHashes, F.File,
          [](const auto &Entry, const std::string &Path) {
            return Entry.first < Path;
          });
      if (It != DepHashes.end() && It->first == F.File)
        F.FileHash = It->second;
    }
  if (!Opts.PathRoot.empty())
    relativizePaths(Result, Opts.PathRoot, Aliases);
  return Result;
}

/// The first difference between two results, for the message of a failed
/// verification: the field, and its first line that differs.
static std::string firstDifference(const json &A, const json &B) {
  auto Text = [](const json &J) { // non-UTF-8 paths
    return J.dump(1, ' ', false, json::error_handler_t::replace);
  };
  for (auto It = A.begin(); It != A.end(); ++It) {
    auto Other = B.find(It.key());
    std::string X = Text(*It), Y = Other == B.end() ? "" : Text(*Other);
    if (X == Y)
      continue;
    llvm::SmallVector<StringRef> LX, LY;
    StringRef(X).split(LX, '\n');
    StringRef(Y).split(LY, '\n');
    size_t I = 0;
    while (I < LX.size() && I < LY.size() && LX[I] == LY[I])
      ++I;
    return llvm::formatv("{0}: '{1}' with skipped bodies, '{2}' without",
                         It.key(), I < LX.size() ? LX[I].trim() : "(end)",
                         I < LY.size() ? LY[I].trim() : "(end)");
  }
  return "";
}

TUResult Driver::Impl::analyze(
    const std::string &File,
    std::vector<std::pair<std::string, std::string>> &DepHashes) {
  unsigned Skipped = 0;
  if (!Libraries)
    return parse(File, nullptr, Skipped, DepHashes);
  TUResult R = parse(File, &*Libraries, Skipped, DepHashes);
  // A TU that fails with bodies skipped is parsed again in full: the
  // failure may be the skipping's (docs/performance.md), and the errors of a
  // full parse are the ones to report.
  if (R.Failed && Skipped) {
    DepHashes.clear();
    TUResult Full = parse(File, nullptr, Skipped, DepHashes);
    Full.ReparsedInFull = true;
    return Full;
  }
  if (VerifySkipBodies)
    verifySkipBodies(File, R, DepHashes);
  return R;
}

void Driver::Impl::verifySkipBodies(
    const std::string &File, TUResult &R,
    const std::vector<std::pair<std::string, std::string>> &DepHashes) {
  std::vector<std::pair<std::string, std::string>> FullDeps;
  unsigned Skipped = 0;
  // R.File may be relative to --path-root already: parse the TU's own name.
  TUResult Full = parse(File, nullptr, Skipped, FullDeps);
  json A = resultToJSON(R, DepHashes), B = resultToJSON(Full, FullDeps);
  if (A == B)
    return;
  R.Failed = true;
  R.Error = "skipping function bodies changed the result "
            "(POOLGUARD_VERIFY_SKIP_BODIES): " +
            firstDifference(A, B);
}

TUResult Driver::Impl::failed(const std::string &File, std::string Why) {
  TUResult R;
  R.File = File;
  R.Failed = true;
  R.Error = std::move(Why);
  R.Facts.TranslationUnits = {File};
  return R;
}

/// A worker's exit code when its memory limit (--tu-memory) was reached.
constexpr int WorkerOutOfMemory = 71;
/// A worker's exit code when it could not write its result.
constexpr int WorkerCannotWrite = 70;

[[noreturn]] static void workerOutOfMemory() {
  static const char Message[] = "poolguard: out of memory (--tu-memory)\n";
  (void)!::write(2, Message, sizeof(Message) - 1);
  ::_exit(WorkerOutOfMemory);
}

/// Binds a worker to its parent and bounds it: it dies with the parent
/// (however the parent ends, even by SIGKILL), its memory is limited, and
/// neither its stdout nor its stderr reaches the report (a `--help` or `-v`
/// in a compile command would otherwise print into JSON or SARIF output).
static void isolateWorker(pid_t Parent, const std::string &ErrPath,
                          unsigned MemoryMB) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != Parent) // The parent died before the line above.
    ::_exit(1);
  // The parent's handlers only set a flag its loop reads: a worker ends on
  // these signals as any process does.
  for (int Sig : {SIGINT, SIGTERM, SIGHUP})
    ::signal(Sig, SIG_DFL);
  // Compiler crash reports and clang's own messages go to a file the parent
  // shows when the TU fails.
  int ErrFD = ::open(ErrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (ErrFD >= 0) {
    ::dup2(ErrFD, 1);
    ::dup2(ErrFD, 2);
    ::close(ErrFD);
  }
#if !defined(__SANITIZE_ADDRESS__)
  // RLIMIT_DATA counts the heap and private mappings, not the mapped source
  // files. (ASan's shadow memory is a private mapping of terabytes: no limit
  // in a sanitized build.)
  if (MemoryMB) {
    struct rlimit Limit;
    Limit.rlim_cur = Limit.rlim_max = static_cast<rlim_t>(MemoryMB) << 20;
    ::setrlimit(RLIMIT_DATA, &Limit);
  }
#endif
  std::set_new_handler(workerOutOfMemory);
  llvm::install_bad_alloc_error_handler(
      [](void *, const char *, bool) { workerOutOfMemory(); });
}

/// The worker process: analyze one TU, write the result, exit.
void Driver::Impl::workerMain(const std::string &File,
                              const std::string &OutPath,
                              const std::string &ErrPath) {
  std::vector<std::pair<std::string, std::string>> Deps;
  TUResult R = analyze(File, Deps);
  std::string Text = resultToJSON(R, Deps).dump(
      -1, ' ', false, json::error_handler_t::replace); // non-UTF-8 paths
  if (llvm::Error E = writeFileAtomically(OutPath, Text)) {
    llvm::errs() << llvm::toString(std::move(E)) << "\n";
    ::_exit(WorkerCannotWrite);
  }
  llvm::errs().flush();
  ::_exit(0);
}

/// Scratch directories are named PREFIX<pid>-XXXXXXXX after the run that
/// made them; the run holds an exclusive flock(2) on ScratchLock inside it
/// for as long as it lives (its workers inherit the lock).
static const char ScratchPrefix[] = "poolguard-scratch-";
static const char ScratchLock[] = "owner.lock";

/// Whether no live run owns the scratch directory \p Dir. The pid in its
/// name is not enough: a run in another PID namespace sharing the directory
/// (a container, a sandbox) has a pid that means nothing here, so the
/// directory is abandoned only when its lock is free too. A directory with
/// no lock file is a run between creating it and locking it, unless it is
/// older than a minute.
static bool scratchAbandoned(llvm::StringRef Dir) {
  llvm::SmallString<256> Lock(Dir);
  llvm::sys::path::append(Lock, ScratchLock);
  int FD = ::open(Lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (FD < 0) {
    llvm::sys::fs::file_status Status;
    return !llvm::sys::fs::status(Dir, Status) &&
           Status.getLastModificationTime() <
               std::chrono::system_clock::now() - std::chrono::minutes(1);
  }
  const bool Free = ::flock(FD, LOCK_EX | LOCK_NB) == 0;
  ::close(FD);
  return Free;
}

/// Removes the scratch directories under \p Parent whose run is gone (it
/// was killed with SIGKILL, or the machine went down).
static void sweepScratch(llvm::StringRef Parent) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Parent, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (!Name.consume_front(ScratchPrefix))
      continue;
    int Pid;
    if (Name.split('-').first.getAsInteger(10, Pid) || Pid <= 0)
      continue;
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status) ||
        Status.getUser() != ::geteuid())
      continue;
    if (::kill(Pid, 0) != 0 && errno == ESRCH && scratchAbandoned(It->path()))
      llvm::sys::fs::remove_directories(It->path());
  }
}

/// Takes the lock that marks \p Dir as this run's (see scratchAbandoned);
/// the lock goes with the descriptor, closed when the run ends.
static int lockScratch(llvm::StringRef Dir) {
  llvm::SmallString<256> Lock(Dir);
  llvm::sys::path::append(Lock, ScratchLock);
  int FD = ::open(Lock.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (FD >= 0 && ::flock(FD, LOCK_EX | LOCK_NB) != 0) {
    ::close(FD);
    return -1;
  }
  return FD;
}

namespace {
volatile sig_atomic_t PendingSignal = 0;

/// Catches SIGINT, SIGTERM and SIGHUP while workers run, so that the map
/// loop can end them and clean up; restores the previous handlers after.
class InterruptGuard {
public:
  InterruptGuard() {
    PendingSignal = 0;
    struct sigaction Action = {};
    Action.sa_handler = [](int Sig) { PendingSignal = Sig; };
    sigemptyset(&Action.sa_mask);
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Action, &Old[I]);
  }
  ~InterruptGuard() {
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Old[I], nullptr);
  }
  int pending() const { return PendingSignal; }
  /// Ends the process by \p Sig as if it had not been caught.
  [[noreturn]] void reraise(int Sig) {
    for (int I = 0; I < 3; ++I)
      ::sigaction(Signals[I], &Old[I], nullptr);
    ::signal(Sig, SIG_DFL);
    ::raise(Sig);
    ::_exit(128 + Sig);
  }

private:
  static constexpr int Signals[3] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction Old[3];
};
} // namespace

std::vector<TUResult> Driver::map(llvm::ArrayRef<size_t> Indices) {
  Impl &I = *P;
  std::vector<TUResult> Results(Indices.size());
  struct Job {
    size_t Index;
    std::string File, Key;
  };
  std::vector<Job> Pending;
  for (size_t Pos = 0; Pos < Indices.size(); ++Pos) {
    assert(Indices[Pos] < TUs.size() && "TU index out of range");
    const std::string &File = TUs[Indices[Pos]];
    TUResult &Slot = Results[Pos];
    auto Cmds = I.Opts.Database->getCompileCommands(File);
    if (Cmds.empty()) {
      Slot = I.failed(File, "no compile command for this file");
      continue;
    }
    if (!llvm::sys::fs::exists(File)) {
      Slot = I.failed(File, "file not found (named by the compile database)");
      continue;
    }
    // A FIFO, a device or a huge file is not parsed; a binary file would
    // give pages of compiler errors quoting raw bytes.
    std::string Why;
    const std::string *Text = I.Files.get(File, &Why);
    if (!Text) {
      Slot = I.failed(File, "cannot read the file: " + Why);
      continue;
    }
    if (llvm::StringRef(*Text).take_front(65536).contains('\0')) {
      Slot = I.failed(File, "not a C++ source file (it contains NUL bytes)");
      continue;
    }
    if (!Cmds.front().Heuristic.empty() && I.Opts.Notes)
      llvm::WithColor::note(llvm::errs(), "poolguard")
          << "'" << File << "' is not in the compile database; analyzed "
          << "with a command " << Cmds.front().Heuristic << "\n";
    std::string Key = I.cacheKey(Cmds, I.Provider->getOptions(File));
    if (auto Cached = I.readCache(Key, File)) {
      Slot = std::move(*Cached);
      continue;
    }
    Pending.push_back({Pos, File, Key});
  }

  // Scratch space for worker results: inside the cache directory when there
  // is one, so a finished result becomes a cache entry by a rename.
  const pid_t Parent = ::getpid();
  llvm::SmallString<256> ScratchParent;
  if (!I.Opts.CacheDir.empty())
    ScratchParent = I.Opts.CacheDir;
  else
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true,
                                           ScratchParent);
  llvm::SmallString<256> Scratch;
  if (Pending.empty())
    return Results;
  // Only a run that starts workers sweeps: a fully cached run stays cheap.
  sweepScratch(ScratchParent);
  {
    llvm::SmallString<256> Model(ScratchParent);
    llvm::sys::path::append(Model, ScratchPrefix + std::to_string(Parent) +
                                       "-%%%%%%%%");
    if (std::error_code EC =
            llvm::sys::fs::createUniqueDirectory(Model, Scratch)) {
      for (const Job &J : Pending)
        Results[J.Index] = I.failed(
            J.File, ("cannot create a scratch directory in '" +
                     ScratchParent + "': " + EC.message())
                        .str());
      return Results;
    }
  }
  const int ScratchLockFD = lockScratch(Scratch);
  auto RemoveScratch = [&] {
    llvm::sys::fs::remove_directories(Scratch);
    if (ScratchLockFD >= 0)
      ::close(ScratchLockFD);
  };
  // SIGINT, SIGTERM and SIGHUP end the workers and remove the scratch
  // directory before the run ends by the same signal; after a SIGKILL the
  // workers die with the parent (PR_SET_PDEATHSIG) and the next run sweeps
  // the scratch directory.
  InterruptGuard Interrupts;

  struct Running {
    Job J;
    pid_t Pid;
    std::chrono::steady_clock::time_point Start;
    std::string Out, Err;
  };
  std::vector<Running> Active;
  size_t Next = 0, Done = 0;
  unsigned Jobs = std::max(1u, I.Opts.Jobs);
  auto Finish = [&](Running &R, int Status, bool TimedOut) {
    ++Done;
    TUResult Res;
    std::string ErrText;
    if (const auto Buf = llvm::MemoryBuffer::getFile(R.Err))
      ErrText = llvm::StringRef((*Buf)->getBuffer()).trim().str();
    if (TimedOut) {
      Res = I.failed(R.J.File,
                     llvm::formatv("analysis took longer than {0} s "
                                   "(--tu-timeout); the TU was abandoned",
                                   I.Opts.TUTimeoutSeconds));
    } else if (WIFEXITED(Status) &&
               WEXITSTATUS(Status) == WorkerCannotWrite) {
      // On a full disk the error file may be empty too: name the place.
      Res = I.failed(R.J.File,
                     "the analysis worker could not write its result in '" +
                         std::string(Scratch) + "' (is the disk full?)" +
                         (ErrText.empty() ? "" : ": " + ErrText));
    } else if (WIFEXITED(Status) &&
               WEXITSTATUS(Status) == WorkerOutOfMemory) {
      Res = I.failed(R.J.File,
                     llvm::formatv("analysis needed more than {0} MiB of "
                                   "memory (--tu-memory); the TU was "
                                   "abandoned",
                                   I.Opts.TUMemoryMB));
    } else if (WIFSIGNALED(Status) ||
               (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)) {
      std::string Why =
          WIFSIGNALED(Status)
              ? llvm::formatv("poolguard crashed while analyzing this TU "
                              "(signal {0})",
                              WTERMSIG(Status))
                    .str()
              : llvm::formatv("the analysis worker failed (exit code {0})",
                              WEXITSTATUS(Status))
                    .str();
      if (!ErrText.empty())
        Why += ":\n" + ErrText;
      Res = I.failed(R.J.File, Why);
    } else {
      auto Buf = readInputFile(R.Out, MaxDataFileBytes);
      auto J = Buf ? parseJSON((*Buf)->getBuffer(), R.Out)
                   : llvm::Expected<json>(Buf.takeError());
      auto Parsed = J ? resultFromJSON(*J, R.Out, "")
                      : llvm::Expected<TUResult>(J.takeError());
      if (!Parsed) {
        llvm::consumeError(Parsed.takeError());
        Res = I.failed(R.J.File, "the analysis worker wrote no result");
      } else {
        Res = std::move(*Parsed);
        if (Res.Failed && Res.Error.empty() && Res.Diagnostics.empty())
          Res.Error = ErrText;
        if (!Res.Failed && Res.ConfigErrors.empty() &&
            !I.Opts.CacheDir.empty()) {
          llvm::SmallString<256> Entry(I.Opts.CacheDir);
          llvm::sys::path::append(Entry, R.J.Key + ".json");
          if (!llvm::sys::fs::rename(R.Out, Entry))
            R.Out.clear();
        }
      }
    }
    if (!R.Out.empty())
      llvm::sys::fs::remove(R.Out);
    llvm::sys::fs::remove(R.Err);
    Results[R.J.Index] = std::move(Res);
  };

  while (Next < Pending.size() || !Active.empty()) {
    if (int Sig = Interrupts.pending()) {
      for (Running &R : Active) {
        ::kill(R.Pid, SIGKILL);
        ::waitpid(R.Pid, nullptr, 0);
      }
      RemoveScratch();
      Interrupts.reraise(Sig);
    }
    while (Next < Pending.size() && Active.size() < Jobs) {
      Running R{Pending[Next], 0, std::chrono::steady_clock::now(), "", ""};
      llvm::SmallString<256> Out(Scratch), Err(Scratch);
      llvm::sys::path::append(Out, std::to_string(R.J.Index) + ".json");
      llvm::sys::path::append(Err, std::to_string(R.J.Index) + ".err");
      R.Out = std::string(Out);
      R.Err = std::string(Err);
      if (I.Opts.Progress)
        llvm::errs() << (I.Opts.ProgressInPlace ? "\r\x1b[K" : "") << "["
                     << Next + 1 << "/" << Pending.size() << "] " << R.J.File
                     << (I.Opts.ProgressInPlace ? "" : "\n");
      llvm::errs().flush();
      llvm::outs().flush();
      pid_t Pid = ::fork();
      if (Pid == 0) {
        isolateWorker(Parent, R.Err, I.Opts.TUMemoryMB);
        I.workerMain(R.J.File, R.Out, R.Err);
      }
      ++Next;
      if (Pid < 0) {
        Results[R.J.Index] = I.failed(R.J.File, "cannot start a worker");
        continue;
      }
      R.Pid = Pid;
      Active.push_back(std::move(R));
    }
    bool Progressed = false;
    for (size_t K = 0; K < Active.size();) {
      int Status = 0;
      struct rusage Usage;
      pid_t W = ::wait4(Active[K].Pid, &Status, WNOHANG, &Usage);
      bool TimedOut = false;
      if (W == 0) {
        auto Elapsed = std::chrono::steady_clock::now() - Active[K].Start;
        if (I.Opts.TUTimeoutSeconds == 0 ||
            Elapsed < std::chrono::seconds(I.Opts.TUTimeoutSeconds)) {
          ++K;
          continue;
        }
        ::kill(Active[K].Pid, SIGKILL);
        ::wait4(Active[K].Pid, &Status, 0, &Usage);
        TimedOut = true;
      }
      I.PeakWorkerKB =
          std::max<uint64_t>(I.PeakWorkerKB, static_cast<uint64_t>(Usage.ru_maxrss));
      Finish(Active[K], Status, TimedOut);
      Active.erase(Active.begin() + K);
      Progressed = true;
    }
    if (!Progressed)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  RemoveScratch();
  if (I.Opts.Progress && I.Opts.ProgressInPlace)
    llvm::errs() << "\r\x1b[K"; // The next message starts on a clean line.
  return Results;
}

bool Driver::Impl::selects(const llvm::StringSet<> &Selected,
                           llvm::StringRef File) {
  return Selected.empty() || Selected.contains(File);
}

void Driver::setGroupAnchor(GroupAnchor Anchor) {
  P->Anchor = std::move(Anchor);
}

Report Driver::reportFromFacts(const Facts &Merged) {
  Report R;
  llvm::StringSet<> Selected;
  for (const std::string &F : P->Opts.Files)
    Selected.insert(F);
  // A finding is reported when it touches a selected file (its location or
  // a note's).
  auto Touches = [&](const Finding &F) {
    if (P->selects(Selected, F.Loc.File))
      return true;
    return llvm::any_of(F.Notes, [&](const FindingNote &N) {
      return P->selects(Selected, N.Loc.File);
    });
  };
  for (const ReportedError &E : P->Checks->report(Merged, Touches, P->Anchor)) {
    ReportDiagnostic D = P->toReport(E.Error, P->Opts.DatabaseDir);
    D.Key = E.Key;
    for (const SourcePos &M : E.Members)
      D.Members.push_back({M.File, M.Line, M.Column});
    // Unmatched NOLINTBEGIN/NOLINTEND met on the way are errors, as in
    // clang-tidy, in the files asked for (the per-TU pass reports those of
    // main files the same way; duplicates are removed with the rest).
    if (D.Check == "clang-tidy-nolint" && !P->selects(Selected, D.File))
      continue;
    R.Diagnostics.push_back(std::move(D));
  }
  llvm::sort(R.Diagnostics, diagLess);
  R.SuppressedByNolint = P->Checks->suppressedByNolint();
  return R;
}

Report Driver::report(std::vector<TUResult> Results, Facts *MergedOut) {
  llvm::StringSet<> Selected;
  for (const std::string &F : P->Opts.Files)
    Selected.insert(F);
  std::vector<Facts> Parts;
  std::vector<ReportDiagnostic> PerTU;
  Report R0;
  unsigned Failed = 0;
  for (TUResult &T : Results) {
    if (P->Programs)
      assignPrograms(*P->Programs, T.File, T.Facts);
    bool Chosen = P->selects(Selected, T.File);
    llvm::append_range(R0.ConfigErrors, T.ConfigErrors);
    if (T.FromCache)
      ++R0.TUsFromCache;
    if (Chosen)
      R0.SuppressedByNolint += T.SuppressedByNolint;
    if (!T.Failed)
      ++R0.TUsAnalyzed;
    if (!T.FromCache)
      R0.TUsReparsedInFull += T.ReparsedInFull;
    if (T.Failed && !Chosen) {
      // Not asked for: its facts are missing from the merge, which is worth
      // saying, but it does not fail a run over other files.
      llvm::errs() << "poolguard: note: " << T.File
                   << " could not be analyzed; cross-TU findings may be "
                      "incomplete\n";
      ++R0.TUsFailedUnselected;
      Parts.push_back(std::move(T.Facts));
      continue;
    }
    if (T.Failed) {
      ++Failed;
      bool HasError = llvm::any_of(T.Diagnostics, [](const ReportDiagnostic &D) {
        return D.Severity == "error";
      });
      if (!HasError) {
        ReportDiagnostic D;
        D.Check = "poolguard-analysis-error";
        D.Severity = "error";
        D.Message = "translation unit could not be analyzed: " + T.Error;
        D.File = T.File;
        PerTU.push_back(std::move(D));
      }
    }
    if (Chosen)
      for (ReportDiagnostic &D : T.Diagnostics)
        PerTU.push_back(std::move(D));
    Parts.push_back(std::move(T.Facts));
  }
  Facts Merged = mergeFacts(std::move(Parts));
  Report R = reportFromFacts(Merged);
  R.TUsFromCache = R0.TUsFromCache;
  R.SuppressedByNolint += R0.SuppressedByNolint;
  llvm::sort(R0.ConfigErrors);
  R0.ConfigErrors.erase(
      std::unique(R0.ConfigErrors.begin(), R0.ConfigErrors.end()),
      R0.ConfigErrors.end());
  R.ConfigErrors = std::move(R0.ConfigErrors);
  llvm::append_range(R.Diagnostics, PerTU);
  llvm::sort(R.Diagnostics, diagLess);
  R.Diagnostics.erase(
      std::unique(R.Diagnostics.begin(), R.Diagnostics.end(), diagEqual),
      R.Diagnostics.end());
  R.TUsAnalyzed = R0.TUsAnalyzed;
  R.TUsFailed = Failed;
  R.TUsReparsedInFull = R0.TUsReparsedInFull;
  R.TUsFailedUnselected = R0.TUsFailedUnselected;
  R.PeakWorkerKB = P->PeakWorkerKB;
  if (MergedOut)
    *MergedOut = std::move(Merged);
  return R;
}

llvm::Expected<Facts> Driver::factsOf(llvm::StringRef File) {
  std::vector<std::pair<std::string, std::string>> Deps;
  TUResult R = P->analyze(File.str(), Deps);
  if (R.Failed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: could not be analyzed",
                                   File.str().c_str());
  return std::move(R.Facts);
}

std::string Driver::resultsToJSON(const std::vector<TUResult> &Results) {
  json TUsJ = json::array();
  for (const TUResult &R : Results)
    TUsJ.push_back(resultToJSON(R, {}));
  json Root = {{"poolguardFacts", 1},
               {"version", POOLGUARD_VERSION},
               {"results", TUsJ}};
  return Root.dump(-1, ' ', false, json::error_handler_t::replace);
}

llvm::Expected<std::vector<TUResult>>
Driver::resultsFromJSON(llvm::StringRef Text, llvm::StringRef Origin) {
  auto Root = parseJSON(Text, Origin);
  if (!Root)
    return Root.takeError();
  if (!Root->is_object() || !Root->contains("poolguardFacts"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: not a poolguard facts file",
                                   Origin.str().c_str());
  std::string Error;
  JSONFieldReader Fields(*Root, "", Error);
  std::string Version = Fields.str("version");
  if (!Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: invalid facts file: %s",
                                   Origin.str().c_str(), Error.c_str());
  if (Version != POOLGUARD_VERSION)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: written by poolguard %s; this is poolguard %s (rerun the map "
        "step with this version)",
        Origin.str().c_str(), Version.c_str(),
        static_cast<const char *>(POOLGUARD_VERSION));
  std::vector<TUResult> Out;
  const json *Results = Fields.find("results");
  if (!Results || !Results->is_array())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: no results", Origin.str().c_str());
  for (size_t I = 0; I < Results->size(); ++I) {
    auto Parsed = resultFromJSON((*Results)[I], Origin,
                                 "results[" + std::to_string(I) + "]");
    if (!Parsed)
      return Parsed.takeError();
    Out.push_back(std::move(*Parsed));
  }
  return Out;
}

} // namespace poolguard
