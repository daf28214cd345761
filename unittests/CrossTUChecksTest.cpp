//===----------------------------------------------------------------------===//
//
// Unit tests of the cross-TU checks' pure functions over merged facts.
//
//===----------------------------------------------------------------------===//

#include "ConnectionBudgetCheck.h"
#include "DuplicatePooledProviderCheck.h"
#include "PoolPerCallCheck.h"
#include "RepeatedPoolCheck.h"
#include "facts/Instances.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

SourcePos at(llvm::StringRef File, unsigned Line) {
  return {File.str(), Line, 3, Line * 10};
}

RegistrationFact reg(llvm::StringRef Service, llvm::StringRef Module,
                     llvm::StringRef Lifetime, SourcePos Loc,
                     llvm::StringRef Name = "") {
  RegistrationFact R;
  R.Service = Service.str();
  R.Module = Module.str();
  R.Lifetime = Lifetime.str();
  R.InstanceName = Name.str();
  R.Loc = std::move(Loc);
  return R;
}

PoolCreationFact pool(llvm::StringRef Db, std::optional<int64_t> Size,
                      SourcePos Loc, llvm::StringRef Owner = "") {
  PoolCreationFact C;
  C.Library = "soci";
  C.Database = Db.str();
  C.DatabaseText = Db.str();
  C.Size = Size;
  C.SizeText = Size ? std::to_string(*Size) : "n";
  C.OwnerType = Owner.str();
  C.Loc = std::move(Loc);
  return C;
}

/// The incident: PrismaService registered by the app module and two feature
/// modules, each registration its own instance.
Facts incident() {
  Facts F;
  F.PoolOwners.push_back({"PrismaService",
                          "member 'pool_' of type 'soci::connection_pool'",
                          at("/p/prisma.h", 5)});
  F.Registrations.push_back(
      reg("PrismaService", "fn:registerApp", "per-registration",
          at("/p/app.cpp", 7)));
  F.Registrations.push_back(
      reg("PrismaService", "fn:registerUsers", "per-registration",
          at("/p/users.cpp", 4)));
  F.Registrations.push_back(
      reg("PrismaService", "fn:registerOrders", "per-registration",
          at("/p/orders.cpp", 9)));
  return mergeFacts({F});
}

TEST(DuplicatePooledProviderTest, OneFindingAtTheSecondRegistration) {
  auto Findings = findDuplicatePooledProviders(incident());
  ASSERT_EQ(Findings.size(), 1u);
  // Without imports, by file and line: app.cpp first, orders.cpp second.
  EXPECT_EQ(Findings[0].Loc.File, "/p/orders.cpp");
  EXPECT_NE(Findings[0].Message.find("'PrismaService' owns a connection pool"),
            std::string::npos);
  EXPECT_NE(Findings[0].Message.find("3 registrations in 3 modules"),
            std::string::npos);
  // Notes: the two other registrations and the ownership.
  ASSERT_EQ(Findings[0].Notes.size(), 3u);
  EXPECT_EQ(Findings[0].Notes[0].Loc.File, "/p/app.cpp");
  EXPECT_EQ(Findings[0].Notes[1].Loc.File, "/p/users.cpp");
  EXPECT_EQ(Findings[0].Notes.back().Message,
            "'PrismaService' owns a pool: member 'pool_' of type "
            "'soci::connection_pool'");
  EXPECT_EQ(Findings[0].Key, "PrismaService");
  ASSERT_EQ(Findings[0].Members.size(), 3u);
  EXPECT_EQ(Findings[0].Members[1], Findings[0].Loc);
}

TEST(DuplicatePooledProviderTest, SameFindingAtEachMember) {
  auto Findings = findDuplicatePooledProviders(incident());
  ASSERT_EQ(Findings.size(), 1u);
  const Finding &F = Findings[0];
  ASSERT_EQ(F.AtMembers.size(), F.Members.size());
  for (size_t I = 0; I < F.Members.size(); ++I) {
    const Finding &At = F.AtMembers[I];
    EXPECT_EQ(At.Loc, F.Members[I]);
    EXPECT_EQ(At.Key, F.Key);
    EXPECT_EQ(At.Members, F.Members);
    // The other two registrations and the ownership.
    ASSERT_EQ(At.Notes.size(), 3u);
    EXPECT_TRUE(llvm::none_of(At.Notes, [&](const FindingNote &N) {
      return N.Loc == At.Loc;
    }));
  }
  // At the first registration: it is the one provided again.
  EXPECT_NE(F.AtMembers[0].Message.find("provided again by 'registerApp'"),
            std::string::npos);
  EXPECT_EQ(F.AtMembers[1].Message, F.Message);
}

