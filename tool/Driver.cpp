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
#include "Checks.h"
#include "DuplicatePooledProviderCheck.h"
#include "Output.h"
#include "RepeatedPoolCheck.h"
#include "SourceText.h"
#include "facts/FactsCollector.h"
#include "utils/AtomicFile.h"
#include "models/Model.h"
#include "utils/LLVMCompat.h"
#include "utils/NoLint.h"
#include "utils/Paths.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "clang-tidy/ClangTidyModule.h"
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
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <signal.h>
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


/// Reads files once per process.
class FileCache {
public:
  const std::string *get(llvm::StringRef Path) {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Files.find(Path);
    if (It != Files.end())
      return It->second ? &*It->second : nullptr;
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    auto &Slot = Files[Path];
    if (Buf)
      Slot = (*Buf)->getBuffer().str();
    return Slot ? &*Slot : nullptr;
  }

private:
  std::mutex Mu;
  llvm::StringMap<std::optional<std::string>> Files;
};

unsigned getUns(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number_unsigned() ? It->get<unsigned>() : 0;
}
std::string getStr(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}

ReportDiagnostic diagFromJSON(const json &J) {
  ReportDiagnostic D;
  D.Check = getStr(J, "check");
  D.Severity = getStr(J, "severity");
  D.Message = getStr(J, "message");
  D.File = getStr(J, "file");
  D.Line = getUns(J, "line");
  D.Column = getUns(J, "column");
  D.Offset = getUns(J, "offset");
  if (auto It = J.find("notes"); It != J.end() && It->is_array())
    for (const json &N : *It)
      D.Notes.push_back({getStr(N, "message"), getStr(N, "file"),
                         getUns(N, "line"), getUns(N, "column"),
                         getUns(N, "offset")});
  if (auto It = J.find("fixes"); It != J.end() && It->is_array())
    for (const json &F : *It)
      D.Fixes.push_back({getStr(F, "file"), getUns(F, "offset"),
                         getUns(F, "length"), getStr(F, "replacement"),
                         getStr(F, "fileHash")});
  return D;
}

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
class UserCodeConsumer : public MultiplexConsumer {
public:
  using MultiplexConsumer::MultiplexConsumer;
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (!SM.isInSystemHeader(D->getLocation()))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
    MultiplexConsumer::HandleTranslationUnit(Ctx);
  }
};

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
  std::string ConfigErrors;
  FileCache Files;
  std::mutex HashMu;
  llvm::StringMap<std::string> ContentHashes;

  std::unique_ptr<ClangTidyOptionsProvider> makeProvider(bool PerTUOnly);
  std::string contentHash(llvm::StringRef Path);
  std::string cacheKey(const tooling::CompileCommand &Cmd,
                       const ClangTidyOptions &TUOpts);
  std::optional<TUResult> readCache(const std::string &Key,
                                    llvm::StringRef File);
  TUResult analyze(const std::string &File,
                   std::vector<std::pair<std::string, std::string>> &Deps);
  ReportDiagnostic toReport(const tooling::Diagnostic &D,
                            llvm::StringRef Dir);
  [[noreturn]] void workerMain(const std::string &File,
                               const std::string &OutPath,
                               const std::string &ErrPath);
  TUResult failed(const std::string &File, std::string Why);
  void addFinding(Report &R, const Finding &F,
                  const llvm::StringSet<> &Selected);
  bool selects(const llvm::StringSet<> &Selected, llvm::StringRef File);
  uint64_t PeakWorkerKB = 0;
  std::unique_ptr<NoLintCache> NoLints;
};

Driver::Driver(DriverOptions Opts) : P(std::make_unique<Impl>()) {
  P->Opts = std::move(Opts);
  std::set<std::string> Unique;
  for (const std::string &F : P->Opts.Database->getAllFiles())
    Unique.insert(absolutePath(F, ""));
  // A fixed database ('file.cpp -- args') lists no files: the TUs are the
  // files named on the command line.
  if (Unique.empty())
    Unique.insert(P->Opts.Files.begin(), P->Opts.Files.end());
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
  // configuration error, not a warning to skip past.
  ConfigHandlerList Handlers;
  std::string *Errors = &ConfigErrors;
  Handlers.emplace_back(
      ".clang-tidy",
      [Errors](llvm::MemoryBufferRef Config)
          -> llvm::ErrorOr<ClangTidyOptions> {
        std::string Diags;
        auto Parsed = parseConfigurationWithDiags(
            Config, [&](const llvm::SMDiagnostic &D) {
              llvm::raw_string_ostream OS(Diags);
              D.print("poolguard", OS, /*ShowColors=*/false);
            });
        if (!Parsed) {
          if (Diags.empty())
            Diags = Config.getBufferIdentifier().str() + ": " +
                    Parsed.getError().message() + "\n";
          if (Errors->find(Diags) == std::string::npos)
            *Errors += Diags;
          return std::make_error_code(std::errc::invalid_argument);
        }
        return *Parsed;
      });
  return std::make_unique<StrictFileOptionsProvider>(Global, Defaults, Override,
                                                     std::move(Handlers));
}

