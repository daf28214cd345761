//===----------------------------------------------------------------------===//
//
// The standalone poolguard driver.
//
// Map: each TU is analyzed in a worker process (WorkerPool.h), so a crash or
// a hang (--tu-timeout) loses one TU, never the run. A worker runs the
// per-TU checks through clang-tidy's own machinery (ClangTidyContext: NOLINT,
// header filter, compiler errors) and the facts collector on the same AST
// (MapAction.h), then writes its result as JSON (Results.h). Results are
// cached on disk (FactsCache.h), keyed by the command, the configuration,
// poolguard's version, the models, and the content of the TU and every file
// it included.
//
// Merge and report: facts of all TUs are merged by stable keys; the cross-TU
// checks run on them and their findings go through NOLINT on the raw file
// bytes, then join the per-TU diagnostics on one path.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Checks.h"
#include "ConfigVerifier.h"
#include "FactsCache.h"
#include "MapAction.h"
#include "ReportPhase.h"
#include "Results.h"
#include "SkipBodies.h"
#include "SourceText.h"
#include "WorkerPool.h"
#include "facts/CMakePrograms.h"
#include "facts/FactsCollector.h"
#include "models/Model.h"
#include "utils/ConfigFile.h"
#include "utils/JSONSyntax.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "utils/ReadFile.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>
#include <map>
#include <mutex>
#include <set>
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
  std::optional<FactsCache> Cache; ///< Made in the constructor.
  std::optional<WorkerPool> Workers;

  std::unique_ptr<ClangTidyOptionsProvider> makeProvider(bool PerTUOnly);
  /// The names of the cross-TU checks' options (read by the reducers only).
  llvm::StringSet<> ReduceOnlyNames;
  ClangTidyOptions mapStepOptions(const ClangTidyOptions &TUOpts) const;
  std::string cacheKey(llvm::ArrayRef<tooling::CompileCommand> Cmds,
                       const ClangTidyOptions &TUOpts);
  TUResult analyze(const std::string &File, Dependencies &Deps);
  TUResult parse(const std::string &File, const LibraryFiles *Libraries,
                 unsigned &Skipped, Dependencies &Deps);
  void verifySkipBodies(const std::string &File, TUResult &R,
                        const Dependencies &DepHashes);
  /// The library files whose bodies are skipped; none with --no-skip-bodies.
  std::optional<LibraryFiles> Libraries;
  /// POOLGUARD_VERIFY_SKIP_BODIES: every TU parsed with skipped bodies is
  /// parsed again in full and the two results compared.
  bool VerifySkipBodies = false;
  ReportDiagnostic toReport(const ClangTidyError &D, llvm::StringRef Dir);
  TUResult failed(const std::string &File, std::string Why);
  llvm::Error verifyConfiguration(std::vector<std::string> &TUs);
  Dependencies dependencies(ReadFiles Read,
                            llvm::ArrayRef<std::string> ConfigFiles,
                            llvm::StringRef Dir);
  llvm::Error loadModelsAndConfigs(llvm::ArrayRef<std::string> TUs);
  TUResult collect(const std::string &File, const std::string &Key,
                   WorkerExit &E);
  std::optional<std::string>
  unanalyzable(const std::string &File,
               llvm::ArrayRef<tooling::CompileCommand> Cmds);
  bool selects(const llvm::StringSet<> &Selected, llvm::StringRef File);
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
  P->Cache.emplace(P->Opts.CacheDir);
  // Worker results are written inside the cache directory when there is
  // one, so that a finished result becomes a cache entry by a rename.
  WorkerPoolOptions Pool;
  Pool.Jobs = P->Opts.Jobs;
  Pool.TimeoutSeconds = P->Opts.TUTimeoutSeconds;
  Pool.MemoryMB = P->Opts.TUMemoryMB;
  Pool.Progress = P->Opts.Progress;
  Pool.ProgressInPlace = P->Opts.ProgressInPlace;
  llvm::SmallString<256> Scratch(P->Opts.CacheDir);
  if (Scratch.empty())
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Scratch);
  Pool.ScratchParent = std::string(Scratch);
  P->Workers.emplace(std::move(Pool));
}

Driver::~Driver() = default;