TEST(DuplicatePooledProviderTest, KeyIsStableWhenARegistrationComesOrGoes) {
  Facts F = incident();
  const Finding Three = findDuplicatePooledProviders(F).at(0);
  llvm::erase_if(F.Registrations, [](const RegistrationFact &R) {
    return R.Loc.File == "/p/orders.cpp";
  });
  auto Two = findDuplicatePooledProviders(F);
  ASSERT_EQ(Two.size(), 1u);
  EXPECT_EQ(Two[0].Loc.File, "/p/users.cpp");
  EXPECT_EQ(Two[0].Key, Three.Key);
  EXPECT_EQ(Two[0].Members.size(), 2u);
}

TEST(DuplicatePooledProviderTest, KeepsTheRegistrationReachedFromTheRoot) {
  Facts F = incident();
  // main imports registerUsers first: the users registration is kept, the
  // finding is at the next one reached, app.cpp.
  F.Imports.push_back({"fn:main", "fn:registerUsers", at("/p/main.cpp", 2)});
  F.Imports.push_back({"fn:registerUsers", "fn:registerApp",
                       at("/p/users.cpp", 2)});
  F.Imports.push_back({"fn:registerUsers", "fn:registerOrders",
                       at("/p/users.cpp", 3)});
  auto Findings = findDuplicatePooledProviders(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/app.cpp");
  EXPECT_EQ(Findings[0].Notes[0].Loc.File, "/p/users.cpp");
  EXPECT_EQ(Findings[0].Notes[1].Loc.File, "/p/orders.cpp");
}

TEST(DuplicatePooledProviderTest, NoFindingForOneRegistration) {
  Facts F = incident();
  F.Registrations.resize(1);
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(DuplicatePooledProviderTest, NoFindingWhenTheTypeOwnsNoPool) {
  Facts F = incident();
  F.PoolOwners.clear();
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(DuplicatePooledProviderTest, EachInjectorMakesItsOwnInstance) {
  // Fruit: one binding, per injector. Components that install the store's
  // component twice under one injector are one instance; a second injector
  // reaching it is a second.
  Facts F;
  F.PoolOwners.push_back({"PgStore", "member 'pool_'", at("/p/store.h", 1)});
  F.Registrations.push_back(reg("PgStore", "fn:getStore", "per-injector",
                                at("/p/store.cpp", 3)));
  F.Imports.push_back({"fn:getApp", "fn:getStore", at("/p/app.cpp", 2)});
  F.Imports.push_back({"fn:getApp", "fn:getRequest", at("/p/app.cpp", 3)});
  F.Imports.push_back({"fn:getRequest", "fn:getStore", at("/p/req.cpp", 2)});
  ImportFact Main{"fn:main", "fn:getApp", at("/p/main.cpp", 5)};
  Main.Injector = true;
  F.Imports.push_back(Main);
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());

  ImportFact Worker{"fn:worker", "fn:getRequest", at("/p/worker.cpp", 7)};
  Worker.Injector = true;
  F.Imports.push_back(Worker);
  auto Findings = findDuplicatePooledProviders(F);
  ASSERT_EQ(Findings.size(), 1u);
  // Both injectors are roots: the first by location is kept.
  EXPECT_EQ(Findings[0].Loc, at("/p/worker.cpp", 7));
  EXPECT_NE(Findings[0].Message.find("provided again by 'worker'"),
            std::string::npos);
  ASSERT_EQ(Findings[0].Notes.size(), 3u);
  EXPECT_EQ(Findings[0].Notes[0].Loc, at("/p/main.cpp", 5));
  EXPECT_EQ(Findings[0].Notes[1].Message,
            "each injector makes its own 'PgStore', bound in 'getStore' here");
  EXPECT_EQ(Findings[0].Notes[1].Loc, at("/p/store.cpp", 3));

  // An import that is not an injector (a component installing another) adds
  // no instance.
  F.Imports.back().Injector = false;
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(DuplicatePooledProviderTest, PerConsumerFactoryIsAFindingByItself) {
  // A CppMicroServices ServiceFactory makes one instance per consuming
  // bundle: one registration, several pools.
  Facts F;
  F.PoolOwners.push_back({"PgStore", "member 'pool_'", at("/p/store.h", 1)});
  F.Registrations.push_back(reg("PgStore", "class:StoreFactory",
                                "per-consumer", at("/p/factory.cpp", 9)));
  auto Findings = findDuplicatePooledProviders(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc, at("/p/factory.cpp", 9));
  EXPECT_EQ(Findings[0].Message,
            "'PgStore' owns a connection pool and is made by 'StoreFactory' "
            "for each consumer; every consumer gets its own instance and "
            "pool; register one shared instance instead");
  ASSERT_EQ(Findings[0].Notes.size(), 1u);
  // A type that owns no pool: nothing.
  F.PoolOwners.clear();
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(DuplicatePooledProviderTest, SameNameIsOneInstance) {
  // userver: the same component name twice is a startup error, not a second
  // pool; different names are different instances.
  Facts F;
  F.PoolOwners.push_back({"components::Postgres", "catalogued pool type",
                          at("/p/postgres.h", 1)});
  F.Registrations.push_back(reg("components::Postgres", "fn:A", "per-name",
                                at("/p/a.cpp", 1), "db"));
  F.Registrations.push_back(reg("components::Postgres", "fn:B", "per-name",
                                at("/p/b.cpp", 1), "db"));
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
  F.Registrations.push_back(reg("components::Postgres", "fn:C", "per-name",
                                at("/p/c.cpp", 1), "db-2"));
  auto Findings = findDuplicatePooledProviders(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/c.cpp");
}

TEST(DuplicatePooledProviderTest, GlobalLifetimeIsOneInstance) {
  Facts F = incident();
  for (RegistrationFact &R : F.Registrations)
    R.Lifetime = "global";
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(DuplicatePooledProviderTest, ProviderCreatingAPoolCounts) {
  Facts F = incident();
  F.PoolOwners.clear();
  for (RegistrationFact &R : F.Registrations)
    R.PoolCreatedByProvider = true;
  auto Findings = findDuplicatePooledProviders(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Notes.size(), 2u);
}

TEST(RepeatedPoolTest, WarnsAtEveryCreationButTheFirst) {
  Facts F;
  F.PoolCreations.push_back(
      pool("expr:config->dbConnectionString", 100, at("/p/db.h", 20)));
  F.PoolCreations.push_back(
      pool("expr:config->dbConnectionString", 100, at("/p/db.h", 10)));
  F.PoolCreations.push_back(pool("env:OTHER", 5, at("/p/other.cpp", 1)));
  auto Findings = findRepeatedPools(mergeFacts({F}));
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.Line, 20u);
  ASSERT_EQ(Findings[0].Notes.size(), 1u);
  EXPECT_EQ(Findings[0].Notes[0].Loc.Line, 10u);
  EXPECT_EQ(Findings[0].Notes[0].Message,
            "first pool to 'expr:config->dbConnectionString' created here");
}

TEST(RepeatedPoolTest, OneFindingWithANoteAtEveryOtherSite) {
  Facts F;
  for (unsigned I = 1; I <= 40; ++I)
    F.PoolCreations.push_back(pool("env:DB", 5, at("/p/db.cpp", I)));
  auto Findings = findRepeatedPools(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.Line, 2u);
  ASSERT_EQ(Findings[0].Notes.size(), 39u);
  EXPECT_EQ(Findings[0].Notes[0].Message,
            "first pool to 'env:DB' created here");
  EXPECT_EQ(Findings[0].Notes[1].Message,
            "another pool to 'env:DB' created here");
  EXPECT_EQ(Findings[0].Key, "env:DB");
  EXPECT_EQ(Findings[0].Members.size(), 40u);
  // A site removed before the reported one: the finding moves, its key
  // stays.
  F.PoolCreations.erase(F.PoolCreations.begin());
  auto Fewer = findRepeatedPools(F);
  ASSERT_EQ(Fewer.size(), 1u);
  EXPECT_EQ(Fewer[0].Loc.Line, 3u);
  EXPECT_EQ(Fewer[0].Key, "env:DB");
}

TEST(RepeatedPoolTest, UnknownDatabasesAreNotCompared) {
  Facts F;
  F.PoolCreations.push_back(pool("", 10, at("/p/a.cpp", 1)));
  F.PoolCreations.push_back(pool("", 10, at("/p/b.cpp", 1)));
  EXPECT_TRUE(findRepeatedPools(F).empty());
}

TEST(RepeatedPoolTest, OneSiteSeenByManyTUsIsOnePool) {
  Facts A, B;
  A.PoolCreations.push_back(pool("env:DB", 10, at("/p/db.h", 1)));
  B.PoolCreations.push_back(pool("env:DB", 10, at("/p/db.h", 1)));
  EXPECT_TRUE(findRepeatedPools(mergeFacts({A, B})).empty());
}

TEST(ConnectionBudgetTest, TwoPoolsOfAHundredExceedTheDefaultLimit) {
  Facts F;
  F.PoolCreations.push_back(pool("env:DB", 100, at("/p/db.h", 10)));
  F.PoolCreations.push_back(pool("env:DB", 100, at("/p/db.h", 20)));
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  // One pool of 100 is already over 97: the finding sits at the first.
  EXPECT_EQ(Findings[0].Loc.Line, 10u);
  EXPECT_NE(Findings[0].Message.find("may open 200 connections, more than "
                                     "the 97 available"),
            std::string::npos);
  ASSERT_EQ(Findings[0].Notes.size(), 3u);
  EXPECT_EQ(Findings[0].Notes[0].Message,
            "pool of 100 connections created here (1 instance)");
  EXPECT_EQ(Findings[0].Notes[2].Message, "2 pools × 100 = 200 > 97 available");
}

TEST(ConnectionBudgetTest, StaysWithinBudget) {
  Facts F;
  F.PoolCreations.push_back(pool("env:DB", 40, at("/p/db.h", 10)));
  F.PoolCreations.push_back(pool("env:DB", 40, at("/p/db.h", 20)));
  EXPECT_TRUE(findBudgetOverruns(F, BudgetOptions()).empty());
}

TEST(ConnectionBudgetTest, ReplicasDivideTheLimit) {
  Facts F;
  F.PoolCreations.push_back(pool("env:DB", 40, at("/p/db.h", 10)));
  BudgetOptions Opts;
  Opts.Replicas = 3; // 97 / 3 = 32 per process
  auto Findings = findBudgetOverruns(F, Opts);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("more than the 32 available"),
            std::string::npos);
}

TEST(ConnectionBudgetTest, InstancesAndMultipliersMultiply) {
  Facts F = incident();
  F.PoolCreations.push_back(
      pool("env:DB", 20, at("/p/prisma.h", 8), "PrismaService"));
  PoolCreationFact Fast = pool("env:DB", 5, at("/p/main.cpp", 3));
  Fast.Multiplier = 5;
  Fast.MultiplierReason = "fast client: 4 threads + 1";
  F.PoolCreations.push_back(Fast);
  auto Budgets = computeBudgets(F, BudgetOptions());
  ASSERT_EQ(Budgets.size(), 1u);
  EXPECT_EQ(Budgets[0].KnownTotal, 20 * 3 + 5 * 5);
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  EXPECT_TRUE(Findings.empty()); // 85 <= 97
  // The pushing pool is the second in location order (main.cpp, prisma.h).
  BudgetOptions Small;
  Small.MaxConnections = 50;
  Findings = findBudgetOverruns(F, Small);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Notes.back().Message, "5 × 5 + 20 × 3 = 85 > 47 available");
}

TEST(ConnectionBudgetTest, UnknownAndUnboundedSizesAreNotInvented) {
  Facts F;
  F.PoolCreations.push_back(pool("env:DB", std::nullopt, at("/p/a.cpp", 1)));
  PoolCreationFact Unbounded = pool("env:DB", std::nullopt, at("/p/b.cpp", 1));
  Unbounded.Unbounded = true;
  F.PoolCreations.push_back(Unbounded);
  auto Budgets = computeBudgets(F, BudgetOptions());
  ASSERT_EQ(Budgets.size(), 1u);
  EXPECT_EQ(Budgets[0].KnownTotal, 0);
  EXPECT_TRUE(Budgets[0].HasUnknown);
  EXPECT_TRUE(findBudgetOverruns(F, BudgetOptions()).empty());
}

TEST(ConnectionBudgetTest, OnePoolOfAnUnknownDatabaseCanExceedAlone) {
  Facts F;
  F.PoolCreations.push_back(pool("", 150, at("/p/a.cpp", 1)));
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("an unknown database"),
            std::string::npos);
}

TEST(ConnectionBudgetTest, HugeSizesAndTotalsSaturateInsteadOfWrapping) {
  // Three pools of 2^62 on one database: the exact total overflows int64_t
  // (before, it wrapped to a negative number and gave no finding).
  Facts F;
  for (unsigned Line : {1u, 2u, 3u})
    F.PoolCreations.push_back(
        pool("env:DB", int64_t(1) << 62, at("/p/a.cpp", Line)));
  PoolCreationFact Times = pool("env:DB", int64_t(1) << 40, at("/p/b.cpp", 1));
  Times.Multiplier = 1u << 30; // size × multiplier overflows too.
  F.PoolCreations.push_back(Times);
  auto Budgets = computeBudgets(F, BudgetOptions());
  ASSERT_EQ(Budgets.size(), 1u);
  EXPECT_EQ(Budgets[0].KnownTotal, UnboundedConnections);
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("may open an unbounded number of "
                                     "connections, more than the 97 "
                                     "available"),
            std::string::npos);
  EXPECT_NE(Findings[0].Notes.back().Message.find("= unbounded > 97 available"),
            std::string::npos);
}

TEST(ConnectionBudgetTest, NegativeSizesAreUnknown) {
  // A size of -1 (a crafted facts file, or SIZE_MAX wrapped by old facts)
  // is no size: not counted, not a finding.
  Facts F;
  F.PoolCreations.push_back(pool("env:DB", -1, at("/p/a.cpp", 1)));
  auto Budgets = computeBudgets(F, BudgetOptions());
  ASSERT_EQ(Budgets.size(), 1u);
  EXPECT_EQ(Budgets[0].KnownTotal, 0);
  EXPECT_TRUE(Budgets[0].HasUnknown);
}

/// The incident in plain C++: Database (a pool owner) held by two services
/// main builds, and by App, which main builds too and which holds UsersSvc.
Facts heldDatabase() {
  Facts F;
  F.PoolOwners.push_back({"Database",
                          "member 'pool_' of type 'soci::connection_pool'",
                          at("/p/db.h", 5)});
  for (const char *Svc : {"UsersSvc", "OrdersSvc"})
    F.PoolOwners.push_back(
        {Svc, "member 'db_' of type 'Database'", at("/p/svc.h", 1)});
  F.Holdings.push_back({"UsersSvc", "Database", "db_", at("/p/users.h", 4)});
  F.Holdings.push_back({"OrdersSvc", "Database", "db_", at("/p/orders.h", 6)});
  F.Registrations.push_back(
      reg("UsersSvc", "fn:main", "per-registration", at("/p/main.cpp", 3)));
  F.Registrations.push_back(
      reg("OrdersSvc", "fn:main", "per-registration", at("/p/main.cpp", 4)));
  return mergeFacts({F});
}

TEST(InstanceIndexTest, HoldersMakeInstancesTransitively) {
  Facts F = heldDatabase();
  F.Holdings.push_back({"App", "UsersSvc", "users_", at("/p/app.h", 2)});
  F.Registrations.push_back(
      reg("App", "fn:main", "per-registration", at("/p/main.cpp", 5)));
  InstanceIndex Index(F);
  EXPECT_EQ(Index.known("UsersSvc"), 2u); // main's own, and App's
  EXPECT_EQ(Index.known("Database"), 3u);
  std::string Reason;
  EXPECT_EQ(Index.count("Database", &Reason), 3u);
  EXPECT_EQ(Reason, "'Database' is held by 'OrdersSvc', 'UsersSvc'");
  // A holder nothing builds makes no instance; a type nothing says about is
  // counted once.
  EXPECT_EQ(Index.known("Unbuilt"), 0u);
  EXPECT_EQ(Index.count("Unbuilt", nullptr), 1u);
}

TEST(InstanceIndexTest, CyclesOfHoldingsTerminate) {
  Facts F;
  F.Holdings.push_back({"A", "B", "b_", at("/p/a.h", 1)});
  F.Holdings.push_back({"B", "A", "a_", at("/p/b.h", 1)});
  InstanceIndex Index(F);
  EXPECT_EQ(Index.known("A"), 0u);
  EXPECT_EQ(Index.count("B", nullptr), 1u);
}

TEST(DuplicatePooledProviderTest, HeldInstancesAreOneFindingAtTheSecondSite) {
  auto Findings = findDuplicatePooledProviders(heldDatabase());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/users.h");
  EXPECT_EQ(Findings[0].Message,
            "'Database' owns a connection pool and 'UsersSvc' holds its own "
            "'Database' in member 'db_'; the program makes 2 instances of "
            "it, each with its own pool; create one and pass it to every "
            "holder (by reference or std::shared_ptr)");
  ASSERT_EQ(Findings[0].Notes.size(), 2u);
  EXPECT_EQ(Findings[0].Notes[0].Loc.File, "/p/orders.h");
}

TEST(DuplicatePooledProviderTest, OneHolderBuiltOnceIsNoFinding) {
  Facts F = heldDatabase();
  F.Registrations.pop_back(); // OrdersSvc is built by nobody.
  EXPECT_TRUE(findDuplicatePooledProviders(F).empty());
}

TEST(ConnectionBudgetTest, HeldInstancesMultiplyThePool) {
  Facts F = heldDatabase();
  F.PoolCreations.push_back(pool("env:DB", 60, at("/p/db.h", 8), "Database"));
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Notes.back().Message, "60 × 2 = 120 > 97 available");
}