llvm::Error Driver::prepare() {
  P->Provider = P->makeProvider(/*PerTUOnly=*/false);
  llvm::SmallString<256> Root(P->Opts.DatabaseDir);
  if (Root.empty())
    llvm::sys::fs::current_path(Root);
  llvm::sys::path::append(Root, "poolguard-project-root.cpp");
  P->Project = P->Provider->getOptions(Root);
  // Every TU's own configuration must parse too.
  for (const std::string &TU : TUs)
    (void)P->Provider->getOptions(TU);
  if (!P->ConfigErrors.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   llvm::StringRef(P->ConfigErrors)
                                       .rtrim()
                                       .str()
                                       .c_str());

  // Models: the built-in ones plus the project's ModelFiles option.
  // ModelFiles and ConfigFiles: global or per-check, shared by the cross-TU
  // checks (getLocalOrGlobal in the plugin).
  auto ListOption = [&](llvm::StringRef Name) {
    std::vector<std::string> Out;
    for (const auto &[Key, Value] : P->Project.CheckOptions) {
      llvm::StringRef K = Key;
      if (K != Name && !K.ends_with(("." + Name).str()))
        continue;
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(Value.Value).split(Parts, ';', -1, false);
      for (llvm::StringRef Part : Parts)
        if (!Part.trim().empty())
          Out.push_back(Part.trim().str());
    }
    llvm::sort(Out);
    Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
    return Out;
  };
  std::vector<std::string> ModelFiles = ListOption("ModelFiles");
  P->ConfigFiles = ListOption("ConfigFiles");
  auto Models = loadModels(ModelFiles);
  if (!Models)
    return Models.takeError();
  P->Models = *Models;
  std::string ModelText;
  for (const std::string &F : ModelFiles)
    if (const std::string *Text = P->Files.get(F))
      ModelText += F + "\n" + *Text;
  P->ModelsHash = ::poolguard::contentHash(ModelText);
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

bool Driver::isCheckEnabled(llvm::StringRef Check) const {
  CachedGlobList Globs(P->Project.Checks.value_or(""));
  return Globs.contains(Check);
}

BudgetOptions Driver::budgetOptions() const {
  BudgetOptions B;
  auto Read = [&](llvm::StringRef Name, int64_t &Out) {
    for (std::string Key :
         {("poolguard-connection-budget." + Name).str(), Name.str()}) {
      auto It = P->Project.CheckOptions.find(Key);
      if (It == P->Project.CheckOptions.end())
        continue;
      int64_t V;
      if (!llvm::StringRef(It->second.Value).trim().getAsInteger(10, V))
        Out = V;
      return;
    }
  };
  Read("MaxConnections", B.MaxConnections);
  Read("ReservedConnections", B.ReservedConnections);
  Read("Replicas", B.Replicas);
  return B;
}

std::string Driver::Impl::contentHash(llvm::StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(HashMu);
    auto It = ContentHashes.find(Path);
    if (It != ContentHashes.end())
      return It->second;
  }
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  std::string H =
      Buf ? ::poolguard::contentHash((*Buf)->getBuffer()) : "missing";
  std::lock_guard<std::mutex> Lock(HashMu);
  ContentHashes[Path] = H;
  return H;
}

std::string Driver::Impl::cacheKey(const tooling::CompileCommand &Cmd,
                                   const ClangTidyOptions &TUOpts) {
  std::string Key = POOLGUARD_VERSION "\n" + BinaryId + "\n";
  Key += ModelsHash + "\n" + Cmd.Directory + "\n" + Cmd.Filename + "\n";
  for (const std::string &A : Cmd.CommandLine)
    Key += A + "\x1f";
  for (const std::string &A : Opts.ExtraArgsBefore)
    Key += A + "\x1f";
  for (const std::string &A : Opts.ExtraArgs)
    Key += A + "\x1f";
  Key += "\n" + configurationAsText(TUOpts);
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
          {"deps", DepsJ},                {"configErrors", R.ConfigErrors}};
}

