//===----------------------------------------------------------------------===//
//
// Framework models: how a framework declares modules, registers services,
// imports modules and creates pools, as data loaded from JSON model files.
// The format is documented in docs/models.md.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_MODELS_MODEL_H
#define POOLGUARD_MODELS_MODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

// The vocabularies of the model files: each is an enum with one table of
// names (Model.cpp, `namesOf`), read once by parseModel; code dispatches on
// the enum with a `switch`, so -Wswitch finds every place a new value must
// be handled.

/// What a part of a database identity gives (model key "role").
enum class DsnRole { None, Dsn, Driver, Host, Port, Database, File };

/// Where a value comes from at a call site (model key "from"); see
/// ValueSource for what each names.
enum class ValueFrom {
  TemplateArg,
  ChainedTemplateArg,
  Arg,
  Param,
  ArgType,
  ArgPointee,
  LambdaReturn,
  LambdaReturnPointee,
  Field,
  OptionAfter,
  UriQuery,
  ConnStringKey,
  ClassTemplateArg,
  ChainedArgType,
  CalleeClass,
  ResultMethodArg,
  ChainedCall,
  ObjectModules,
};

/// How a framework scopes the instances of a registration (model keys
/// "lifetime" and "scopeLifetimes"; RegistrationFact::Lifetime names it).
enum class LifetimeKind {
  PerRegistration,
  PerName,
  PerType,
  PerModule,
  PerInjector,
  Global,
  PerConsumer,
};

/// The module a registration or import belongs to (model key "module").
enum class ModuleKind { EnclosingFunction, EnclosingClass };

/// The configuration file format of a config pool (model key "format").
enum class ConfigFormat { UserverStaticConfig, DrogonConfig };

/// How a model entry is found in the AST (model key "kind").
enum class MatchKind {
  Call,      ///< A call of the function \c Callee.
  Construct, ///< A construction of the type \c Callee.
  Member,    ///< A data member whose type is a specialization of \c Callee.
  Base, ///< A class deriving from a specialization of \c Callee (kangaru).
};

/// The name of each value of a vocabulary, in the order the model format
/// documents them (error messages list them so).
template <typename E> struct EnumName {
  llvm::StringLiteral Name;
  E Value;
};
template <typename E> llvm::ArrayRef<EnumName<E>> namesOf();
template <> llvm::ArrayRef<EnumName<DsnRole>> namesOf<DsnRole>();
template <> llvm::ArrayRef<EnumName<ValueFrom>> namesOf<ValueFrom>();
template <> llvm::ArrayRef<EnumName<LifetimeKind>> namesOf<LifetimeKind>();
template <> llvm::ArrayRef<EnumName<ModuleKind>> namesOf<ModuleKind>();
template <> llvm::ArrayRef<EnumName<ConfigFormat>> namesOf<ConfigFormat>();
template <> llvm::ArrayRef<EnumName<MatchKind>> namesOf<MatchKind>();

/// The value named \p Name, or std::nullopt.
template <typename E> std::optional<E> enumFromName(llvm::StringRef Name) {
  for (const EnumName<E> &N : namesOf<E>())
    if (N.Name == Name)
      return N.Value;
  return std::nullopt;
}

/// The name of \p Value ("" for a value without one, DsnRole::None).
template <typename E> llvm::StringRef nameOf(E Value) {
  for (const EnumName<E> &N : namesOf<E>())
    if (N.Value == Value)
      return N.Name;
  return "";
}

/// The role a model names ("dsn", "driver", "host", "port", "database",
/// "file"), or None for an unknown name.
DsnRole dsnRoleOf(llvm::StringRef Name);