TEST(ConnectionBudgetTest, DatabasesOfOneServerShareItsLimit) {
  Facts F;
  F.PoolCreations.push_back(pool("db:pg:5432/orders", 60, at("/p/a.cpp", 1)));
  F.PoolCreations.push_back(pool("db:pg:5432/billing", 60, at("/p/b.cpp", 1)));
  F.PoolCreations.push_back(
      pool("db:other:5432/orders", 60, at("/p/c.cpp", 1)));
  auto Budgets = computeBudgets(F, BudgetOptions());
  ASSERT_EQ(Budgets.size(), 2u);
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/b.cpp");
  EXPECT_EQ(Findings[0].Message,
            "pools of server 'pg:5432' (databases 'db:pg:5432/billing', "
            "'db:pg:5432/orders') may open 120 connections, more than the 97 "
            "available (100 max_connections - 3 reserved); share one pool or "
            "lower the pool sizes");
  EXPECT_EQ(serverOf("db:pg:5432/orders"), "db:pg:5432");
  EXPECT_EQ(serverOf("db:file:app.db"), "");
  EXPECT_EQ(serverOf("env:DATABASE_URL"), "");
}

TEST(ConnectionBudgetTest, PerThreadConnectionsWithoutALimitAreUnbounded) {
  Facts F;
  PoolCreationFact Qt = pool("db:pg:5432/reports", 1, at("/p/task.cpp", 9));
  Qt.PerThread = Qt.Unbounded = true;
  Qt.MultiplierSetting = "qt.threads";
  F.PoolCreations.push_back(Qt);
  auto Findings = findBudgetOverruns(F, BudgetOptions());
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_NE(Findings[0].Message.find("an unbounded number of"),
            std::string::npos);
  // A thread limit in the code bounds them.
  F.Settings.push_back(
      {"qt.threads", 8, "setMaxThreadCount(8)", false, at("/p/main.cpp", 2)});
  EXPECT_TRUE(findBudgetOverruns(F, BudgetOptions()).empty());
  EXPECT_EQ(computeBudgets(F, BudgetOptions())[0].KnownTotal, 8);
}