std::unique_ptr<ClangTidyOptionsProvider>
Driver::Impl::makeProvider(bool PerTUOnly) {
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,poolguard-*";
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
  if (llvm::Error E = P->verifyConfiguration(TUs))
    return E;
  // The checks, made by clang-tidy's factories, read and validate their own
  // options; an invalid value is a configuration error, as in clang-tidy.
  P->Checks = std::make_unique<ReportPhase>(P->makeProvider(/*PerTUOnly=*/false),
                                            Root);
  if (!P->Checks->configErrors().empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s",
        llvm::join(P->Checks->configErrors(), "\n").c_str());
  if (llvm::Error E = P->loadModelsAndConfigs(TUs))
    return E;
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

/// Leaves out the excluded TUs; every TU's own configuration must parse,
/// be readable, and enable poolguard checks. All errors at once.
llvm::Error Driver::Impl::verifyConfiguration(std::vector<std::string> &TUs) {
  excludeTranslationUnits(Opts.Exclude, Project, TUs, ConfigErrors);
  // The verdict depends on the Checks value alone, and asking clang-tidy
  // which checks a value enables matches it against every static analyzer
  // checker: once per distinct value, not once per TU (the TUs of a project
  // mostly share one).
  llvm::StringSet<> Verified;
  auto Verify = [&](const ClangTidyOptions &Options) {
    if (Verified.insert(Options.Checks.value_or("")).second)
      verifyChecks(Options, ConfigErrors);
  };
  Verify(Project);
  for (const std::string &TU : TUs)
    Verify(Provider->getOptions(TU));
  if (!Opts.FixedConfig)
    checkReadableConfigFiles(TUs, ConfigErrors);
  if (ConfigErrors.empty())
    return llvm::Error::success();
  std::string Text;
  for (const auto &Entry : ConfigErrors)
    Text += Entry.second + "\n";
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                 llvm::StringRef(Text).rtrim().str().c_str());
}

/// Models: the built-in ones plus the ModelFiles of the enabled cross-TU
/// checks; configuration files: their ConfigFiles. The map step collects
/// facts once for all of them. Also the names of the options only the
/// cross-TU checks read (they do not change map results).
llvm::Error Driver::Impl::loadModelsAndConfigs(llvm::ArrayRef<std::string> TUs) {
  std::vector<std::string> ModelFiles;
  for (CrossTUCheck *C : Checks->crossTUChecks()) {
    llvm::append_range(ModelFiles, C->modelFiles());
    llvm::append_range(ConfigFiles, C->configFiles());
    ClangTidyOptions::OptionMap Own;
    C->storeOptions(Own);
    for (const auto &E : Own)
      ReduceOnlyNames.insert(E.getKey().rsplit('.').second);
  }
  // A .clang-tidy below the project's root (a subproject's) adds its own.
  for (const std::string &TU : TUs)
    addPathOptions(Provider->getOptions(TU), ModelFiles, ConfigFiles);
  for (std::vector<std::string> *List : {&ModelFiles, &ConfigFiles}) {
    llvm::sort(*List);
    List->erase(std::unique(List->begin(), List->end()), List->end());
  }
  auto Loaded = loadModels(ModelFiles);
  if (!Loaded)
    return Loaded.takeError();
  Models = *Loaded;
  std::string ModelText;
  for (const std::string &F : ModelFiles)
    if (const std::string *Text = Files.get(F))
      ModelText += F + "\n" + *Text;
  ModelsHash = ::poolguard::contentHash(ModelText);
  return llvm::Error::success();
}

const ClangTidyOptions &Driver::projectOptions() const { return P->Project; }

