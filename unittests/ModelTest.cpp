//===----------------------------------------------------------------------===//
//
// Unit tests of the model loader: the built-in models load, and every kind
// of mistake in a model file is reported with file, line and key.
//
//===----------------------------------------------------------------------===//

#include "models/Model.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

std::string errorOf(llvm::StringRef Text) {
  auto M = parseModel(Text, "my.json");
  if (M)
    return "";
  return llvm::toString(M.takeError());
}

TEST(ModelTest, BuiltinModelsLoad) {
  auto Set = loadModels({});
  ASSERT_TRUE(static_cast<bool>(Set)) << llvm::toString(Set.takeError());
  std::vector<std::string> Names;
  for (const Model &M : (*Set)->Models)
    Names.push_back(M.Name);
  for (const char *Expected :
       {"hypodermic", "oatpp", "drogon", "soci", "redis++", "poco-data",
        "taopq", "mysqlx", "poolguard"})
    EXPECT_TRUE(llvm::is_contained(Names, Expected)) << Expected;
  // Cached per list of files.
  auto Again = loadModels({});
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(Set->get(), Again->get());
}

TEST(ModelTest, ParsesEveryField) {
  auto M = parseModel(R"json({
  "name": "acme",
  "description": "In-house container",
  "registrations": [
    {"callee": "acme::Injector::provide",
     "service": {"from": "templateArg", "index": 0},
     "interface": {"from": "chainedTemplateArg", "name": "as"},
     "name": {"from": "arg", "index": 0},
     "module": "enclosingFunction", "lifetime": "per-name"},
    {"kind": "member", "callee": "acme::Provides",
     "service": {"from": "templateArg", "index": 0, "pointee": true},
     "module": "enclosingClass", "lifetime": "per-type"}
  ],
  "pools": [
    {"kind": "construct", "callee": "acme::DbPool", "params": ["std::basic_string"],
     "size": {"from": "param", "name": "maxSize"},
     "dsn": [{"from": "arg", "index": 0, "through": "acme::Dsn", "throughIndex": 1}],
     "defaultSize": 16, "unbounded": false, "sizeIsInitialCache": true,
     "multiplierFlag": {"from": "field", "index": 1, "name": "perThread"},
     "multiplierReason": "one pool per thread"}
  ],
  "poolTypes": ["acme::DbPool"],
  "envGetters": ["acme::env"],
  "poolAnnotations": ["acme::pool"]
})json",
                      "acme.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  EXPECT_EQ(M->Name, "acme");
  ASSERT_EQ(M->Registrations.size(), 2u);
  EXPECT_EQ(M->Registrations[0].Callee, "acme::Injector::provide");
  ASSERT_TRUE(M->Registrations[0].Interface.has_value());
  EXPECT_EQ(M->Registrations[0].Interface->Name, "as");
  EXPECT_EQ(M->Registrations[1].Kind, MatchKind::Member);
  EXPECT_TRUE(M->Registrations[1].Service.Pointee);
  ASSERT_EQ(M->Pools.size(), 1u);
  const PoolModel &P = M->Pools[0];
  EXPECT_EQ(P.Kind, MatchKind::Construct);
  EXPECT_EQ(P.Library, "acme");
  EXPECT_EQ(P.Params, std::vector<std::string>{"std::basic_string"});
  ASSERT_EQ(P.Dsn.size(), 1u);
  EXPECT_EQ(P.Dsn[0].Through, "acme::Dsn");
  EXPECT_EQ(P.Dsn[0].ThroughIndex, 1);
  EXPECT_EQ(P.DefaultSize, std::optional<int64_t>(16));
  EXPECT_TRUE(P.SizeIsInitialCache);
  EXPECT_EQ(P.MultiplierReason, "one pool per thread");
  EXPECT_EQ(M->PoolTypes, std::vector<std::string>{"acme::DbPool"});
}