/// Where a value (service type, size, DSN, name) comes from at a call site,
/// constructor or member. See docs/models.md for every kind.
struct ValueSource {
  /// Model key "from" (ValueFrom), one of: "templateArg" (template argument
  /// \c Index of the callee or of the member's type), "chainedTemplateArg"
  /// (template argument \c Index of a method \c Name called on the result,
  /// `.as<I>()`), "arg" (call
  /// argument \c Index), "param" (the argument bound to the parameter named
  /// \c Name), "argType", "argPointee" (type of argument \c Index, or what
  /// it points to: `std::make_shared<T>()` gives T), "lambdaReturn",
  /// "lambdaReturnPointee" (return type of the lambda passed as argument
  /// \c Index), "field" (field \c Name of the aggregate passed as argument
  /// \c Index), "optionAfter" (the argument after the enumerator \c Name),
  /// "uriQuery" (query parameter \c Name of the URI in argument \c Index),
  /// "connStringKey" (option \c Name of the `;`-separated connection string
  /// in argument \c Index), "classTemplateArg" (template argument \c Index
  /// of the callee's class), "chainedArgType" (type of argument \c Index of
  /// a method \c Name called on the result: `.in(di::singleton)`),
  /// "calleeClass" (the constructed class, or the callee's class),
  /// "resultMethodArg" (argument \c Index of the last call of method \c Name
  /// on the variable the result is stored in: `Db.setDatabaseName(x)`),
  /// "chainedCall" (for a registration's scope: \c Name itself when a method
  /// of that name is called on the result, through a chain of calls:
  /// Hypodermic's `.singleInstance()`; nothing otherwise).
  ValueFrom From = ValueFrom::Arg;
  int Index = 0;
  std::string Name;
  /// For types: strip one smart pointer or pointer (shared_ptr<T> -> T).
  bool Pointee = false;
  /// For DSNs: when the value was built by a call or construction of this
  /// type (`std::make_shared<ConnectionProvider>(dsn)`), use argument
  /// \c ThroughIndex of that construction instead.
  std::string Through;
  int ThroughIndex = 0;
  /// For DSNs: leave out the `;`-separated connection-string options whose
  /// key starts with this prefix (cppdb's "@": `@pool_size=10`).
  std::string DropOptions;
  /// For DSN parts: what the part gives ("dsn", "driver", "host", "port",
  /// "database", "file"), so that parts and connection strings naming the
  /// same database compare equal (facts/DatabaseAddress.h).
  DsnRole Role = DsnRole::None;
};

/// A call, constructor or macro-expanded member that registers a service.
struct RegistrationModel {
  MatchKind Kind = MatchKind::Call;
  std::string Callee; ///< Qualified name of the function or type.
  ValueSource Service;
  std::optional<ValueSource> Interface;
  std::optional<ValueSource> Name;
  ModuleKind Module = ModuleKind::EnclosingFunction;
  LifetimeKind Lifetime = LifetimeKind::PerRegistration;
  /// The scope of the registration (the type of `.in(di::singleton)`) and
  /// the lifetime each scope type gives; \c Lifetime when none matches.
  std::optional<ValueSource> Scope;
  std::vector<std::pair<std::string, LifetimeKind>> ScopeLifetimes;
  /// When not empty, only registrations in functions of these names
  /// (unqualified or qualified) count: composition roots.
  std::vector<std::string> Roots;
  /// Only when the service's argument is an object made right there
  /// (`std::make_shared<C>()`, `new C`, through a local variable), not one
  /// kept in a member or global and handed out again.
  bool FreshService = false;
  /// Not a registration when the method is called on the result of a
  /// method of one of these names: `bind<T>.in(di::unique)` binds T to
  /// itself, while in `bind<I>.to<C>().in(...)` the `to` registers.
  std::vector<std::string> UnlessOn;
};

