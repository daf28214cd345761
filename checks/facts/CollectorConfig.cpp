//===----------------------------------------------------------------------===//
//
// Joins code with configuration files (see CollectorConfig.h). The models
// say which registrations and calls are configured where; the keys inside a
// format's file (components_manager.components.<name>, db_clients[]) are the
// format's, documented in docs/models.md.
//
//===----------------------------------------------------------------------===//

#include "facts/CollectorConfig.h"
#include "facts/CollectorExprs.h"
#include "facts/DatabaseAddress.h"
#include "utils/Paths.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

using namespace collector;

/// How far discovery walks up from a TU's directory.
static constexpr int MaxDiscoveryDepth = 16;

static bool isYAMLPath(llvm::StringRef Path) {
  return Path.ends_with_insensitive(".yaml") ||
         Path.ends_with_insensitive(".yml");
}

/// The enclosing function of \p E, looking through lambdas.
static const FunctionDecl *enclosingFunction(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (int Steps = 0; Steps < 256; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *FD = Node.get<FunctionDecl>()) {
      const auto *RD = dyn_cast<CXXRecordDecl>(FD->getDeclContext());
      if (!RD || !RD->isLambda())
        return FD;
    }
  }
  return nullptr;
}

/// A string constant: a literal, through conversions and local variables.
static std::optional<std::string> stringValue(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreConversions(E);
    if (const auto *S = dyn_cast<StringLiteral>(E))
      return S->getString().str();
    const Expr *Next = followLocal(E);
    if (Next == E)
      return std::nullopt;
    E = Next;
  }
  return std::nullopt;
}

static bool calleeIs(const CallExpr *Call, llvm::StringRef Name) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD &&
         (plainQualifiedName(FD) == Name || writtenQualifiedCallee(Call) == Name);
}

ConfigJoin::ConfigJoin(std::shared_ptr<const ModelSet> M)
    : Models(std::move(M)) {}

void ConfigJoin::registerMatchers(MatchFinder &Finder,
                                  MatchFinder::MatchCallback *Callback) {
  std::vector<std::string> Names;
  auto Unqualified = [](llvm::StringRef Name) {
    size_t Pos = Name.rfind("::");
    return (Pos == llvm::StringRef::npos ? Name : Name.drop_front(Pos + 2))
        .str();
  };
  for (const Model &M : Models->Models) {
    for (const SettingModel &S : M.Settings)
      if (!S.Callee.empty())
        Names.push_back(Unqualified(S.Callee));
    for (const ConfigPoolModel &C : M.ConfigPools) {
      if (!C.LoadCall.empty())
        Names.push_back(Unqualified(C.LoadCall));
      if (!C.ImportCall.empty())
        Names.push_back(Unqualified(C.ImportCall));
    }
  }
  if (Names.empty())
    return;
  std::vector<llvm::StringRef> Refs(Names.begin(), Names.end());
  // app().setThreadNum(4), app().loadConfigFile("config.json"),
  // app().getDbClient("name").
  Finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                             callee(functionDecl(hasAnyName(Refs))))
                        .bind("config-call"),
                    Callback);
}