TEST(ModelTest, UnknownKeyNamesFileLineAndKey) {
  std::string E = errorOf(R"json({
  "name": "acme",
  "pools": [
    {"callee": "acme::make",
     "sise": {"from": "arg", "index": 1}}
  ]
})json");
  EXPECT_NE(E.find("my.json:5:"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'sise' in pools[0]"), std::string::npos) << E;
}

TEST(ModelTest, WrongTypeNamesFileLineAndKey) {
  std::string E =
      errorOf("{\n  \"name\": \"acme\",\n  \"poolTypes\": \"acme::Pool\"\n}");
  EXPECT_NE(E.find("my.json:3: key 'poolTypes' must be an array of strings"),
            std::string::npos)
      << E;
  E = errorOf("{\n  \"name\": \"acme\",\n  \"pools\": [{\"callee\": \"f\",\n"
              "    \"size\": {\"from\": \"arg\", \"index\": \"1\"}}]\n}");
  EXPECT_NE(E.find("my.json:4: key 'index' must be an integer"),
            std::string::npos)
      << E;
}

TEST(ModelTest, BadValuesAreErrors) {
  EXPECT_NE(
      errorOf(
          R"({"name": "a", "pools": [{"callee": "f", "size": {"from": "argument"}}]})")
          .find("key 'from' must be one of"),
      std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "registrations": [{"callee": "f",
      "service": {"from": "templateArg"}, "module": "enclosingFunction",
      "lifetime": "forever"}]})")
                .find("key 'lifetime' must be one of"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "registrations": [{"callee": "f",
      "module": "enclosingFunction", "lifetime": "global"}]})")
                .find("missing key 'service'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"pools": []})").find("missing key 'name'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "pools": [{"callee": "f",
      "size": {"from": "field"}}]})")
                .find("missing key 'name' in pools[0].size"),
            std::string::npos);
  // A scope chosen by a chained call names the method.
  EXPECT_NE(errorOf(R"({"name": "a", "registrations": [{"callee": "f",
      "service": {"from": "templateArg"}, "module": "enclosingFunction",
      "lifetime": "per-consumer", "scope": {"from": "chainedCall"}}]})")
                .find("missing key 'name' in registrations[0].scope"),
            std::string::npos);
}

TEST(ModelTest, HypodermicIsTransientUnlessSingleInstance) {
  auto Models = loadModels({});
  ASSERT_TRUE(static_cast<bool>(Models)) << llvm::toString(Models.takeError());
  const Model *H = nullptr;
  for (const Model &M : (*Models)->Models)
    if (M.Name == "hypodermic")
      H = &M;
  ASSERT_NE(H, nullptr);
  for (const RegistrationModel &R : H->Registrations) {
    if (R.Callee == "Hypodermic::ContainerBuilder::registerInstance") {
      EXPECT_EQ(R.Lifetime, LifetimeKind::PerRegistration);
      continue;
    }
    EXPECT_EQ(R.Lifetime, LifetimeKind::PerConsumer) << R.Callee;
    ASSERT_TRUE(R.Scope.has_value()) << R.Callee;
    EXPECT_EQ(R.Scope->From, ValueFrom::ChainedCall);
    EXPECT_EQ(R.Scope->Name, "singleInstance");
    ASSERT_EQ(R.ScopeLifetimes.size(), 1u);
    EXPECT_EQ(R.ScopeLifetimes[0].second, LifetimeKind::PerRegistration);
  }
}

TEST(ModelTest, RepeatingConnectionAndLazyKeys) {
  auto M = parseModel(R"({"name": "a",
      "pools": [{"callee": "connect", "connection": true, "lazy": true}],
      "repeating": [{"kind": "base", "callee": "Handler",
                     "methods": ["handle"], "reason": "per request"},
                    {"kind": "construct", "callee": "std::thread",
                     "reason": "per thread"}]})",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  ASSERT_EQ(M->Pools.size(), 1u);
  EXPECT_TRUE(M->Pools[0].Connection);
  EXPECT_TRUE(M->Pools[0].Lazy);
  ASSERT_EQ(M->Repeating.size(), 2u);
  EXPECT_EQ(M->Repeating[0].Kind, MatchKind::Base);
  EXPECT_EQ(M->Repeating[0].Methods, std::vector<std::string>{"handle"});
  EXPECT_EQ(M->Repeating[1].Reason, "per thread");
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"callee": "f",
      "methods": ["g"], "reason": "r"}]})")
                .find("key 'methods' needs a repeating entry of kind 'base'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"callee": "f"}]})")
                .find("missing key 'reason'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"kind": "member",
      "callee": "f", "reason": "r"}]})")
                .find("must be 'call', 'construct' or 'base'"),
            std::string::npos);
}

TEST(ModelTest, ImportRepeatingOnlyFromObjectModules) {
  auto M = parseModel(R"({"name": "a", "imports": [
      {"callee": "Builder::build", "imported": {"from": "objectModules"},
       "module": "enclosingFunction", "injector": true,
       "repeatingOnly": true}]})",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  ASSERT_EQ(M->Imports.size(), 1u);
  EXPECT_EQ(M->Imports[0].Imported.From, ValueFrom::ObjectModules);
  EXPECT_TRUE(M->Imports[0].RepeatingOnly);
  EXPECT_NE(errorOf(R"({"name": "a", "imports": [{"callee": "f",
      "imported": {"from": "objectModules"}, "module": "enclosingFunction",
      "repeatingOnly": 1}]})")
                .find("repeatingOnly"),
            std::string::npos);
}