/// A call that makes a module use another module.
struct ImportModel {
  MatchKind Kind = MatchKind::Call;
  std::string Callee;
  ValueSource Imported;
  ModuleKind Module = ModuleKind::EnclosingFunction;
  /// Every call creates new instances of what the imported module provides
  /// (a Fruit injector per request): each pool-owning registration the
  /// imported module reaches in the TU is registered again at the call.
  bool NewInstances = false;
  /// The construction builds an injector (fruit::Injector): per-injector
  /// registrations it reaches are one instance per such injector.
  bool Injector = false;
  /// With Injector, on a member call: only when the object is a container
  /// variable declared in the calling function (`kgr::container C;
  /// C.service<D>()`); a container parameter, member or global is a plain
  /// import (it may be the same container as elsewhere).
  bool LocalContainer = false;
  /// Recorded only in code that repeats (poolguard-pool-per-call): a call
  /// that uses an injector (Boost.DI `create`, Hypodermic `build`), which
  /// elsewhere is no import of its own.
  bool RepeatingOnly = false;
  /// Qualified type names of the first parameters (see PoolModel::Params).
  std::vector<std::string> Params;
};

/// A call or constructor that creates a connection pool.
struct PoolModel {
  MatchKind Kind = MatchKind::Call;
  std::string Callee; ///< Qualified name of the function or constructed type.
  /// Qualified names of the types of the first parameters, to pick one
  /// overload (`sw::redis::Redis(const ConnectionOptions &, ...)`).
  std::vector<std::string> Params;
  std::string Library;
  std::optional<ValueSource> Size;
  /// Parts of the database identity (one argument, or host/port/database).
  std::vector<ValueSource> Dsn;
  std::optional<int64_t> DefaultSize; ///< When the size is not given.
  /// The port of a connection string that names none (libpq: 5432).
  std::string DefaultPort;
  /// The name the library keeps the connection by (Qt SQL). A constant name
  /// is one pool wherever it is created (re-adding a name replaces the
  /// connection); a name built at run time (from a thread id) is one
  /// connection per thread that runs the call.
  std::optional<ValueSource> ConnectionName;
  bool Unbounded = false;
  bool SizeIsInitialCache = false;
  /// Each call opens one connection (libpq's PQconnectdb, a pqxx::connection):
  /// the "pool" of the code that makes it is as many connections as the
  /// loops around the call run (their constant trip counts), else unknown.
  bool Connection = false;
  /// The pool opens connections only when asked for one (Oat++): a pool kept
  /// in a local variable that nothing reads opens none and is no pool.
  bool Lazy = false;
  /// Creations whose value of this source is the same constant string are
  /// one pool (cppdb caches pools per exact connection string).
  std::optional<ValueSource> CacheKey;
  /// A boolean value that, when true, multiplies the pool (Drogon isFast).
  std::optional<ValueSource> MultiplierFlag;
  std::string MultiplierReason;
  /// The setting (SettingModel::Name) whose value is the multiplier when the
  /// flag is true ("drogon.loops").
  std::string MultiplierSetting;
};

/// Code a framework runs again and again (per request, per timer tick, per
/// thread): a pool created there opens new connections every time
/// (poolguard-pool-per-call).
struct RepeatingModel {
  /// Call or Construct: a lambda passed as an argument of the call (a
  /// construction of the type: `std::thread`) repeats. Base: the member
  /// functions of a class deriving from \c Callee repeat (request handlers).
  MatchKind Kind = MatchKind::Call;
  std::string Callee;
  /// Base only: the repeating member functions (empty: every member
  /// function but constructors and destructors).
  std::vector<std::string> Methods;
  /// Call only: the lambda repeats only when it starts the call again, by
  /// calling \c Callee itself or the function that made the call (a timer
  /// whose handler re-arms it: asio's `async_wait`); else it runs once.
  bool Rearmed = false;
  /// Call or Construct only: the lambda runs once for each run of the call
  /// (a thread's function, once per thread started), so it repeats only
  /// where the call itself repeats; a thread started at start-up runs its
  /// function once.
  bool RepeatsWhereCalled = false;
  std::string Reason; ///< For messages: "a Drogon controller handles requests".
};