bool ConfigJoin::run(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (MainFile.empty()) {
    const SourceManager &SM = Ctx->getSourceManager();
    MainFile = sourcePos(SM.getLocForStartOfFile(SM.getMainFileID()), SM).File;
    if (auto CWD = SM.getFileManager()
                       .getVirtualFileSystem()
                       .getCurrentWorkingDirectory())
      WorkingDir = *CWD;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("config-call");
  if (!Call)
    return false;
  for (const Model &M : Models->Models) {
    for (const SettingModel &S : M.Settings) {
      if (S.Callee.empty() || !calleeIs(Call, S.Callee) ||
          S.Value.From != ValueFrom::Arg ||
          S.Value.Index >= static_cast<int>(Call->getNumArgs()))
        continue;
      const Expr *Arg = Call->getArg(S.Value.Index);
      std::optional<int64_t> V = evaluateInt(Arg, *Ctx);
      // Drogon: setThreadNum(0) means one thread per core; unknown here.
      if (!V || *V <= 0)
        continue;
      SettingFact F;
      F.Name = S.Name;
      F.Value = *V + S.Add;
      F.Text = Call->getDirectCallee()->getNameAsString() + "(" +
               sourceText(Arg, *Ctx) + ")";
      F.Loc = sourcePos(Call->getExprLoc(), Ctx->getSourceManager());
      Settings.push_back(std::move(F));
    }
    for (const ConfigPoolModel &C : M.ConfigPools) {
      if (!C.ImportCall.empty() && calleeIs(Call, C.ImportCall))
        importClient(Call);
      if (C.LoadCall.empty() || !calleeIs(Call, C.LoadCall) ||
          Call->getNumArgs() < 1)
        continue;
      PendingLoad L;
      L.File = stringValue(Call->getArg(0)).value_or("");
      if (const FunctionDecl *FD = enclosingFunction(Call, *Ctx))
        L.Function = plainQualifiedName(FD);
      L.Loc = sourcePos(Call->getExprLoc(), Ctx->getSourceManager());
      L.Model = &C;
      Loads.push_back(std::move(L));
    }
  }
  return true;
}

/// `app().getDbClient("name")` uses the configured client "name": an import
/// by the enclosing class (a member function's) or function.
void ConfigJoin::importClient(const CallExpr *Call) {
  const Expr *Arg = Call->getNumArgs() > 0 ? Call->getArg(0) : nullptr;
  if (const auto *Default = dyn_cast_or_null<CXXDefaultArgExpr>(Arg))
    Arg = Default->getExpr();
  std::optional<std::string> Name = stringValue(Arg);
  const FunctionDecl *FD = enclosingFunction(Call, *Ctx);
  if (!Name || !FD)
    return;
  ImportFact I;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    I.Module = "class:" + plainQualifiedName(MD->getParent());
  else
    I.Module = "fn:" + plainQualifiedName(FD);
  I.Imported = "dbclient:" + *Name;
  I.Loc = sourcePos(Call->getExprLoc(), Ctx->getSourceManager());
  Imports.push_back(std::move(I));
}

void ConfigJoin::registration(RegistrationFact &R, QualType Service,
                              ASTContext &Context) {
  Ctx = &Context;
  for (const Model &M : Models->Models)
    for (const ConfigPoolModel &C : M.ConfigPools) {
      if (!llvm::is_contained(C.Services, typeKey(Service, Context)))
        continue;
      // Append<components::Postgres>() is named by Postgres::kName.
      if (R.InstanceName.empty() && !C.NameMember.empty())
        if (const CXXRecordDecl *RD = recordOf(Service))
          for (const Decl *D : RD->decls())
            if (const auto *V = dyn_cast<VarDecl>(D);
                V && V->getName() == C.NameMember && V->getInit())
              R.InstanceName = stringValue(V->getInit()).value_or("");
      if (!R.InstanceName.empty())
        Components.push_back({R, &C});
      return;
    }
}

std::shared_ptr<const ConfigFile> ConfigJoin::read(const std::string &Path,
                                                   bool YAML) {
  if (!llvm::is_contained(FilesRead, Path))
    FilesRead.push_back(Path);
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  auto File = YAML ? readYAMLConfig(Path) : readJSONConfig(Path);
  std::shared_ptr<const ConfigFile> Out;
  if (File)
    Out = std::move(*File);
  else
    Errors.push_back(llvm::toString(File.takeError()));
  Cache[Path] = Out;
  return Out;
}

/// userver configuration files beside the sources: in the TU's directory or
/// its `configs/` subdirectory, else in the nearest parent that has one, up
/// to the repository or build root (a directory with `.git` or
/// `compile_commands.json`).
std::vector<std::string> ConfigJoin::staticConfigFiles() {
  std::vector<std::string> Files;
  for (const std::string &F : OptionFiles)
    if (isYAMLPath(F))
      Files.push_back(absolutePath(F, WorkingDir));
  if (!Files.empty() || MainFile.empty())
    return Files;

  std::vector<llvm::GlobPattern> Patterns;
  for (const PendingComponent &C : Components)
    for (const std::string &Name : C.Model->FileNames)
      if (auto P = llvm::GlobPattern::create(Name))
        Patterns.push_back(std::move(*P));
      else
        llvm::consumeError(P.takeError());

  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(MainFile));
  for (int Depth = 0; Depth < MaxDiscoveryDepth && !Dir.empty(); ++Depth) {
    for (llvm::StringRef Sub : {"", "configs"}) {
      llvm::SmallString<256> Where(Dir);
      if (!Sub.empty())
        llvm::sys::path::append(Where, Sub);
      std::error_code EC;
      for (llvm::sys::fs::directory_iterator It(Where, EC), End;
           It != End && !EC; It.increment(EC)) {
        llvm::StringRef Name = llvm::sys::path::filename(It->path());
        if (llvm::any_of(Patterns, [&](const llvm::GlobPattern &P) {
              return P.match(Name);
            }))
          Files.push_back(It->path());
      }
    }
    if (!Files.empty())
      break;
    llvm::SmallString<256> Marker(Dir);
    llvm::sys::path::append(Marker, ".git");
    llvm::SmallString<256> Database(Dir);
    llvm::sys::path::append(Database, "compile_commands.json");
    if (llvm::sys::fs::exists(Marker) || llvm::sys::fs::exists(Database))
      break;
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  llvm::sort(Files);
  return Files;
}

namespace {

/// userver's `$variable` substitution from config_vars files.
struct UserverConfig {
  std::vector<std::shared_ptr<const ConfigFile>> Static, Vars;

  /// The value of \p Key in \p Block, resolving `$name` from the vars.
  const ConfigNode *value(const ConfigNode &Block, llvm::StringRef Key,
                          std::string *From) const {
    const ConfigNode *N = Block.path(Key);
    if (!N || N->Kind != ConfigNode::CN_Scalar ||
        !llvm::StringRef(N->Value).starts_with("$"))
      return N;
    llvm::StringRef Var = llvm::StringRef(N->Value).drop_front();
    for (const auto &File : Vars)
      if (const ConfigNode *V = File->Root.get(Var)) {
        if (From)
          *From = llvm::formatv("${0} in {1}:{2}", Var,
                                llvm::sys::path::filename(File->Path), V->Line)
                      .str();
        return V;
      }
    // Unresolved: the component's `<key>#fallback`, as userver does.
    return Block.path((Key + "#fallback").str());
  }
};

} // namespace

/// The pool of the component \p C, located at its registration, before the
/// configuration gives its database and size.
static PoolCreationFact componentPool(const ConfigJoin::PendingComponent &C) {
  const RegistrationFact &R = C.Registration;
  PoolCreationFact P;
  P.Library = C.Model->Library;
  P.Callee = R.Service;
  P.Module = R.Module;
  if (llvm::StringRef(R.Module).starts_with("fn:"))
    P.Function = llvm::StringRef(R.Module).drop_front(3).str();
  P.Instance = R.Framework + ":" + R.InstanceName;
  P.Loc = R.Loc;
  return P;
}

/// The pool of a component when no configuration file was found.
static PoolCreationFact unconfiguredPool(const ConfigJoin::PendingComponent &C) {
  PoolCreationFact P = componentPool(C);
  P.SizeText = llvm::formatv("no configuration file found for '{0}'; set the "
                             "ConfigFiles option",
                             C.Registration.InstanceName)
                   .str();
  return P;
}

/// The database a userver component's block names (the DSN, an environment
/// variable, or a secdist alias) into \p P; the DSN when it is a constant.
static std::string configuredDatabase(const UserverConfig &Config,
                                      const ConfigNode &Block,
                                      const ConfigPoolModel &M,
                                      PoolCreationFact &P) {
  std::string Dsn;
  if (!M.DsnKey.empty()) {
    if (const ConfigNode *Env = Config.value(Block, M.DsnKey + "#env", nullptr);
        Env && Env->scalar()) {
      P.Database = "env:" + Env->Value;
      P.DatabaseText = "$" + Env->Value;
    } else if (const ConfigNode *Uri = Config.value(Block, M.DsnKey, nullptr);
               Uri && Uri->scalar() && !Uri->Value.empty() &&
               Uri->Value[0] != '$') {
      Dsn = Uri->Value;
      P.Database = databaseKeyOf({"lit:" + Dsn}, {DsnRole::Dsn}, "");
      P.DatabaseText = Dsn;
    }
  }
  if (P.Database.empty() && !M.AliasKey.empty())
    if (const ConfigNode *Alias = Config.value(Block, M.AliasKey, nullptr);
        Alias && Alias->scalar()) {
      P.Database = "secdist:" + Alias->Value;
      P.DatabaseText = M.AliasKey + " '" + Alias->Value + "'";
    }
  return Dsn;
}

/// The pool size a userver component's block gives (or the model's
/// default) into \p P; an error when it is not a number (userver would
/// refuse to start too).
static std::optional<std::string>
configuredSize(const UserverConfig &Config, const ConfigNode &Block,
               const ConfigPoolModel &M, const ConfigFile &In,
               llvm::StringRef Name, PoolCreationFact &P) {
  std::string SizeFrom;
  const ConfigNode *Size =
      M.SizeKey.empty() ? nullptr : Config.value(Block, M.SizeKey, &SizeFrom);
  if (Size && Size->integer()) {
    P.Size = *Size->integer();
    P.SizeText = llvm::formatv("{0}: {1} ({2}:{3})", M.SizeKey, *P.Size,
                               llvm::sys::path::filename(In.Path), Size->Line)
                     .str();
    if (!SizeFrom.empty())
      P.SizeText += ", " + SizeFrom;
  } else if (Size && Size->Kind != ConfigNode::CN_Null) {
    return llvm::formatv("{0}:{1}: key 'components_manager.components.{2}.{3}' "
                         "must be an integer; got '{4}'",
                         In.Path, Size->Line, Name, M.SizeKey,
                         Size->scalar().value_or("(not a scalar)"))
        .str();
  } else if (M.DefaultSize) {
    P.Size = M.DefaultSize;
    P.SizeText = std::to_string(*M.DefaultSize);
    P.SizeIsDefault = true;
  }
  return std::nullopt;
}

void ConfigJoin::joinComponents(Facts &F) {
  if (Components.empty())
    return;
  UserverConfig Config;
  for (const std::string &Path : staticConfigFiles()) {
    std::shared_ptr<const ConfigFile> File = read(Path, /*YAML=*/true);
    if (!File)
      continue;
    (File->Root.get("components_manager") ? Config.Static : Config.Vars)
        .push_back(File);
  }
  std::set<std::string> Done;
  for (const PendingComponent &C : Components) {
    const RegistrationFact &R = C.Registration;
    // No static config at all: the pool exists, but its database and size
    // are unknown; say so instead of leaving it out of the budget.
    if (Config.Static.empty()) {
      if (Done.insert(R.InstanceName).second)
        F.PoolCreations.push_back(unconfiguredPool(C));
      continue;
    }
    const ConfigNode *Block = nullptr;
    const ConfigFile *In = nullptr;
    for (const auto &File : Config.Static) {
      const ConfigNode *Components =
          File->Root.path("components_manager.components");
      if (Components && (Block = Components->get(R.InstanceName))) {
        In = File.get();
        break;
      }
    }
    // A component without a block fails at startup; nothing to join. The
    // same name twice is a startup error too, and one pool at most.
    if (!Block || !Done.insert(R.InstanceName).second)
      continue;
    const ConfigPoolModel &M = *C.Model;
    PoolCreationFact P = componentPool(C);

    const std::string Dsn = configuredDatabase(Config, *Block, M, P);
    if (std::optional<std::string> Error =
            configuredSize(Config, *Block, M, *In, R.InstanceName, P))
      Errors.push_back(std::move(*Error));
    if (M.SizePerHost && !Dsn.empty())
      if (unsigned Hosts = countDsnHosts(Dsn); Hosts > 1) {
        P.Multiplier = Hosts;
        P.MultiplierReason =
            llvm::formatv("{0} applies per host; the DSN lists {1} hosts",
                          M.SizeKey, Hosts)
                .str();
      }
    F.PoolCreations.push_back(std::move(P));
  }
}

/// The Drogon configuration file a load names (relative to the TU's
/// directory, else to the compile directory), else the .json one of the
/// ConfigFiles option; empty when there is none.
std::string ConfigJoin::loadedPath(const PendingLoad &L) const {
  std::string Path;
  if (!L.File.empty()) {
    std::string Beside =
        absolutePath(L.File, llvm::sys::path::parent_path(MainFile));
    return llvm::sys::fs::exists(Beside) ? Beside
                                         : absolutePath(L.File, WorkingDir);
  }
  for (const std::string &Opt : OptionFiles)
    if (llvm::StringRef(Opt).ends_with_insensitive(".json"))
      Path = absolutePath(Opt, WorkingDir);
  return Path;
}

/// The threads setting a Drogon configuration file gives: "app":
/// {"number_of_threads": n} (older: "threads_num"), plus the main loop.
static std::optional<SettingFact> threadsSetting(const ConfigFile &File,
                                                 const ConfigPoolModel &M,
                                                 const SourcePos &Loc,
                                                 llvm::StringRef FileName) {
  if (M.MultiplierSetting.empty())
    return std::nullopt;
  for (llvm::StringRef Key :
       {"app.number_of_threads", "app.threads_num", "threads_num"}) {
    const ConfigNode *Threads = File.Root.path(Key);
    if (!Threads || !Threads->integer() || *Threads->integer() <= 0)
      continue;
    SettingFact S;
    S.Name = M.MultiplierSetting;
    S.Value = *Threads->integer() + 1;
    S.Text =
        llvm::formatv("{0} {1} in {2}", Key, *Threads->integer(), FileName)
            .str();
    S.Loc = Loc;
    return S;
  }
  return std::nullopt;
}

/// The pool of one "db_clients" entry; an error when its size is not an
/// integer.
llvm::Expected<PoolCreationFact>
ConfigJoin::clientPool(const ConfigNode &Client, size_t Index,
                       const PendingLoad &L, llvm::StringRef Path) {
  const ConfigPoolModel &M = *L.Model;
  const std::string FileName = llvm::sys::path::filename(Path).str();
  auto Str = [&](llvm::StringRef Key, llvm::StringRef Default) {
    const ConfigNode *N = Client.get(Key);
    return N && N->scalar() ? N->Value : Default.str();
  };
  std::string Rdbms = llvm::StringRef(Str("rdbms", "postgresql")).lower();
  std::string Name = Str("name", "default");
  PoolCreationFact P;
  P.Library = M.Library;
  P.Callee = "db_clients";
  P.Function = L.Function;
  P.Instance = "drogon:" + Name;
  P.Loc = L.Loc;
  // The identity has the parts createDbClient/addDbClient give, so a
  // client configured in code and one in the file compare equal.
  std::vector<std::string> Keys, Texts;
  std::vector<DsnRole> Roles;
  auto Part = [&](llvm::StringRef Label, DsnRole Role, const std::string &V) {
    if (V.empty() || V == "0")
      return;
    Keys.push_back("lit:" + V);
    Roles.push_back(Role);
    Texts.push_back((Label + "=" + V).str());
  };
  if (Rdbms == "sqlite3") {
    Part("filename", DsnRole::File, Str("filename", ""));
  } else {
    Part("host", DsnRole::Host, Str("host", "127.0.0.1"));
    Part("port", DsnRole::Port, Str("port", defaultPortOf(Rdbms).str()));
    Part("databaseName", DsnRole::Database, Str("dbname", ""));
  }
  P.Database = databaseKeyOf(Keys, Roles, "");
  P.DatabaseText = llvm::join(Texts, " ");
  const ConfigNode *Size = Client.get("number_of_connections");
  llvm::StringRef SizeKey = "number_of_connections";
  if (!Size) {
    Size = Client.get("connection_number");
    SizeKey = "connection_number";
  }
  if (Size && Size->integer()) {
    P.Size = *Size->integer();
    P.SizeText = llvm::formatv("{0}: {1} (db_client '{2}' in {3})", SizeKey,
                               *P.Size, Name, FileName)
                     .str();
  } else if (Size) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}: key 'db_clients[{1}].{2}' must be an integer",
                      Path, Index, SizeKey)
            .str());
  } else {
    P.Size = 1; // Drogon's default.
    P.SizeText = "1";
    P.SizeIsDefault = true;
  }
  const ConfigNode *Fast = Client.get("is_fast");
  if (Fast && Fast->boolean().value_or(false)) {
    P.MultiplierReason = M.MultiplierReason;
    P.MultiplierSetting = M.MultiplierSetting;
  }
  return P;
}