static std::optional<TUResult> resultFromJSON(const json &J,
                                              llvm::StringRef Origin) {
  if (!J.is_object() || getStr(J, "version") != POOLGUARD_VERSION)
    return std::nullopt;
  TUResult R;
  R.File = getStr(J, "file");
  R.Failed = J.value("failed", false);
  R.Error = getStr(J, "error");
  if (auto It = J.find("configErrors"); It != J.end() && It->is_array())
    for (const json &E : *It)
      if (E.is_string())
        R.ConfigErrors.push_back(E.get<std::string>());
  if (auto It = J.find("diagnostics"); It != J.end() && It->is_array())
    for (const json &D : *It)
      R.Diagnostics.push_back(diagFromJSON(D));
  auto It = J.find("facts");
  if (It == J.end())
    return std::nullopt;
  auto F = factsFromJSONValue(*It, Origin);
  if (!F) {
    llvm::consumeError(F.takeError());
    return std::nullopt;
  }
  R.Facts = std::move(*F);
  return R;
}

std::optional<TUResult> Driver::Impl::readCache(const std::string &Key,
                                                llvm::StringRef File) {
  if (Opts.CacheDir.empty())
    return std::nullopt;
  llvm::SmallString<256> Path(Opts.CacheDir);
  llvm::sys::path::append(Path, Key + ".json");
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return std::nullopt;
  json J = json::parse((*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(),
                       nullptr, false);
  if (J.is_discarded())
    return std::nullopt;
  // Valid only while the TU and every file it read are unchanged.
  auto Deps = J.find("deps");
  if (Deps == J.end() || !Deps->is_array() || Deps->empty())
    return std::nullopt;
  for (const json &D : *Deps)
    if (contentHash(getStr(D, "path")) != getStr(D, "hash"))
      return std::nullopt;
  auto R = resultFromJSON(J, Path);
  if (!R || R->File != File)
    return std::nullopt;
  R->FromCache = true;
  return R;
}

ReportDiagnostic Driver::Impl::toReport(const tooling::Diagnostic &D,
                                        llvm::StringRef Dir) {
  ReportDiagnostic R;
  R.Check = D.DiagnosticName;
  R.Severity = D.DiagLevel == tooling::Diagnostic::Error ? "error" : "warning";
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

/// Runs clang-tidy's per-TU checks and the facts collector on one TU, in the
/// current process.
TUResult Driver::Impl::analyze(
    const std::string &File,
    std::vector<std::pair<std::string, std::string>> &DepHashes) {
  TUResult Result;
  Result.File = File;
  auto Provider = makeProvider(/*PerTUOnly=*/true);
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

  class Action : public ASTFrontendAction {
  public:
    Action(ClangTidyASTConsumerFactory &Factory, FactsCollector &Collector,
           ReadFiles &Deps)
        : Factory(Factory), Collector(Collector), Deps(Deps) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(Factory.createASTConsumer(CI, File));
      Consumers.push_back(std::make_unique<FactsConsumer>(Collector, Deps));
      return std::make_unique<UserCodeConsumer>(std::move(Consumers));
    }

  private:
    ClangTidyASTConsumerFactory &Factory;
    FactsCollector &Collector;
    ReadFiles &Deps;
  };
  class Factory : public tooling::FrontendActionFactory {
  public:
    Factory(ClangTidyContext &Ctx, FactsCollector &Collector,
            ReadFiles &Deps)
        : TidyFactory(Ctx), Collector(Collector), Deps(Deps) {}
    std::unique_ptr<FrontendAction> create() override {
      return std::make_unique<Action>(TidyFactory, Collector, Deps);
    }
    bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                       FileManager *Files,
                       std::shared_ptr<PCHContainerOperations> PCH,
                       DiagnosticConsumer *DiagConsumer) override {
      // As clang-tidy does: analysis sees __clang_analyzer__.
      Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
      return FrontendActionFactory::runInvocation(Invocation, Files, PCH,
                                                  DiagConsumer);
    }

  private:
    ClangTidyASTConsumerFactory TidyFactory;
    FactsCollector &Collector;
    ReadFiles &Deps;
  };

  Factory F(Context, Collector, Read);
  int RC = Tool.run(&F);
  std::string Dir;
  auto Cmds = Opts.Database->getCompileCommands(File);
  if (!Cmds.empty())
    Dir = Cmds.front().Directory;

  for (const ClangTidyError &E : DiagConsumer.take()) {
    ReportDiagnostic D = toReport(E, Dir);
    // Compiler errors make the TU unanalyzable; clang-tidy's own errors
    // (an unmatched NOLINTBEGIN) are findings.
    if (llvm::StringRef(D.Check).starts_with("clang-diagnostic-") &&
        D.Severity == "error")
      Result.Failed = true;
    Result.Diagnostics.push_back(std::move(D));
  }
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
  // Configuration files the TU's facts were joined with are dependencies of
  // its cache entry like the headers clang read.
  std::vector<std::string> Deps = std::move(Read.Names);
  for (const std::string &C : Result.Facts.ConfigFiles)
    Deps.push_back(C);
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
  return Result;
}
TUResult Driver::Impl::failed(const std::string &File, std::string Why) {
  TUResult R;
  R.File = File;
  R.Failed = true;
  R.Error = std::move(Why);
  R.Facts.TranslationUnits = {File};
  return R;
}

