//===----------------------------------------------------------------------===//
//
// Unit tests of the facts collector: code in, facts out, with the built-in
// models and the mock framework headers of the lit tests.
//
//===----------------------------------------------------------------------===//

#include "facts/FactsCollector.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

Facts collect(llvm::StringRef Code, std::vector<std::string> ExtraModels = {},
              llvm::StringRef Std = "-std=c++20") {
  auto Models = loadModels(ExtraModels);
  EXPECT_TRUE(static_cast<bool>(Models)) << llvm::toString(Models.takeError());
  if (!Models)
    return Facts();
  std::vector<std::string> Args = {Std.str(), "-nostdinc++", "-isystem",
                                   POOLGUARD_TEST_HEADERS};
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, Args, "/src/input.cpp");
  EXPECT_TRUE(AST != nullptr);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  FactsCollector Collector(*Models);
  ast_matchers::MatchFinder Finder;
  Collector.registerMatchers(Finder);
  Finder.matchAST(AST->getASTContext());
  return Collector.takeFacts("/src/input.cpp");
}

const RegistrationFact *registrationAt(const Facts &F, unsigned Line) {
  for (const RegistrationFact &R : F.Registrations)
    if (R.Loc.Line == Line)
      return &R;
  return nullptr;
}

const PoolCreationFact *poolAt(const Facts &F, unsigned Line) {
  for (const PoolCreationFact &C : F.PoolCreations)
    if (C.Loc.Line == Line)
      return &C;
  return nullptr;
}

const PoolOwnerFact *ownerOf(const Facts &F, llvm::StringRef Type) {
  for (const PoolOwnerFact &O : F.PoolOwners)
    if (O.Type == Type)
      return &O;
  return nullptr;
}

bool hasModule(const Facts &F, llvm::StringRef Key) {
  return llvm::any_of(F.Modules,
                      [&](const ModuleFact &M) { return M.Key == Key; });
}

TEST(CollectorTest, HypodermicRegistrationsAndOwnership) {
  Facts F = collect(R"cpp(#include <Hypodermic/Hypodermic.h>
#include <soci/soci.h>
class IPrisma { public: virtual ~IPrisma(); };
class PrismaService : public IPrisma {
  soci::connection_pool pool_{10};
};
class Logger {};
void DiApp(Hypodermic::ContainerBuilder &b) {
  b.registerType<PrismaService>().as<IPrisma>().singleInstance();
  b.registerInstance(std::make_shared<Logger>());
}
namespace users {
void DiUsers(Hypodermic::ContainerBuilder &b) {
  b.registerType<PrismaService>();
  b.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<soci::connection_pool>(4);
  });
}
}
)cpp");
  const RegistrationFact *App = registrationAt(F, 9);
  ASSERT_NE(App, nullptr);
  EXPECT_EQ(App->Service, "PrismaService");
  EXPECT_EQ(App->Interface, "IPrisma");
  EXPECT_EQ(App->Module, "fn:DiApp");
  EXPECT_EQ(App->Framework, "hypodermic");
  EXPECT_EQ(App->Lifetime, "per-registration");
  EXPECT_FALSE(App->PoolCreatedByProvider);
  EXPECT_EQ(App->Loc.Column, 5u); // `registerType`
  EXPECT_EQ(App->Loc.File, "/src/input.cpp");

  const RegistrationFact *Logger = registrationAt(F, 10);
  ASSERT_NE(Logger, nullptr);
  EXPECT_EQ(Logger->Service, "Logger");

  const RegistrationFact *Users = registrationAt(F, 14);
  ASSERT_NE(Users, nullptr);
  EXPECT_EQ(Users->Service, "PrismaService");
  EXPECT_EQ(Users->Interface, "");
  EXPECT_EQ(Users->Module, "fn:users::DiUsers");

  const RegistrationFact *Factory = registrationAt(F, 15);
  ASSERT_NE(Factory, nullptr);
  EXPECT_EQ(Factory->Service, "soci::connection_pool");
  EXPECT_TRUE(Factory->PoolCreatedByProvider);

  EXPECT_TRUE(hasModule(F, "fn:DiApp"));
  EXPECT_TRUE(hasModule(F, "fn:users::DiUsers"));

  const PoolOwnerFact *Owner = ownerOf(F, "PrismaService");
  ASSERT_NE(Owner, nullptr);
  EXPECT_EQ(Owner->Reason, "member 'pool_' of type 'soci::connection_pool'");
  EXPECT_EQ(Owner->Loc.Line, 5u);

  const PoolCreationFact *Member = poolAt(F, 5);
  ASSERT_NE(Member, nullptr);
  EXPECT_EQ(Member->Library, "soci");
  EXPECT_EQ(Member->Size, std::optional<int64_t>(10));
  EXPECT_EQ(Member->OwnerType, "PrismaService");
  const PoolCreationFact *InFactory = poolAt(F, 16);
  ASSERT_NE(InFactory, nullptr);
  EXPECT_EQ(InFactory->Size, std::optional<int64_t>(4));
  EXPECT_EQ(InFactory->Function, "users::DiUsers");
  EXPECT_EQ(InFactory->Module, "fn:users::DiUsers");
}