/// A call or construction that runs the lambda passed to it at most once
/// (`std::call_once(flag, [&] { ... })`): a pool made there is made once,
/// even inside code that repeats (poolguard-pool-per-call).
struct OnceModel {
  MatchKind Kind = MatchKind::Call; ///< Call or Construct.
  std::string Callee;
};

/// A call that sets a program-wide setting from an argument:
/// `app().setThreadNum(n)` sets "drogon.loops" to n + 1.
struct SettingModel {
  std::string Callee;
  std::string Name;
  ValueSource Value;
  int64_t Add = 0;                ///< Added to the argument's value.
  std::optional<int64_t> Default; ///< The value when nothing sets it.
  std::string DefaultText;        ///< Shown in messages for the default.
};

/// Pools declared in a configuration file and joined with the code by name
/// (userver's static_config.yaml, Drogon's config.json). The file formats are
/// read by checks/facts/ConfigFiles.cpp; see docs/models.md.
struct ConfigPoolModel {
  /// "userver-static-config": each registration of a type in \c Services
  /// under a name is a pool configured by that name's component block.
  /// "drogon-config": each `db_clients[]` entry of the file \c LoadCall
  /// names is a pool created at that call.
  ConfigFormat Format = ConfigFormat::UserverStaticConfig;
  std::vector<std::string> Services;
  std::string NameMember; ///< Static member naming an unnamed registration.
  std::string LoadCall;   ///< Function whose argument 0 names the file.
  /// Drogon: a function whose argument 0 names a configured client
  /// (`getDbClient("name")`): an import of that client, not a pool.
  std::string ImportCall;
  std::vector<std::string> FileNames; ///< Discovered beside the sources.
  std::string Library;
  std::string SizeKey;  ///< Key (dotted path) of the maximum size.
  std::string DsnKey;   ///< Key of the database URI; `<key>#env` too.
  std::string AliasKey; ///< Key of a secret-store alias of the database.
  std::optional<int64_t> DefaultSize;
  bool SizePerHost = false; ///< The size applies to each host of the DSN.
  std::string MultiplierSetting; ///< For fast clients ("is_fast").
  std::string MultiplierReason;
};

/// One model file.
struct Model {
  std::string Name;
  std::string File;
  std::string Description;
  std::vector<RegistrationModel> Registrations;
  std::vector<ImportModel> Imports;
  std::vector<PoolModel> Pools;
  std::vector<SettingModel> Settings;
  std::vector<ConfigPoolModel> ConfigPools;
  std::vector<RepeatingModel> Repeating;
  std::vector<OnceModel> Once;
  std::vector<std::string> PoolTypes; ///< Qualified names of pool types.
  /// Functions whose string argument names an environment variable.
  std::vector<std::string> EnvGetters;
  /// Annotations (`[[clang::annotate("...")]]`) that mark pool types.
  std::vector<std::string> PoolAnnotations;
  /// Glob patterns of test file names (`*_test.cpp`): pools created there
  /// belong to tests, not to the service, and are left out.
  std::vector<std::string> TestFiles;
  /// Namespaces of the framework's own code ("userver"): a call made inside
  /// a function of these namespaces (an inline header forwarding to another
  /// overload) is the framework's, not a registration, pool or import.
  std::vector<std::string> FrameworkNamespaces;
};

/// The built-in models plus the user's.
struct ModelSet {
  std::vector<Model> Models;
};

/// Parses and validates one model file. Errors name the file, the line and
/// the offending key.
llvm::Expected<Model> parseModel(llvm::StringRef Text, llvm::StringRef File);

/// The built-in models (checks/models/*.json), as (file name, text) pairs.
llvm::ArrayRef<std::pair<const char *, const char *>> builtinModelTexts();

/// Loads the built-in models and \p ExtraFiles. Results are cached per list
/// of files, so every check in every TU of one process shares them.
llvm::Expected<std::shared_ptr<const ModelSet>>
loadModels(llvm::ArrayRef<std::string> ExtraFiles);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_MODELS_MODEL_H