/// The worker process: analyze one TU, write the result, exit.
void Driver::Impl::workerMain(const std::string &File,
                              const std::string &OutPath,
                              const std::string &ErrPath) {
  // Compiler crash reports and clang's own messages go to a file the parent
  // shows when the TU fails.
  int ErrFD = ::open(ErrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (ErrFD >= 0) {
    ::dup2(ErrFD, 2);
    ::close(ErrFD);
  }
  std::vector<std::pair<std::string, std::string>> Deps;
  TUResult R = analyze(File, Deps);
  std::string Text = resultToJSON(R, Deps).dump(
      -1, ' ', false, json::error_handler_t::replace); // non-UTF-8 paths
  if (llvm::Error E = writeFileAtomically(OutPath, Text)) {
    llvm::errs() << llvm::toString(std::move(E)) << "\n";
    ::_exit(70);
  }
  llvm::errs().flush();
  ::_exit(0);
}

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
    // A binary file would give pages of compiler errors quoting raw bytes.
    if (const std::string *Text = I.Files.get(File);
        Text && llvm::StringRef(*Text).take_front(65536).contains('\0')) {
      Slot = I.failed(File, "not a C++ source file (it contains NUL bytes)");
      continue;
    }
    std::string Key = I.cacheKey(Cmds.front(), I.Provider->getOptions(File));
    if (auto Cached = I.readCache(Key, File)) {
      Slot = std::move(*Cached);
      continue;
    }
    Pending.push_back({Pos, File, Key});
  }

  // Scratch space for worker results: inside the cache directory when there
  // is one, so a finished result becomes a cache entry by a rename.
  llvm::SmallString<256> Scratch;
  std::error_code EC;
  if (!I.Opts.CacheDir.empty()) {
    llvm::SmallString<256> Model(I.Opts.CacheDir);
    llvm::sys::path::append(Model, "tmp-%%%%%%%%");
    EC = llvm::sys::fs::createUniqueDirectory(Model, Scratch);
  } else {
    EC = llvm::sys::fs::createUniqueDirectory("poolguard", Scratch);
  }
  if (EC) {
    for (const Job &J : Pending)
      Results[J.Index] =
          I.failed(J.File, "cannot create a scratch directory: " +
                               EC.message());
    return Results;
  }

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
      auto Buf = llvm::MemoryBuffer::getFile(R.Out);
      json J = Buf ? json::parse((*Buf)->getBuffer().begin(),
                                 (*Buf)->getBuffer().end(), nullptr, false)
                   : json();
      auto Parsed = resultFromJSON(J, R.Out);
      if (!Parsed) {
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
    while (Next < Pending.size() && Active.size() < Jobs) {
      Running R{Pending[Next], 0, std::chrono::steady_clock::now(), "", ""};
      llvm::SmallString<256> Out(Scratch), Err(Scratch);
      llvm::sys::path::append(Out, std::to_string(R.J.Index) + ".json");
      llvm::sys::path::append(Err, std::to_string(R.J.Index) + ".err");
      R.Out = std::string(Out);
      R.Err = std::string(Err);
      if (I.Opts.Progress)
        llvm::errs() << "[" << Next + 1 << "/" << Pending.size() << "] "
                     << R.J.File << "\n";
      llvm::errs().flush();
      llvm::outs().flush();
      pid_t Pid = ::fork();
      if (Pid == 0)
        I.workerMain(R.J.File, R.Out, R.Err);
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
  llvm::sys::fs::remove_directories(Scratch);
  return Results;
}

bool Driver::Impl::selects(const llvm::StringSet<> &Selected,
                           llvm::StringRef File) {
  return Selected.empty() || Selected.contains(File);
}

void Driver::Impl::addFinding(Report &R, const Finding &F,
                              const llvm::StringSet<> &Selected) {
  bool Touches = selects(Selected, F.Loc.File);
  for (const FindingNote &N : F.Notes)
    Touches = Touches || selects(Selected, N.Loc.File);
  if (!Touches)
    return;
  // NOLINT on the raw bytes of the file, with clang-tidy's semantics.
  if (!NoLints)
    NoLints = std::make_unique<NoLintCache>(
        [this](llvm::StringRef Path) -> std::optional<std::string> {
          if (const std::string *Text = Files.get(Path))
            return *Text;
          return std::nullopt;
        });
  if (NoLints->suppresses(F.Loc.File, F.Loc.Offset, F.Check))
    return;
  ReportDiagnostic D;
  D.Check = F.Check;
  D.Severity = "warning";
  D.Message = F.Message;
  D.File = F.Loc.File;
  D.Line = F.Loc.Line;
  D.Column = F.Loc.Column;
  D.Offset = F.Loc.Offset;
  for (const FindingNote &N : F.Notes)
    D.Notes.push_back(
        {N.Message, N.Loc.File, N.Loc.Line, N.Loc.Column, N.Loc.Offset});
  R.Diagnostics.push_back(std::move(D));
}

Report Driver::reportFromFacts(const Facts &Merged) {
  Report R;
  llvm::StringSet<> Selected;
  for (const std::string &F : P->Opts.Files)
    Selected.insert(F);
  if (isCheckEnabled("poolguard-duplicate-pooled-provider"))
    for (const Finding &F : findDuplicatePooledProviders(Merged))
      P->addFinding(R, F, Selected);
  if (isCheckEnabled("poolguard-repeated-pool"))
    for (const Finding &F : findRepeatedPools(Merged))
      P->addFinding(R, F, Selected);
  if (isCheckEnabled("poolguard-connection-budget"))
    for (const Finding &F : findBudgetOverruns(Merged, budgetOptions()))
      P->addFinding(R, F, Selected);
  // Unmatched NOLINTBEGIN/NOLINTEND met while filtering are errors, as in
  // clang-tidy (the per-TU pass reports those of main files the same way;
  // duplicates are removed with the rest).
  if (P->NoLints)
    for (const auto &[File, E] : P->NoLints->errors()) {
      if (!P->selects(Selected, File))
        continue;
      ReportDiagnostic D;
      D.Check = NoLintErrorCheck.str();
      D.Severity = "error";
      D.Message = E.Message;
      D.File = File;
      D.Line = E.Line;
      D.Column = E.Column;
      D.Offset = E.Offset;
      R.Diagnostics.push_back(std::move(D));
    }
  llvm::sort(R.Diagnostics, diagLess);
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
    if (!T.Failed)
      ++R0.TUsAnalyzed;
    if (T.Failed && !Chosen) {
      // Not asked for: its facts are missing from the merge, which is worth
      // saying, but it does not fail a run over other files.
      llvm::errs() << "poolguard: note: " << T.File
                   << " could not be analyzed; cross-TU findings may be "
                      "incomplete\n";
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
  json Root = json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Root.is_discarded() || !Root.is_object() ||
      !Root.contains("poolguardFacts"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: not a poolguard facts file",
                                   Origin.str().c_str());
  if (getStr(Root, "version") != POOLGUARD_VERSION)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: written by poolguard %s; this is poolguard %s (rerun the map "
        "step with this version)",
        Origin.str().c_str(), getStr(Root, "version").c_str(),
        static_cast<const char *>(POOLGUARD_VERSION));
  std::vector<TUResult> Out;
  auto It = Root.find("results");
  if (It == Root.end() || !It->is_array())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: no results", Origin.str().c_str());
  for (const json &R : *It) {
    auto Parsed = resultFromJSON(R, Origin);
    if (!Parsed)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: malformed result",
                                     Origin.str().c_str());
    Out.push_back(std::move(*Parsed));
  }
  return Out;
}

} // namespace poolguard