TEST(CollectorTest, TransitiveOwnershipThroughMembersBasesAndPointers) {
  Facts F = collect(R"cpp(#include <soci/soci.h>
#include <memory>
class Database {
  std::unique_ptr<soci::connection_pool> pool_;
};
class Repo {
  Database db_;
};
class Derived : public Repo {};
class Creator {
public:
  Creator();
};
Creator::Creator() { soci::connection_pool p(2); }
class [[clang::annotate("poolguard::pool")]] InHousePool {};
struct Holder { std::shared_ptr<InHousePool> p; };
struct Plain { int x; };
struct Observer {
  std::weak_ptr<soci::connection_pool> weak_;
  soci::connection_pool *raw_;
  soci::connection_pool &ref_;
};
)cpp");
  const PoolOwnerFact *Db = ownerOf(F, "Database");
  ASSERT_NE(Db, nullptr);
  EXPECT_EQ(Db->Reason,
            "member 'pool_' of type 'std::unique_ptr<soci::connection_pool>'");
  const PoolOwnerFact *Repo = ownerOf(F, "Repo");
  ASSERT_NE(Repo, nullptr);
  EXPECT_EQ(Repo->Reason,
            "member 'db_' of type 'Database', which owns a pool: member "
            "'pool_' of type 'std::unique_ptr<soci::connection_pool>'");
  const PoolOwnerFact *Derived = ownerOf(F, "Derived");
  ASSERT_NE(Derived, nullptr);
  EXPECT_EQ(Derived->Reason.rfind("base class 'Repo', which owns a pool: ", 0),
            0u);
  const PoolOwnerFact *Creator = ownerOf(F, "Creator");
  ASSERT_NE(Creator, nullptr);
  EXPECT_EQ(Creator->Reason, "creates a pool in 'Creator::Creator'");
  EXPECT_EQ(Creator->Loc.Line, 14u);
  EXPECT_NE(ownerOf(F, "InHousePool"), nullptr);
  const PoolOwnerFact *Holder = ownerOf(F, "Holder");
  ASSERT_NE(Holder, nullptr);
  EXPECT_EQ(Holder->Reason,
            "member 'p' of type 'std::shared_ptr<InHousePool>'");
  EXPECT_EQ(ownerOf(F, "Plain"), nullptr);
  EXPECT_EQ(ownerOf(F, "Observer"), nullptr);
}

