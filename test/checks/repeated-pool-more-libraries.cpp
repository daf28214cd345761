// RUN: %check_tidy %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// sqlpp11, ozo, cppdb and Wt::Dbo: each construction is its own pool, except
// that cppdb caches pools per exact connection string.

#include <Wt/Dbo/FixedSqlConnectionPool.h>
#include <Wt/Dbo/backend/Postgres.h>
#include <cppdb/frontend.h>
#include <memory>
#include <ozo/connection_pool.h>
#include <sqlpp11/postgresql/connection_pool.h>

std::shared_ptr<sqlpp::postgresql::connection_config> shopConfig();

#ifndef FIXED
// sqlpp11: a pool per repository on the same configuration.
class OrdersRepository {
  sqlpp::postgresql::connection_pool pool_{shopConfig(), 5};
};
class StockRepository {
  sqlpp::postgresql::connection_pool pool_{shopConfig(), 5};
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: another connection pool to database 'shopConfig()' is created here; 2 pools reach it
  // CHECK-NOTES: :19:38: note: first pool to 'shopConfig()' created here
};

// cppdb: the same string twice is one cached pool; a string that differs
// only in its pool options is a second pool to the same database.
void listOrders() {
  cppdb::session sql("postgresql:host=db.internal;dbname=shop;@pool_size=10");
}
void listStock() {
  cppdb::session sql("postgresql:host=db.internal;dbname=shop;@pool_size=10");
}
void listUsers() {
  cppdb::session sql("postgresql:host=db.internal;dbname=shop;@pool_size=16");
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: another connection pool to database 'postgresql:host=db.internal;dbname=shop' is created here; 2 pools reach it
  // CHECK-NOTES: :30:18: note: first pool to 'postgresql:host=db.internal;dbname=shop' created here
}

// ozo and Wt::Dbo side by side on one conninfo.
class Analytics {
  ozo::connection_pool<ozo::connection_info> pool_{
      ozo::connection_info("host=db.internal dbname=analytics"),
      ozo::connection_pool_config{20, 64}};
};
class Reports {
public:
  Reports()
      : pool_(std::make_unique<Wt::Dbo::backend::Postgres>(
                  "host=db.internal dbname=analytics"),
              10) {}
  // CHECK-NOTES: :[[@LINE-3]]:9: warning: another connection pool to database 'host=db.internal dbname=analytics' is created here; 2 pools reach it
  // CHECK-NOTES: :43:46: note: first pool to 'host=db.internal dbname=analytics' created here

private:
  Wt::Dbo::FixedSqlConnectionPool pool_;
};
#else
// The fix: one pool per database, shared.
sqlpp::postgresql::connection_pool &shopPool() {
  static sqlpp::postgresql::connection_pool pool{shopConfig(), 5};
  return pool;
}
// One connection string everywhere: one cached cppdb pool.
const char *const ShopDb = "postgresql:host=db.internal;dbname=shop;@pool_size=16";
void listOrders() { cppdb::session sql(ShopDb); }
void listUsers() { cppdb::session sql(ShopDb); }
class Reports {
public:
  Reports()
      : pool_(std::make_unique<Wt::Dbo::backend::Postgres>(
                  "host=db.internal dbname=analytics"),
              10) {}

private:
  Wt::Dbo::FixedSqlConnectionPool pool_;
};
// FIXED-NOT: warning:
#endif
