// RUN: %check_tidy -std=c++20 %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++20 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Drogon: every DbClient::newPgClient call is a new pool, and so is every
// createDbClient/addDbClient, whatever its name.

#include <drogon/drogon.h>
#include <cstdlib>

std::string dsn();

#ifndef FIXED
class Database {
public:
  Database() : client_(drogon::orm::DbClient::newPgClient(dsn(), 8)) {}

private:
  drogon::orm::DbClientPtr client_;
};

class ReportsPlugin {
public:
  void initAndStart() {
    client_ = drogon::orm::DbClient::newPgClient(dsn(), 8);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: another connection pool to database 'dsn()' is created here; 2 pools reach it
    // CHECK-NOTES: :15:24: note: first pool to 'dsn()' created here
  }

private:
  drogon::orm::DbClientPtr client_;
};

void configure() {
  drogon::app().createDbClient("postgresql", "db.internal", 5432, "shop", "app", "secret", 16, "", "default", true);
  drogon::app().addDbClient(drogon::orm::PostgresConfig{
      // CHECK-NOTES: :[[@LINE-1]]:17: warning: another connection pool to database 'host=db.internal port=5432 databaseName=shop' is created here; 2 pools reach it
      // CHECK-NOTES: :34:17: note: first pool to 'host=db.internal port=5432 databaseName=shop' created here
      .host = "db.internal",
      .port = 5432,
      .databaseName = "shop",
      .connectionNumber = 4,
      .name = "reports"});
}

void handle() {
  auto client = drogon::orm::DbClient::newPgClient(std::getenv("DATABASE_URL"), 1);
}
void handleOther() {
  auto client = drogon::orm::DbClient::newPgClient(std::getenv("DATABASE_URL"), 1);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: another connection pool to database '$DATABASE_URL' is created here; 2 pools reach it
  // CHECK-NOTES: :46:17: note: first pool to '$DATABASE_URL' created here
}
#else
// The fix: one client per database, configured once; everyone else asks the
// app for it by name.
void configure() {
  drogon::app().createDbClient("postgresql", "db.internal", 5432, "shop", "app", "secret", 16, "", "default", true);
}
class ReportsPlugin {
public:
  void initAndStart() { client_ = drogon::app().getDbClient("default"); }

private:
  drogon::orm::DbClientPtr client_;
};
// Different databases are not repeated pools.
void side() {
  auto a = drogon::orm::DbClient::newPgClient("host=a dbname=x", 1);
  auto b = drogon::orm::DbClient::newPgClient("host=b dbname=x", 1);
}
// FIXED-NOT: warning:
#endif