TEST(ModelTest, RepeatingRearmedKey) {
  auto M = parseModel(R"({"name": "a", "repeating": [
      {"callee": "timer::async_wait", "rearmed": true, "reason": "per tick"},
      {"callee": "loop::runEvery", "reason": "per tick"}]})",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  ASSERT_EQ(M->Repeating.size(), 2u);
  EXPECT_TRUE(M->Repeating[0].Rearmed);
  EXPECT_FALSE(M->Repeating[1].Rearmed);
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"kind": "base",
      "callee": "f", "rearmed": true, "reason": "r"}]})")
                .find("key 'rearmed' needs a repeating entry of kind 'call'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"callee": "f",
      "rearmed": "yes", "reason": "r"}]})")
                .find("rearmed"),
            std::string::npos);
}

TEST(ModelTest, RepeatsWhereCalledKey) {
  auto M = parseModel(R"({"name": "a", "repeating": [
      {"kind": "construct", "callee": "std::thread",
       "repeatsWhereCalled": true, "reason": "per thread"},
      {"callee": "loop::runEvery", "reason": "per tick"}]})",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  ASSERT_EQ(M->Repeating.size(), 2u);
  EXPECT_TRUE(M->Repeating[0].RepeatsWhereCalled);
  EXPECT_FALSE(M->Repeating[1].RepeatsWhereCalled);
  EXPECT_NE(errorOf(R"({"name": "a", "repeating": [{"kind": "base",
      "callee": "f", "repeatsWhereCalled": true, "reason": "r"}]})")
                .find("key 'repeatsWhereCalled' needs a repeating entry of "
                      "kind 'call' or 'construct'"),
            std::string::npos);
}

TEST(ModelTest, OnceKey) {
  auto M = parseModel(R"({"name": "a", "once": [
      {"callee": "std::call_once"},
      {"kind": "construct", "callee": "my::OnceTask"}]})",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  ASSERT_EQ(M->Once.size(), 2u);
  EXPECT_EQ(M->Once[0].Kind, MatchKind::Call);
  EXPECT_EQ(M->Once[0].Callee, "std::call_once");
  EXPECT_EQ(M->Once[1].Kind, MatchKind::Construct);
  EXPECT_NE(errorOf(R"({"name": "a", "once": [{"kind": "base",
      "callee": "f"}]})")
                .find("key 'kind' of a once entry must be 'call' or "
                      "'construct'"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "once": [{"kind": "call"}]})")
                .find("callee"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"name": "a", "once": [{"callee": "f",
      "reason": "r"}]})")
                .find("reason"),
            std::string::npos);
}

/// The names of \p E are distinct, name values 0..N-1 once each, and read
/// back to themselves.
template <typename E> void expectOneNamePerValue() {
  llvm::ArrayRef<EnumName<E>> Names = namesOf<E>();
  std::vector<bool> Seen(Names.size());
  for (const EnumName<E> &N : Names) {
    size_t Index = static_cast<size_t>(N.Value);
    ASSERT_LT(Index, Seen.size()) << N.Name.str();
    EXPECT_FALSE(Seen[Index]) << N.Name.str();
    Seen[Index] = true;
    EXPECT_EQ(enumFromName<E>(N.Name), std::optional<E>(N.Value));
    EXPECT_EQ(nameOf(N.Value), N.Name);
  }
  EXPECT_EQ(enumFromName<E>("no such name"), std::nullopt);
}

TEST(ModelTest, EveryVocabularyHasOneTableOfNames) {
  expectOneNamePerValue<ValueFrom>();
  expectOneNamePerValue<LifetimeKind>();
  expectOneNamePerValue<ModuleKind>();
  expectOneNamePerValue<ConfigFormat>();
  expectOneNamePerValue<MatchKind>();
  // DsnRole::None is no model name ("role" left out).
  EXPECT_EQ(nameOf(DsnRole::None), "");
  EXPECT_EQ(dsnRoleOf("host"), DsnRole::Host);
  EXPECT_EQ(dsnRoleOf("hostname"), DsnRole::None);
}