BudgetOptions Driver::budgetOptions() const {
  return P->Checks->budgetOptions();
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
  std::string Key = POOLGUARD_VERSION "\n" + BinaryId + "\n" + ModelsHash +
                    "\ncache format " +
                    std::to_string(FactsCache::FormatVersion);
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

/// The files a TU's result depends on, with their hashes: the files clang
/// read (hashed as parsed), the configuration files its facts were joined
/// with, and the places where a new header would shadow one it read (hashed
/// as "missing" until one appears). Relative names are made absolute
/// against \p Dir, the compile command's directory. Each regular file has
/// its stamp, taken after the run started, as everything hashed was read
/// (Results.h, stampProvesUnchanged).
Dependencies
Driver::Impl::dependencies(ReadFiles Read,
                               llvm::ArrayRef<std::string> ConfigFiles,
                               llvm::StringRef Dir) {
  std::vector<std::string> Deps = std::move(Read.Names);
  llvm::append_range(Deps, ConfigFiles);
  for (std::string &A : Read.Absent)
    Deps.push_back(std::move(A));
  llvm::StringMap<std::string> Parsed;
  for (const auto &Entry : Read.Hashes)
    Parsed[existingPath(Entry.getKey(), Dir)] = Entry.getValue();
  for (std::string &D : Deps)
    D = existingPath(D, Dir);
  llvm::sort(Deps);
  Deps.erase(std::unique(Deps.begin(), Deps.end()), Deps.end());
  Dependencies Result;
  Result.ReadAfterNs = Cache->startedNs();
  for (const std::string &D : Deps) {
    auto It = Parsed.find(D);
    std::string Hash =
        It != Parsed.end() ? It->second : Cache->contentHash(D);
    std::optional<FileStamp> Stamp;
    if (Hash != "missing")
      Stamp = Cache->stamp(D);
    Result.Files.push_back({D, std::move(Hash), Stamp});
  }
  return Result;
}

/// Runs clang-tidy's per-TU checks and the facts collector on one TU, in the
/// current process; with \p Libraries, the bodies of library functions are
/// skipped (\p Skipped counts them).
TUResult Driver::Impl::parse(
    const std::string &File, const LibraryFiles *Libraries, unsigned &Skipped,
    Dependencies &DepHashes) {
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
  addMapArgumentAdjusters(Tool, Opts.ExtraArgsBefore, Opts.ExtraArgs, TUOpts);
  MapState State{Collector, Read, Libraries, Skipped};
  auto Factory = newMapActionFactory(Context, State);
  int RC = Tool.run(Factory.get());
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
  Result.Facts.TranslationUnits = {File};
  DepHashes = dependencies(std::move(Read), Result.Facts.ConfigFiles, Dir);
  // Fixes apply to the bytes analyzed: remember them.
  for (ReportDiagnostic &D : Result.Diagnostics)
    for (ReportFix &F : D.Fixes) {
      auto It = llvm::lower_bound(
          DepHashes.Files, F.File,
          [](const Dependency &Entry, const std::string &Path) {
            return Entry.Path < Path;
          });
      if (It != DepHashes.Files.end() && It->Path == F.File)
        F.FileHash = It->Hash;
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
    Dependencies &DepHashes) {
  unsigned Skipped = 0;
  if (!Libraries)
    return parse(File, nullptr, Skipped, DepHashes);
  TUResult R = parse(File, &*Libraries, Skipped, DepHashes);
  // A TU that fails with bodies skipped is parsed again in full: the
  // failure may be the skipping's (docs/performance.md), and the errors of a
  // full parse are the ones to report.
  if (R.Failed && Skipped) {
    DepHashes = {};
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
    const Dependencies &DepHashes) {
  Dependencies FullDeps;
  unsigned Skipped = 0;
  // R.File may be relative to --path-root already: parse the TU's own name.
  TUResult Full = parse(File, nullptr, Skipped, FullDeps);
  json A = resultToJSON(R), B = resultToJSON(Full);
  const bool SameFiles =
      dependenciesToText(DepHashes) == dependenciesToText(FullDeps);
  if (A == B && SameFiles)
    return;
  R.Failed = true;
  R.Error = "skipping function bodies changed the result "
            "(POOLGUARD_VERIFY_SKIP_BODIES): " +
            (A == B ? std::string("deps: the files read differ")
                    : firstDifference(A, B));
}

TUResult Driver::Impl::failed(const std::string &File, std::string Why) {
  TUResult R;
  R.File = File;
  R.Failed = true;
  R.Error = std::move(Why);
  R.Facts.TranslationUnits = {File};
  return R;
}

/// The result of a TU whose worker ended as \p E; a finished result that
/// is complete becomes the TU's cache entry \p Key.
TUResult Driver::Impl::collect(const std::string &File, const std::string &Key,
                               WorkerExit &E) {
  switch (E.How) {
  case WorkerExit::Finished:
    break;
  case WorkerExit::NotStarted:
    return failed(File, "cannot start a worker");
  case WorkerExit::TimedOut:
    return failed(File, llvm::formatv("analysis took longer than {0} s "
                                      "(--tu-timeout); the TU was abandoned",
                                      Opts.TUTimeoutSeconds));
  case WorkerExit::CannotWrite:
    // On a full disk the error file may be empty too: name the place.
    return failed(File, "the analysis worker could not write its result in '" +
                            Workers->scratchDir() + "' (is the disk full?)" +
                            (E.ErrText.empty() ? "" : ": " + E.ErrText));
  case WorkerExit::OutOfMemory:
    return failed(File, llvm::formatv("analysis needed more than {0} MiB of "
                                      "memory (--tu-memory); the TU was "
                                      "abandoned",
                                      Opts.TUMemoryMB));
  case WorkerExit::Failed: {
    std::string Why =
        E.Signal ? llvm::formatv("poolguard crashed while analyzing this TU "
                                 "(signal {0})",
                                 E.Signal)
                       .str()
                 : llvm::formatv("the analysis worker failed (exit code {0})",
                                 E.Code)
                       .str();
    if (!E.ErrText.empty())
      Why += ":\n" + E.ErrText;
    return failed(File, Why);
  }
  }
  auto Buf = readInputFile(E.ResultPath, MaxDataFileBytes);
  auto Parsed = Buf ? resultFromEntry((*Buf)->getBuffer(), E.ResultPath)
                    : llvm::Expected<TUResult>(Buf.takeError());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return failed(File, "the analysis worker wrote no result");
  }
  TUResult R = std::move(*Parsed);
  if (R.Failed && R.Error.empty() && R.Diagnostics.empty())
    R.Error = E.ErrText;
  if (!R.Failed && R.ConfigErrors.empty() && Cache->store(Key, E.ResultPath))
    E.ResultPath.clear();
  return R;
}

/// Why \p File cannot be given to a worker, if it cannot.
std::optional<std::string>
Driver::Impl::unanalyzable(const std::string &File,
                           llvm::ArrayRef<tooling::CompileCommand> Cmds) {
  if (Cmds.empty())
    return "no compile command for this file";
  if (!llvm::sys::fs::exists(File))
    return "file not found (named by the compile database)";
  // A FIFO, a device or a huge file is not parsed; a binary file would
  // give pages of compiler errors quoting raw bytes.
  std::string Why;
  const std::string *Text = Files.get(File, &Why);
  if (!Text)
    return "cannot read the file: " + Why;
  if (llvm::StringRef(*Text).take_front(65536).contains('\0'))
    return "not a C++ source file (it contains NUL bytes)";
  return std::nullopt;
}

std::vector<TUResult> Driver::map(llvm::ArrayRef<size_t> Indices) {
  Impl &I = *P;
  std::vector<TUResult> Results(Indices.size());
  // The TUs that need a worker: their position in Results, and cache key.
  std::vector<size_t> Slots;
  std::vector<std::string> Files, Keys;
  for (size_t Pos = 0; Pos < Indices.size(); ++Pos) {
    assert(Indices[Pos] < TUs.size() && "TU index out of range");
    const std::string &File = TUs[Indices[Pos]];
    auto Cmds = I.Opts.Database->getCompileCommands(File);
    if (std::optional<std::string> Why = I.unanalyzable(File, Cmds)) {
      Results[Pos] = I.failed(File, *Why);
      continue;
    }
    if (!Cmds.front().Heuristic.empty() && I.Opts.Notes)
      llvm::WithColor::note(llvm::errs(), "poolguard")
          << "'" << File << "' is not in the compile database; analyzed "
          << "with a command " << Cmds.front().Heuristic << "\n";
    std::string Key = I.cacheKey(Cmds, I.Provider->getOptions(File));
    if (auto Cached = I.Cache->read(Key, File)) {
      Results[Pos] = std::move(*Cached);
      continue;
    }
    Slots.push_back(Pos);
    Files.push_back(File);
    Keys.push_back(std::move(Key));
  }
  auto Work = [&](size_t K) {
    Dependencies Deps;
    TUResult R = I.analyze(Files[K], Deps);
    return entryText(R, Deps);
  };
  auto Done = [&](size_t K, WorkerExit &E) {
    Results[Slots[K]] = I.collect(Files[K], Keys[K], E);
  };
  if (llvm::Error E = I.Workers->run(Files, Work, Done)) {
    const std::string Why = llvm::toString(std::move(E));
    for (size_t K = 0; K < Files.size(); ++K)
      Results[Slots[K]] = I.failed(Files[K], Why);
  }
  // The build graph's programs, outside the cache (a TU's facts do not
  // change when another target starts linking it) and in --facts-out files,
  // so that --merge counts instances as this run does.
  if (I.Programs)
    for (size_t Pos = 0; Pos < Indices.size(); ++Pos)
      assignPrograms(*I.Programs, TUs[Indices[Pos]], Results[Pos].Facts);
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
  R.PeakWorkerKB = P->Workers->peakWorkerKB();
  if (MergedOut)
    *MergedOut = std::move(Merged);
  return R;
}

llvm::Expected<Facts> Driver::factsOf(llvm::StringRef File) {
  Dependencies Deps;
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
    TUsJ.push_back(resultToJSON(R));
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