TEST(PoolPerCallTest, ReportsRepeatingCreationsOnce) {
  Facts F;
  PoolCreationFact Once = pool("env:DB", 4, at("/p/main.cpp", 3));
  PoolCreationFact Loop = pool("env:DB", 4, at("/p/jobs.cpp", 7));
  Loop.Callee = "soci::connection_pool";
  Loop.Repeats = "in a loop body";
  F.PoolCreations = {Once, Loop, Loop};
  auto Findings = findPoolsPerCall(F);
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/jobs.cpp");
  EXPECT_EQ(Findings[0].Message,
            "'soci::connection_pool' opens new database connections to "
            "'env:DB' in a loop body, on every run; create the pool once (a "
            "member or a component) and reuse it");
}

/// Two instances of a class whose database is given where it is made.
Facts twoDatabases(llvm::StringRef DbA, llvm::StringRef DbB) {
  Facts F;
  F.PoolOwners.push_back({"Database", "creates a pool in 'Database::Database'",
                          at("/p/db.h", 5)});
  RegistrationFact A = reg("Database", "fn:main", "per-registration",
                           at("/p/main.cpp", 4));
  A.Database = DbA.str();
  RegistrationFact B = reg("Database", "fn:main", "per-registration",
                           at("/p/main.cpp", 5));
  B.Database = DbB.str();
  F.Registrations = {A, B};
  F.PoolCreations.push_back(pool("", 8, at("/p/db.h", 5), "Database"));
  return mergeFacts({F});
}

