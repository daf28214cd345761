//===----------------------------------------------------------------------===//
//
// Unit tests of the configuration joins: the YAML/JSON readers, DSN host
// counts, settings and instances in the facts format, and the budget's
// resolution of a multiplier setting.
//
//===----------------------------------------------------------------------===//

#include "TestFiles.h"
#include "ConnectionBudgetCheck.h"
#include "RepeatedPoolCheck.h"
#include "facts/ConfigFiles.h"
#include "facts/Facts.h"
#include "facts/FactsCollector.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

TEST(ConfigFilesTest, ReadsYAMLWithLines) {
  auto F = parseYAMLConfig("components_manager:\n"
                           "  components:\n"
                           "    db:\n"
                           "      dbconnection: 'postgresql://h/d'\n"
                           "      max_pool_size: 20\n"
                           "      hosts: [a, b]\n",
                           "static_config.yaml");
  ASSERT_TRUE(static_cast<bool>(F)) << llvm::toString(F.takeError());
  const ConfigNode *Db = (*F)->Root.path("components_manager.components.db");
  ASSERT_NE(Db, nullptr);
  EXPECT_EQ(Db->get("dbconnection")->Value, "postgresql://h/d");
  EXPECT_EQ(Db->get("max_pool_size")->integer(), std::optional<int64_t>(20));
  EXPECT_EQ(Db->get("max_pool_size")->Line, 5u);
  EXPECT_EQ(Db->get("hosts")->Items.size(), 2u);
  EXPECT_EQ(Db->get("missing"), nullptr);
}

TEST(ConfigFilesTest, YAMLSyntaxErrorNamesFileLineAndColumn) {
  auto F = parseYAMLConfig("a:\n  b: [unclosed\n", "bad.yaml");
  ASSERT_FALSE(static_cast<bool>(F));
  std::string Message = llvm::toString(F.takeError());
  EXPECT_EQ(llvm::StringRef(Message).take_front(11), "bad.yaml:2:");
}

TEST(ConfigFilesTest, ReadsJSONWithComments) {
  auto F = parseJSONConfig("{\n  // comment\n  \"db_clients\": [{\"name\": "
                           "\"x\", \"is_fast\": true, \"port\": 5432}]\n}\n",
                           "config.json");
  ASSERT_TRUE(static_cast<bool>(F)) << llvm::toString(F.takeError());
  const ConfigNode *Clients = (*F)->Root.get("db_clients");
  ASSERT_NE(Clients, nullptr);
  ASSERT_EQ(Clients->Items.size(), 1u);
  EXPECT_EQ(Clients->Items[0].get("is_fast")->boolean(),
            std::optional<bool>(true));
  EXPECT_EQ(Clients->Items[0].get("port")->integer(),
            std::optional<int64_t>(5432));
}

TEST(ConfigFilesTest, JSONSyntaxErrorNamesFileAndLine) {
  auto F = parseJSONConfig("{\n\"a\": 1\n\"b\": 2}\n", "config.json");
  ASSERT_FALSE(static_cast<bool>(F));
  std::string Message = llvm::toString(F.takeError());
  EXPECT_EQ(llvm::StringRef(Message).take_front(14), "config.json:3:")
      << Message;
}

TEST(ConfigFilesTest, DeepNestingIsNotRecursedInto) {
  std::string Deep(200, '[');
  Deep += std::string(200, ']');
  auto F = parseYAMLConfig(Deep, "deep.yaml");
  EXPECT_FALSE(static_cast<bool>(F));
  llvm::consumeError(F.takeError());
}

TEST(ConfigFilesTest, CountsDsnHosts) {
  EXPECT_EQ(countDsnHosts("postgresql://u:p@a:5432,b:5432/db?x=1"), 2u);
  EXPECT_EQ(countDsnHosts("postgresql://u@a/db"), 1u);
  EXPECT_EQ(countDsnHosts("host=a,b,c dbname=x"), 3u);
  EXPECT_EQ(countDsnHosts("dbname=x"), 1u);
  EXPECT_EQ(countDsnHosts(""), 1u);
}