TEST(CollectorTest, OatppComponentsAndPools) {
  Facts F = collect(R"cpp(#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>
struct ConfigDto { oatpp::String dbConnectionString; };
class UserDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};
class EthnicDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};
class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<UserDb>, userDb)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    return std::make_shared<UserDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());
  OATPP_CREATE_COMPONENT(std::shared_ptr<EthnicDb>, ethnicDb)("ethnic", [] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    return std::make_shared<EthnicDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());
};
)cpp");
  const RegistrationFact *User = registrationAt(F, 14);
  ASSERT_NE(User, nullptr);
  EXPECT_EQ(User->Service, "UserDb");
  EXPECT_EQ(User->Module, "class:DatabaseComponent");
  EXPECT_EQ(User->Lifetime, "per-type");
  EXPECT_EQ(User->InstanceName, "");
  EXPECT_EQ(User->Loc.Column, 3u);
  EXPECT_TRUE(User->PoolCreatedByProvider);
  const RegistrationFact *Ethnic = registrationAt(F, 20);
  ASSERT_NE(Ethnic, nullptr);
  EXPECT_EQ(Ethnic->Service, "EthnicDb");
  EXPECT_EQ(Ethnic->InstanceName, "ethnic");
  EXPECT_TRUE(hasModule(F, "class:DatabaseComponent"));

  const PoolCreationFact *P1 = poolAt(F, 17);
  const PoolCreationFact *P2 = poolAt(F, 23);
  ASSERT_NE(P1, nullptr);
  ASSERT_NE(P2, nullptr);
  EXPECT_EQ(P1->Library, "oatpp-postgresql");
  EXPECT_EQ(P1->Callee, "oatpp::postgresql::ConnectionPool::createShared");
  EXPECT_EQ(P1->Size, std::optional<int64_t>(100));
  EXPECT_EQ(P1->SizeText, "100");
  EXPECT_EQ(P1->Database, "expr:config->dbConnectionString");
  EXPECT_EQ(P1->DatabaseText, "config->dbConnectionString");
  EXPECT_EQ(P2->Database, P1->Database);
  EXPECT_EQ(P1->OwnerType, "DatabaseComponent");
  EXPECT_EQ(P1->Module, "class:DatabaseComponent");
  EXPECT_EQ(P1->Function, "");
}

TEST(CollectorTest, DrogonPools) {
  Facts F = collect(R"cpp(#include <drogon/drogon.h>
#include <cstdlib>
std::string dsn();
const int kConns = 8;
void configure() {
  auto a = drogon::orm::DbClient::newPgClient(dsn(), kConns);
  auto b = drogon::orm::DbClient::newPgClient(std::getenv("DATABASE_URL"), 2);
  drogon::app().createDbClient("postgresql", "db.local", 5432, "app", "u", "p", 16, "", "main", true);
  drogon::app().addDbClient(drogon::orm::PostgresConfig{
      .host = "db.local", .port = 5432, .databaseName = "app",
      .connectionNumber = 4, .isFast = false});
  std::string conn = "host=x dbname=y";
  auto c = drogon::orm::DbClient::newMysqlClient(conn, 3);
  drogon::app().createDbClient("sqlite3", "", 0, "", "", "", 1, "a.db");
  drogon::app().addDbClient(drogon::orm::Sqlite3Config{.connectionNumber = 1, .filename = "a.db"});
}
)cpp");
  const PoolCreationFact *A = poolAt(F, 6);
  ASSERT_NE(A, nullptr);
  EXPECT_EQ(A->Library, "drogon");
  EXPECT_EQ(A->Size, std::optional<int64_t>(8));
  EXPECT_EQ(A->SizeText, "kConns");
  EXPECT_EQ(A->Database, "call:dsn");
  EXPECT_EQ(A->Function, "configure");
  EXPECT_EQ(A->OwnerType, "");
  const PoolCreationFact *B = poolAt(F, 7);
  ASSERT_NE(B, nullptr);
  EXPECT_EQ(B->Database, "env:DATABASE_URL");
  const PoolCreationFact *C = poolAt(F, 8);
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(C->Size, std::optional<int64_t>(16));
  EXPECT_EQ(C->Database, "db:db.local:5432/app");
  EXPECT_FALSE(C->MultiplierReason.empty());
  EXPECT_EQ(C->Multiplier, 1u);
  const PoolCreationFact *D = poolAt(F, 9);
  ASSERT_NE(D, nullptr);
  EXPECT_EQ(D->Size, std::optional<int64_t>(4));
  EXPECT_EQ(D->Database, C->Database);
  EXPECT_TRUE(D->MultiplierReason.empty());
  const PoolCreationFact *E = poolAt(F, 13);
  ASSERT_NE(E, nullptr);
  EXPECT_EQ(E->Database, "db:x:3306/y");
  EXPECT_EQ(E->DatabaseText, "host=x dbname=y");
  // Unset parts (no host for SQLite, no file for Postgres) are left out.
  const PoolCreationFact *S1 = poolAt(F, 14);
  const PoolCreationFact *S2 = poolAt(F, 15);
  ASSERT_NE(S1, nullptr);
  ASSERT_NE(S2, nullptr);
  EXPECT_EQ(S1->Database, "db:file:a.db");
  EXPECT_EQ(S2->Database, "db:file:a.db");
}