TEST(DuplicatePooledProviderTest, ProvablyDifferentDatabasesAreNoDuplicate) {
  EXPECT_TRUE(findDuplicatePooledProviders(
                  twoDatabases("db:a:5432/orders", "db:b:5432/users"))
                  .empty());
  // The same database, or one that may be it, is a duplicate.
  EXPECT_EQ(findDuplicatePooledProviders(
                twoDatabases("db:a:5432/orders", "db:a:5432/orders"))
                .size(),
            1u);
  EXPECT_EQ(findDuplicatePooledProviders(
                twoDatabases("db:a:5432/orders", ""))
                .size(),
            1u);
}

TEST(DuplicatePooledProviderTest, DatabaseFixedByTheClassWins) {
  Facts F = twoDatabases("db:a:5432/orders", "db:b:5432/users");
  F.PoolCreations.front().Database = "env:DATABASE_URL";
  EXPECT_EQ(findDuplicatePooledProviders(F).size(), 1u);
}

TEST(DuplicatePooledProviderTest, NamedInstancesTakeTheirConfiguredDatabase) {
  Facts F;
  F.PoolOwners.push_back({"userver::components::Postgres",
                          "it is the pool type", at("/p/pg.hpp", 3)});
  for (auto [Name, Line] : {std::pair{"users-db", 4u}, {"analytics-db", 8u}}) {
    RegistrationFact R = reg("userver::components::Postgres", "fn:Append",
                             "per-name", at("/p/main.cpp", Line), Name);
    R.Framework = "userver";
    F.Registrations.push_back(R);
    PoolCreationFact C = pool(Line == 4 ? "db:pg:5432/users" : "db:pg:5432/stats",
                              15, at("/p/main.cpp", Line));
    C.Instance = std::string("userver:") + Name;
    F.PoolCreations.push_back(C);
  }
  EXPECT_TRUE(findDuplicatePooledProviders(mergeFacts({F})).empty());
  // On one database, each named instance is a pool of it: one finding, by
  // database, from poolguard-repeated-pool, none from this check.
  F.PoolCreations.back().Database = "db:pg:5432/users";
  EXPECT_TRUE(findDuplicatePooledProviders(mergeFacts({F})).empty());
  EXPECT_EQ(findRepeatedPools(mergeFacts({F})).size(), 1u);
  // Names the configuration does not join may share a database.
  F.PoolCreations.clear();
  auto Findings = findDuplicatePooledProviders(mergeFacts({F}));
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.Line, 8u);
}