TEST(ConfigFactsTest, SettingsAndInstancesRoundTripAndMerge) {
  Facts F;
  PoolCreationFact C;
  C.Library = "drogon";
  C.Size = 10;
  C.Database = "parts:lit:h;lit:5432;lit:d";
  C.MultiplierSetting = "drogon.loops";
  C.Instance = "drogon:default";
  C.Loc = {"/src/main.cpp", 3, 1, 30};
  F.PoolCreations.push_back(C);
  SettingFact S;
  S.Name = "drogon.loops";
  S.Value = 5;
  S.Text = "setThreadNum(4)";
  S.Loc = {"/src/main.cpp", 2, 1, 10};
  F.Settings.push_back(S);
  F.ConfigFiles.push_back("/src/config.json");

  auto Back = factsFromJSON(toJSON(F), "test");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->PoolCreations.size(), 1u);
  EXPECT_EQ(Back->PoolCreations[0].MultiplierSetting, "drogon.loops");
  EXPECT_EQ(Back->PoolCreations[0].Instance, "drogon:default");
  ASSERT_EQ(Back->Settings.size(), 1u);
  EXPECT_EQ(Back->Settings[0].Value, 5);
  EXPECT_EQ(Back->Settings[0].Text, "setThreadNum(4)");
  EXPECT_EQ(Back->ConfigFiles, F.ConfigFiles);

  // Two TUs reading the same file and seeing the same setting merge to one.
  Facts M = mergeFacts({F, *Back});
  EXPECT_EQ(M.Settings.size(), 1u);
  EXPECT_EQ(M.ConfigFiles.size(), 1u);

  // Facts without settings are written as before (no new keys).
  EXPECT_EQ(toJSON(Facts()).find("settings"), std::string::npos);
}

/// A fast pool of \p Size that depends on "drogon.loops".
static Facts fastPool(int64_t Size) {
  Facts F;
  PoolCreationFact C;
  C.Library = "drogon";
  C.Size = Size;
  C.Database = "parts:lit:h;lit:5432;lit:d";
  C.MultiplierSetting = "drogon.loops";
  C.MultiplierReason = "fast";
  C.Loc = {"/src/main.cpp", 5, 3, 50};
  F.PoolCreations.push_back(C);
  SettingFact Default;
  Default.Name = "drogon.loops";
  Default.Value = 2;
  Default.IsDefault = true;
  Default.Loc = C.Loc;
  F.Settings.push_back(Default);
  return F;
}

TEST(ConfigFactsTest, BudgetUsesTheDefaultSettingWhenNothingSetsIt) {
  std::vector<DatabaseBudget> B = computeBudgets(fastPool(20), {});
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(B[0].KnownTotal, 40);
  EXPECT_EQ(B[0].Pools[0].Multiplier, 2u);
}

TEST(ConfigFactsTest, BudgetPrefersAnExplicitSettingOverTheDefault) {
  Facts F = fastPool(20);
  SettingFact S;
  S.Name = "drogon.loops";
  S.Value = 5;
  S.Text = "setThreadNum(4)";
  S.Loc = {"/src/other.cpp", 9, 3, 90};
  F.Settings.push_back(S);
  std::vector<DatabaseBudget> B = computeBudgets(F, {});
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(B[0].KnownTotal, 100);
  EXPECT_EQ(B[0].Pools[0].MultiplierReason, "fast (setThreadNum(4))");
}

TEST(ConfigFactsTest, OneNamedInstanceIsOnePool) {
  // userver: the same component name appended in two TUs is one component.
  Facts F;
  for (unsigned Line : {3u, 7u}) {
    PoolCreationFact C;
    C.Library = "userver-postgres";
    C.Size = 15;
    C.Database = "lit:postgresql://h/d";
    C.Instance = "userver:postgres-db";
    C.Loc = {"/src/main.cpp", Line, 3, Line * 10};
    F.PoolCreations.push_back(C);
  }
  EXPECT_TRUE(findRepeatedPools(F).empty());
  F.PoolCreations[1].Instance = "userver:other-db";
  EXPECT_EQ(findRepeatedPools(F).size(), 1u);
}

/// Collects the facts of \p Code, written to \p Dir/main.cpp, whose config
/// files are in \p Dir too.
static Facts collectIn(llvm::StringRef Dir, llvm::StringRef Code,
                       std::vector<std::string> ConfigFiles) {
  auto Models = loadModels({});
  EXPECT_TRUE(static_cast<bool>(Models)) << llvm::toString(Models.takeError());
  if (!Models)
    return Facts();
  llvm::SmallString<128> Main(Dir);
  llvm::sys::path::append(Main, "main.cpp");
  std::vector<std::string> Args = {"-std=c++17", "-nostdinc++", "-isystem",
                                   POOLGUARD_TEST_HEADERS};
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, Args, Main.str());
  EXPECT_TRUE(AST != nullptr);
  FactsCollector Collector(*Models);
  Collector.setConfigFiles(std::move(ConfigFiles));
  ast_matchers::MatchFinder Finder;
  Collector.registerMatchers(Finder);
  Finder.matchAST(AST->getASTContext());
  Facts F = Collector.takeFacts(Main.str());
  EXPECT_TRUE(Collector.takeConfigErrors().empty());
  return F;
}