void ConfigJoin::joinLoads(Facts &F) {
  for (const PendingLoad &L : Loads) {
    std::string Path = loadedPath(L);
    if (Path.empty())
      continue;
    std::shared_ptr<const ConfigFile> File = read(Path, /*YAML=*/false);
    if (!File)
      continue;
    if (std::optional<SettingFact> S = threadsSetting(
            *File, *L.Model, L.Loc, llvm::sys::path::filename(Path)))
      F.Settings.push_back(std::move(*S));
    const ConfigNode *Clients = File->Root.get("db_clients");
    if (!Clients)
      continue;
    if (Clients->Kind != ConfigNode::CN_Sequence) {
      Errors.push_back(
          llvm::formatv("{0}: key 'db_clients' must be an array", Path).str());
      continue;
    }
    for (size_t I = 0; I < Clients->Items.size(); ++I) {
      auto P = clientPool(Clients->Items[I], I, L, Path);
      if (!P) {
        Errors.push_back(llvm::toString(P.takeError()));
        continue;
      }
      F.PoolCreations.push_back(std::move(*P));
    }
  }
}

/// Every setting a pool depends on gets the framework's default, located at
/// the pool, so the reducer has a value when no TU sets it.
void ConfigJoin::addDefaultSettings(Facts &F) {
  std::set<std::string> Seen;
  std::vector<SettingFact> Defaults;
  for (const PoolCreationFact &P : F.PoolCreations) {
    if (P.MultiplierSetting.empty())
      continue;
    for (const Model &M : Models->Models)
      for (const SettingModel &S : M.Settings) {
        if (S.Name != P.MultiplierSetting || !S.Default ||
            !Seen.insert(S.Name + "|" + P.Loc.File + ":" +
                         std::to_string(P.Loc.Offset))
                 .second)
          continue;
        SettingFact D;
        D.Name = S.Name;
        D.Value = *S.Default;
        D.Text = S.DefaultText;
        D.IsDefault = true;
        D.Loc = P.Loc;
        Defaults.push_back(std::move(D));
      }
  }
  llvm::append_range(F.Settings, Defaults);
}

void ConfigJoin::finish(Facts &F) {
  joinComponents(F);
  joinLoads(F);
  llvm::append_range(F.Settings, Settings);
  llvm::append_range(F.Imports, Imports);
  addDefaultSettings(F);
  llvm::append_range(F.ConfigFiles, FilesRead);
  Components.clear();
  Loads.clear();
  Settings.clear();
  Imports.clear();
  FilesRead.clear();
  MainFile.clear();
  WorkingDir.clear();
  Ctx = nullptr;
}

} // namespace clang::tidy::poolguard