/// A class built by the main of two programs, with its pool in a header.
Facts twoPrograms(bool SecondInMonitor) {
  Facts F;
  F.PoolOwners.push_back({"Database", "creates a pool", at("/p/db.h", 5)});
  for (llvm::StringRef Program : {"/p/producer.cpp", "/p/monitor.cpp"}) {
    RegistrationFact R =
        reg("Database", "fn:main", "per-registration", at(Program, 4));
    R.Program = Program.str();
    F.Registrations.push_back(R);
    PoolCreationFact C = pool("db:pg:5432/app", 40, at("/p/db.h", 5), "Database");
    C.Program = Program.str();
    F.PoolCreations.push_back(C);
  }
  if (SecondInMonitor) {
    RegistrationFact R = F.Registrations.back();
    R.Loc = at("/p/monitor.cpp", 5);
    F.Registrations.push_back(R);
  }
  return mergeFacts({F});
}

TEST(ProgramsTest, InstancesAreCountedPerProgram) {
  EXPECT_TRUE(findDuplicatePooledProviders(twoPrograms(false)).empty());
  EXPECT_TRUE(findRepeatedPools(twoPrograms(false)).empty());
  auto Findings = findDuplicatePooledProviders(twoPrograms(true));
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Loc.File, "/p/monitor.cpp");
}

