// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// ozo's capacity, Wt::Dbo's fixed size and cppdb's @pool_size add up against
// Postgres' 97 usable connections; sqlpp11's size is an initial cache with
// no maximum, so it is shown but not summed.

#include <Wt/Dbo/FixedSqlConnectionPool.h>
#include <Wt/Dbo/backend/Postgres.h>
#include <cppdb/frontend.h>
#include <memory>
#include <ozo/connection_pool.h>

#ifndef FIXED
class Ingest {
  ozo::connection_pool<ozo::connection_info> pool_{
      ozo::connection_info("host=db.internal dbname=events"),
      ozo::connection_pool_config{50, 128}};
};
class Dashboard {
public:
  Dashboard()
      : pool_(std::make_unique<Wt::Dbo::backend::Postgres>(
                  "host=db.internal dbname=events"),
              60) {}
  // CHECK-NOTES: :[[@LINE-3]]:9: warning: pools of database 'host=db.internal dbname=events' may open 110 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :16:46: note: pool of 50 connections created here (1 instance)
  // CHECK-NOTES: :[[@LINE-5]]:9: note: pool of 60 connections created here (1 instance)
  // CHECK-NOTES: :[[@LINE-6]]:9: note: 50 + 60 = 110 > 97 available

private:
  Wt::Dbo::FixedSqlConnectionPool pool_;
};

// cppdb: two strings, so two pools, on one database.
void search() {
  cppdb::session sql("postgresql:host=search.internal;dbname=search;@pool_size=60");
}
void index() {
  cppdb::session sql("postgresql:host=search.internal;dbname=search;@pool_size=50");
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: pools of database 'postgresql:host=search.internal;dbname=search' may open 110 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :37:18: note: pool of 60 connections created here (1 instance)
  // CHECK-NOTES: :[[@LINE-3]]:18: note: pool of 50 connections created here (1 instance)
  // CHECK-NOTES: :[[@LINE-4]]:18: note: 60 + 50 = 110 > 97 available
}
#else
class Ingest {
  ozo::connection_pool<ozo::connection_info> pool_{
      ozo::connection_info("host=db.internal dbname=events"),
      ozo::connection_pool_config{40, 128}};
};
class Dashboard {
public:
  Dashboard()
      : pool_(std::make_unique<Wt::Dbo::backend::Postgres>(
                  "host=db.internal dbname=events"),
              40) {}

private:
  Wt::Dbo::FixedSqlConnectionPool pool_;
};
// One connection string: one cached pool of 60.
void search() {
  cppdb::session sql("postgresql:host=search.internal;dbname=search;@pool_size=60");
}
void index() {
  cppdb::session sql("postgresql:host=search.internal;dbname=search;@pool_size=60");
}
// FIXED-NOT: warning:
#endif