TEST(ModelTest, ReadsVocabulariesIntoEnums) {
  auto M = parseModel(R"json({"name": "a",
  "registrations": [{"callee": "f", "service": {"from": "calleeClass"},
    "module": "enclosingClass", "lifetime": "per-injector",
    "scope": {"from": "argType"}, "scopeLifetimes": {"s": "per-consumer"}}],
  "pools": [{"kind": "construct", "callee": "p",
    "dsn": [{"from": "resultMethodArg", "name": "setHost", "role": "host"},
            {"from": "arg", "index": 1}]}],
  "configPools": [{"format": "drogon-config", "loadCall": "load"}]
})json",
                      "my.json");
  ASSERT_TRUE(static_cast<bool>(M)) << llvm::toString(M.takeError());
  const RegistrationModel &R = M->Registrations.at(0);
  EXPECT_EQ(R.Service.From, ValueFrom::CalleeClass);
  EXPECT_EQ(R.Module, ModuleKind::EnclosingClass);
  EXPECT_EQ(R.Lifetime, LifetimeKind::PerInjector);
  ASSERT_EQ(R.ScopeLifetimes.size(), 1u);
  EXPECT_EQ(R.ScopeLifetimes[0].second, LifetimeKind::PerConsumer);
  const PoolModel &P = M->Pools.at(0);
  EXPECT_EQ(P.Kind, MatchKind::Construct);
  ASSERT_EQ(P.Dsn.size(), 2u);
  EXPECT_EQ(P.Dsn[0].From, ValueFrom::ResultMethodArg);
  EXPECT_EQ(P.Dsn[0].Role, DsnRole::Host);
  EXPECT_EQ(P.Dsn[1].Role, DsnRole::None);
  EXPECT_EQ(M->ConfigPools.at(0).Format, ConfigFormat::DrogonConfig);
}

TEST(ModelTest, UnknownVocabularyNamesListTheValidOnes) {
  EXPECT_EQ(errorOf(R"({"name": "a",
  "registrations": [{"callee": "f", "service": {"from": "arg"},
    "module": "enclosingNamespace", "lifetime": "global"}]})"),
            "my.json:3: key 'module' must be one of: enclosingFunction, "
            "enclosingClass; got 'enclosingNamespace'");
  EXPECT_EQ(errorOf(R"({"name": "a",
  "registrations": [{"callee": "f", "service": {"from": "arg"},
    "module": "enclosingClass", "lifetime": "forever"}]})"),
            "my.json:3: key 'lifetime' must be one of: per-registration, "
            "per-name, per-type, per-module, per-injector, global, "
            "per-consumer; got 'forever'");
  EXPECT_EQ(errorOf(R"({"name": "a",
  "registrations": [{"callee": "f", "service": {"from": "arg"},
    "module": "enclosingClass", "lifetime": "global",
    "scopeLifetimes": {"s": "forever"}}]})"),
            "my.json:4: scopeLifetimes['s'] must be one of: per-registration, "
            "per-name, per-type, per-module, per-injector, global, "
            "per-consumer");
  EXPECT_EQ(errorOf(R"({"name": "a", "pools": [
  {"kind": "ctor", "callee": "p"}]})"),
            "my.json:2: key 'kind' must be one of: call, construct, member, "
            "base; got 'ctor'");
  EXPECT_EQ(errorOf(R"({"name": "a", "pools": [{"callee": "p",
  "dsn": {"from": "arg", "role": "hostname"}}]})"),
            "my.json:2: key 'role' must be one of: dsn, driver, host, port, "
            "database, file; got 'hostname'");
  EXPECT_EQ(errorOf(R"({"name": "a",
  "configPools": [{"format": "yaml"}]})"),
            "my.json:2: key 'format' must be one of: userver-static-config, "
            "drogon-config; got 'yaml'");
  // A kind that needs a name (switch over ValueFrom).
  EXPECT_EQ(errorOf(R"({"name": "a", "pools": [{"callee": "p",
  "size": {"from": "uriQuery", "index": 0}}]})"),
            "my.json:2: missing key 'name' in pools[0].size");
}

TEST(ModelTest, SyntaxErrorNamesTheLine) {
  std::string E = errorOf("{\n  \"name\": \"acme\",\n  \"pools\": [,]\n}");
  EXPECT_NE(E.find("my.json:3: invalid JSON"), std::string::npos) << E;
}

TEST(ModelTest, LoadsUserFilesAndReportsErrors) {
  llvm::SmallString<128> Path;
  int FD;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("poolguard-model", "json", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << "{\n  \"name\": \"acme\",\n  \"poolTypes\": [\"acme::Pool\"],\n"
          "  \"extra\": 1\n}\n";
  }
  auto Set = loadModels({std::string(Path)});
  ASSERT_FALSE(static_cast<bool>(Set));
  std::string E = llvm::toString(Set.takeError());
  EXPECT_NE(E.find(std::string(Path) + ":4: unknown key 'extra'"),
            std::string::npos)
      << E;
  auto Missing = loadModels({"/nonexistent/model.json"});
  ASSERT_FALSE(static_cast<bool>(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("cannot read model file"),
            std::string::npos);
  llvm::sys::fs::remove(Path);
}

} // namespace
} // namespace clang::tidy::poolguard