TEST(ProgramsTest, AGroupInTwoProgramsIsTwoIdentities) {
  Facts F = twoPrograms(true);
  RegistrationFact R = F.Registrations.front();
  R.Program = "/p/producer.cpp";
  R.Loc = at("/p/producer.cpp", 5);
  F.Registrations.push_back(R);
  auto Findings = findDuplicatePooledProviders(mergeFacts({F}));
  ASSERT_EQ(Findings.size(), 2u);
  EXPECT_EQ(Findings[0].Key, "Database\nprogram:/p/monitor.cpp");
  EXPECT_EQ(Findings[1].Key, "Database\nprogram:/p/producer.cpp");
  // A group every program makes alike (a library's) is one finding under
  // the group's own key.
  Facts Lib = twoPrograms(false);
  for (RegistrationFact &L : Lib.Registrations) {
    L.Program.clear();
    L.Loc.File = "/p/lib.cpp";
  }
  Lib.Registrations.back().Loc.Line = 9;
  Findings = findDuplicatePooledProviders(mergeFacts({Lib}));
  ASSERT_EQ(Findings.size(), 1u);
  EXPECT_EQ(Findings[0].Key, "Database");
}

TEST(ProgramsTest, ProgramKeysAreRelativeToTheRoot) {
  EXPECT_EQ(programKey("db:pg:5432/app", ""), "db:pg:5432/app");
  EXPECT_EQ(keyRelativeToRoot("Database\nprogram:/src/app/monitor.cpp",
                              "/src/app"),
            "Database\nprogram:monitor.cpp");
  // CMake target names and keys without a program are kept.
  EXPECT_EQ(keyRelativeToRoot("Database\nprogram:monitor", "/src"),
            "Database\nprogram:monitor");
  EXPECT_EQ(keyRelativeToRoot("Database", "/src"), "Database");
}

TEST(ProgramsTest, TheBudgetAddsThePrograms) {
  auto Budgets = computeBudgets(twoPrograms(true), BudgetOptions());
  ASSERT_EQ(Budgets.size(), 1u);
  // monitor: 40 x 2 instances; producer: 40 x 1.
  EXPECT_EQ(Budgets[0].KnownTotal, 120);
  ASSERT_EQ(Budgets[0].Pools.size(), 2u);
  EXPECT_EQ(Budgets[0].Pools[0].Program, "/p/monitor.cpp");
  EXPECT_EQ(Budgets[0].Pools[0].Instances, 2u);
  EXPECT_EQ(Budgets[0].Pools[1].Program, "/p/producer.cpp");
}

TEST(ProgramsTest, LibraryFactsBelongToEveryProgram) {
  EXPECT_EQ(programsOf(Facts()), std::vector<std::string>{""});
  EXPECT_TRUE(inProgram("", "/p/producer.cpp"));
  EXPECT_TRUE(inProgram("monitor;producer", "producer"));
  EXPECT_FALSE(inProgram("monitor;producer", "tool"));
  EXPECT_TRUE(inProgram("monitor", ""));
}

} // namespace
} // namespace clang::tidy::poolguard
