// RUN: %poolguard --dump-facts %s -- -std=c++20 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// Drogon pools: size and database from arguments, config fields or the
// environment; fast clients carry the multiplier reason.

#include <drogon/drogon.h>
#include <cstdlib>

std::string dsn(const char *name);
constexpr int kConnections = 8;

void configure(int threads) {
  auto main = drogon::orm::DbClient::newPgClient(dsn("main"), kConnections);
  auto env = drogon::orm::DbClient::newMysqlClient(std::getenv("MYSQL_URL"), threads);
  drogon::app().createDbClient("postgresql", "db.internal", 5432, "shop", "app", "secret", 16, "", "default", true);
  drogon::app().addDbClient(drogon::orm::PostgresConfig{
      .host = "db.internal", .port = 5432, .databaseName = "shop",
      .connectionNumber = 4, .name = "reports", .isFast = false});
}

// CHECK-DAG: pool drogon drogon::orm::DbClient::newPgClient size=8 text=kConnections db=call:dsn(lit:main) dbtext=dsn("main") owner= module= fn=configure multiplier=1 @facts-drogon.cpp:13:15
// CHECK-DAG: pool drogon drogon::orm::DbClient::newMysqlClient size=? text=threads db=env:MYSQL_URL dbtext=$MYSQL_URL owner= module= fn=configure multiplier=1 @facts-drogon.cpp:14:14
// CHECK-DAG: pool drogon drogon::HttpAppFramework::createDbClient size=16 text=16 db=db:db.internal:5432/shop dbtext=host=db.internal port=5432 databaseName=shop owner= module= fn=configure multiplier=1 (a fast DbClient opens its connections once per IO loop plus the main loop: (threads + 1) x connectionNum) @facts-drogon.cpp:15:17
// CHECK-DAG: pool drogon drogon::HttpAppFramework::addDbClient size=4 text=4 db=db:db.internal:5432/shop dbtext=host=db.internal port=5432 databaseName=shop owner= module= fn=configure multiplier=1 @facts-drogon.cpp:16:17