TEST(ConfigFactsTest, UserverMaxPoolSizeAppliesPerHost) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cfg", Dir));
  std::string Yaml = ::poolguard::test::writeTestFile(
      Dir, "static_config.yaml",
      "components_manager:\n"
      "  components:\n"
      "    multi-db:\n"
      "      dbconnection: 'postgresql://u@a:5432,b:5432,c:5432/app'\n"
      "    env-db:\n"
      "      dbconnection#env: APP_DB\n"
      "      max_pool_size: 7\n");
  Facts F = collectIn(
      Dir,
      "#include <userver/components/component_list.hpp>\n"
      "#include <userver/storages/postgres/component.hpp>\n"
      "using namespace userver;\n"
      "void AppendDb(components::ComponentList &list) {\n"
      "  list.Append<components::Postgres>(\"multi-db\");\n"
      "  list.Append<components::Postgres>(\"env-db\");\n"
      "}\n",
      {Yaml});
  ASSERT_EQ(F.PoolCreations.size(), 2u);
  const PoolCreationFact &Multi = F.PoolCreations[0];
  EXPECT_EQ(Multi.Database, "db:a:5432,b:5432,c:5432:/app");
  EXPECT_EQ(Multi.Size, std::optional<int64_t>(15));
  EXPECT_TRUE(Multi.SizeIsDefault);
  EXPECT_EQ(Multi.Multiplier, 3u);
  EXPECT_EQ(Multi.Instance, "userver:multi-db");
  EXPECT_EQ(Multi.Function, "AppendDb");
  EXPECT_EQ(Multi.Loc.Line, 5u);
  const PoolCreationFact &Env = F.PoolCreations[1];
  EXPECT_EQ(Env.Database, "env:APP_DB");
  EXPECT_EQ(Env.Size, std::optional<int64_t>(7));
  EXPECT_FALSE(Env.SizeIsDefault);
  EXPECT_EQ(Env.Multiplier, 1u);
  EXPECT_EQ(F.ConfigFiles, std::vector<std::string>{Yaml});
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ConfigFactsTest, DrogonConfigClientsAndThreads) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cfg", Dir));
  ::poolguard::test::writeTestFile(Dir, "config.json",
            "{\"app\": {\"number_of_threads\": 3},\n"
            " \"db_clients\": [{\"name\": \"main\", \"host\": \"db\",\n"
            "   \"dbname\": \"app\", \"is_fast\": true,\n"
            "   \"number_of_connections\": 6}]}\n");
  Facts F = collectIn(Dir,
                      "#include <drogon/drogon.h>\n"
                      "int main() {\n"
                      "  drogon::app().loadConfigFile(\"config.json\");\n"
                      "}\n"
                      "struct Reports {\n"
                      "  void run() { drogon::app().getDbClient(\"main\"); }\n"
                      "};\n"
                      "void other() { drogon::app().getDbClient(); }\n",
                      {});
  ASSERT_EQ(F.PoolCreations.size(), 1u);
  const PoolCreationFact &C = F.PoolCreations[0];
  EXPECT_EQ(C.Database, "db:db:5432/app");
  EXPECT_EQ(C.Size, std::optional<int64_t>(6));
  EXPECT_EQ(C.MultiplierSetting, "drogon.loops");
  EXPECT_EQ(C.Instance, "drogon:main");
  EXPECT_EQ(C.Function, "main");
  EXPECT_EQ(C.Loc.Line, 3u);
  std::vector<DatabaseBudget> B = computeBudgets(F, {});
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(B[0].KnownTotal, 24); // 6 x (3 threads + 1).
  // getDbClient("name") uses a configured client: an import, not a pool.
  ASSERT_EQ(F.Imports.size(), 2u);
  EXPECT_EQ(F.Imports[0].Module, "class:Reports");
  EXPECT_EQ(F.Imports[0].Imported, "dbclient:main");
  EXPECT_EQ(F.Imports[1].Module, "fn:other");
  EXPECT_EQ(F.Imports[1].Imported, "dbclient:default");
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace clang::tidy::poolguard
