// RUN: %check_tidy %s poolguard-repeated-pool,poolguard-connection-budget %t -- -config="{CheckOptions: {poolguard-connection-budget.MaxConnections: 19}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool,poolguard-connection-budget' --config="{CheckOptions: {poolguard-connection-budget.MaxConnections: 19}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Connections without a pool library (libpq, libpqxx, the MySQL C API,
// hiredis): each call opens one connection, and a class that keeps the
// connections it opens in a loop is a pool of that many.

#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>
#include <pqxx/pqxx>
#include <cstdlib>
#include <memory>
#include <vector>

#ifndef FIXED
// A hand-written pool: a queue of PGconn * filled in a loop of 16.
class PgConnectionPool {
public:
  PgConnectionPool() {
    for (int I = 0; I < 16; ++I)
      free_.push_back(PQconnectdb("host=pg.internal dbname=orders"));
  }

private:
  std::vector<PGconn *> free_;
};

// Another hand-written pool to the same database, with pqxx connections,
// sized at run time: its size is unknown.
class OrdersRepository {
public:
  explicit OrdersRepository(int n) {
    for (int I = 0; I < n; ++I)
      conns_.push_back(std::make_unique<pqxx::connection>(
          "postgresql://pg.internal:5432/orders"));
    // CHECK-NOTES: :[[@LINE-2]]:24: warning: another connection pool to database 'postgresql://pg.internal:5432/orders' is created here; 3 pools reach it; share one pool (or executor) as its own component and inject it [poolguard-repeated-pool]
    // CHECK-NOTES: :22:23: note: first pool to 'host=pg.internal dbname=orders' created here
    // CHECK-NOTES: :48:20: note: another pool to 'host=pg.internal port=5432 dbname=orders' created here
  }

private:
  std::vector<std::unique_ptr<pqxx::connection>> conns_;
};

// One pqxx connection held by a class, plus five more in a fixed loop.
class ReportJob {
  pqxx::connection main_{"host=pg.internal port=5432 dbname=orders"};
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: pools of database 'host=pg.internal dbname=orders' may open 17 connections, more than the 16 available (19 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :22:23: note: pool of 16 connections created here (1 instance)
  // CHECK-NOTES: :35:24: note: a pool of unknown size ('one connection per loop iteration') created here; not counted
  // CHECK-NOTES: :[[@LINE-4]]:20: note: pool of 1 connection created here (1 instance)
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 16 + 1 = 17 > 16 available
};

// MySQL and Redis connections: one each, below any limit.
class Session {
public:
  Session() {
    mysql_real_connect(&mysql_, "mysql.internal", "app", std::getenv("MYSQL_PASSWORD"), "shop", 0, nullptr, 0);
    cache_ = redisConnect("cache.internal", 6379);
  }

private:
  MYSQL mysql_;
  redisContext *cache_ = nullptr;
};
#else
// The fix: one pool of 16 libpq connections, shared (passed by reference).
class PgConnectionPool {
public:
  PgConnectionPool() {
    for (int I = 0; I < 16; ++I)
      free_.push_back(PQconnectdb("host=pg.internal dbname=orders"));
  }

private:
  std::vector<PGconn *> free_;
};
class OrdersRepository {
public:
  explicit OrdersRepository(PgConnectionPool &pool) : pool_(pool) {}

private:
  PgConnectionPool &pool_;
};
// FIXED-NOT: warning:
#endif