TEST(CollectorTest, MemberCallIdentities) {
  Facts F = collect(R"cpp(#include <drogon/drogon.h>
struct Config { std::string get(const char *key) const; std::string dsn() const; };
void f(const Config &config) {
  auto a = drogon::orm::DbClient::newPgClient(config.get("db.url"), 1);
  auto b = drogon::orm::DbClient::newPgClient(config.dsn(), 1);
  auto c = drogon::orm::DbClient::newPgClient(config.get(nullptr), 1);
}
)cpp");
  ASSERT_NE(poolAt(F, 4), nullptr);
  EXPECT_EQ(poolAt(F, 4)->Database, "expr:config.get(\"db.url\")");
  EXPECT_EQ(poolAt(F, 5)->Database, "expr:config.dsn()");
  EXPECT_EQ(poolAt(F, 6)->Database, "");
}

TEST(CollectorTest, PoolLibraries) {
  Facts F = collect(R"cpp(#include <sw/redis++/redis++.h>
#include <Poco/Data/SessionPool.h>
#include <tao/pq.hpp>
#include <mysqlx/xdevapi.h>
void f() {
  sw::redis::ConnectionOptions opts;
  opts.host = "cache.local";
  sw::redis::ConnectionPoolOptions pool;
  pool.size = 6;
  sw::redis::Redis r1(opts, pool);
  sw::redis::Redis r2(opts);
  sw::redis::Redis r3("tcp://cache.local:6379?pool_size=5");
  Poco::Data::SessionPool s1("PostgreSQL", "host=db");
  Poco::Data::SessionPool s2("PostgreSQL", "host=db", 1, 12);
  auto t = tao::pq::connection_pool::create("dbname=app");
  mysqlx::Client c1("mysqlx://db/app", mysqlx::ClientOption::POOL_MAX_SIZE, 7);
  mysqlx::Client c2("mysqlx://db/app");
  auto c3 = mysqlx::getClient("mysqlx://db/app", mysqlx::ClientOption::POOL_MAX_SIZE, 3);
}
)cpp");
  const PoolCreationFact *R1 = poolAt(F, 10);
  ASSERT_NE(R1, nullptr);
  EXPECT_EQ(R1->Library, "redis++");
  EXPECT_EQ(R1->Size, std::optional<int64_t>(6));
  EXPECT_EQ(R1->Database, "db:cache.local:6379/");
  const PoolCreationFact *R2 = poolAt(F, 11);
  ASSERT_NE(R2, nullptr);
  EXPECT_EQ(R2->Size, std::optional<int64_t>(1));
  EXPECT_TRUE(R2->SizeIsDefault);
  const PoolCreationFact *R3 = poolAt(F, 12);
  ASSERT_NE(R3, nullptr);
  EXPECT_EQ(R3->Size, std::optional<int64_t>(5));
  EXPECT_EQ(R3->Database, "db:cache.local:6379/");
  const PoolCreationFact *S1 = poolAt(F, 13);
  ASSERT_NE(S1, nullptr);
  EXPECT_EQ(S1->Size, std::optional<int64_t>(32));
  EXPECT_TRUE(S1->SizeIsDefault);
  EXPECT_EQ(S1->Database, "db:db:5432/");
  const PoolCreationFact *S2 = poolAt(F, 14);
  ASSERT_NE(S2, nullptr);
  EXPECT_EQ(S2->Size, std::optional<int64_t>(12));
  EXPECT_FALSE(S2->SizeIsDefault);
  const PoolCreationFact *T = poolAt(F, 15);
  ASSERT_NE(T, nullptr);
  EXPECT_TRUE(T->Unbounded);
  EXPECT_FALSE(T->Size.has_value());
  EXPECT_EQ(T->Database, "db:localhost:5432/app");
  const PoolCreationFact *C1 = poolAt(F, 16);
  ASSERT_NE(C1, nullptr);
  EXPECT_EQ(C1->Library, "mysqlx");
  EXPECT_EQ(C1->Size, std::optional<int64_t>(7));
  const PoolCreationFact *C2 = poolAt(F, 17);
  ASSERT_NE(C2, nullptr);
  EXPECT_EQ(C2->Size, std::optional<int64_t>(25));
  EXPECT_TRUE(C2->SizeIsDefault);
  const PoolCreationFact *C3 = poolAt(F, 18);
  ASSERT_NE(C3, nullptr);
  EXPECT_EQ(C3->Callee, "mysqlx::getClient");
  EXPECT_EQ(C3->Size, std::optional<int64_t>(3));
  EXPECT_EQ(C3->Database, C1->Database);
}

TEST(CollectorTest, UserModelWithImportsAndNames) {
  llvm::SmallString<128> Path;
  int FD;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("acme", "json", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << R"json({
  "name": "acme",
  "registrations": [{"callee": "acme::Injector::provide",
    "service": {"from": "templateArg", "index": 0},
    "name": {"from": "param", "name": "name"},
    "module": "enclosingFunction", "lifetime": "per-name"}],
  "imports": [{"callee": "acme::Injector::install",
    "imported": {"from": "arg", "index": 0}, "module": "enclosingFunction"}],
  "pools": [{"kind": "construct", "callee": "acme::db::Pool",
    "size": {"from": "param", "name": "maxConnections"},
    "dsn": {"from": "param", "name": "dsn"}}],
  "poolTypes": ["acme::db::Pool"]
})json";
  }
  Facts F = collect(R"cpp(#include <string>
namespace acme {
namespace db { struct Pool { Pool(const std::string &dsn, int maxConnections = 4); }; }
struct Injector {
  template <typename T> void provide(const char *name);
  void install(void (*module)(Injector &));
};
}
struct Store { acme::db::Pool pool_{"postgresql://db/x"}; };
void core(acme::Injector &i) { i.provide<Store>("store"); }
void app(acme::Injector &i) { i.install(core); i.install(&core); }
)cpp",
                    {std::string(Path)});
  llvm::sys::fs::remove(Path);
  const RegistrationFact *R = registrationAt(F, 10);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Service, "Store");
  EXPECT_EQ(R->InstanceName, "store");
  EXPECT_EQ(R->Lifetime, "per-name");
  ASSERT_EQ(F.Imports.size(), 2u);
  EXPECT_EQ(F.Imports[0].Module, "fn:app");
  EXPECT_EQ(F.Imports[0].Imported, "fn:core");
  EXPECT_EQ(F.Imports[1].Imported, "fn:core");
  const PoolCreationFact *P = poolAt(F, 9);
  ASSERT_NE(P, nullptr);
  EXPECT_EQ(P->Library, "acme");
  EXPECT_EQ(P->Size, std::optional<int64_t>(4));
  EXPECT_TRUE(P->SizeIsDefault);
  EXPECT_EQ(P->Database, "db:db:5432/x");
  const PoolOwnerFact *O = ownerOf(F, "Store");
  ASSERT_NE(O, nullptr);
  EXPECT_EQ(O->Reason, "member 'pool_' of type 'acme::db::Pool'");
}

TEST(CollectorTest, TemplateServicesKeepTheirArguments) {
  Facts F = collect(R"cpp(#include <Hypodermic/Hypodermic.h>
#include <soci/soci.h>
namespace db { struct User {}; struct Order {}; }
template <typename T> class Repository { soci::connection_pool pool_{2}; };
void di(Hypodermic::ContainerBuilder &b) {
  b.registerType<Repository<db::User>>();
  b.registerType<Repository<db::Order>>();
}
)cpp");
  ASSERT_NE(registrationAt(F, 6), nullptr);
  EXPECT_EQ(registrationAt(F, 6)->Service, "Repository<db::User>");
  EXPECT_EQ(registrationAt(F, 7)->Service, "Repository<db::Order>");
  EXPECT_NE(ownerOf(F, "Repository<db::User>"), nullptr);
}

TEST(CollectorTest, NothingWithoutModelledCalls) {
  Facts F = collect(R"cpp(#include <memory>
struct A { int x; };
void f() { auto a = std::make_shared<A>(); }
)cpp");
  EXPECT_TRUE(F.empty());
  ASSERT_EQ(F.TranslationUnits.size(), 1u);
}

} // namespace
} // namespace clang::tidy::poolguard
