// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// ozo's capacity and Wt::Dbo's fixed size add up against Postgres' 97 usable
// connections; cppdb's @pool_size (like sqlpp11's size) only bounds the idle
// connections kept, with no maximum, so it is shown but not summed.

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
  // CHECK-NOTES: :40:18: note: a pool that keeps up to 60 idle connections and has no maximum created here; not counted
  // CHECK-NOTES: :[[@LINE-7]]:9: note: 50 + 60 = 110 > 97 available

private:
  Wt::Dbo::FixedSqlConnectionPool pool_;
};

// cppdb: @pool_size is the number of idle connections the pool keeps, not a
// maximum (a session that finds the pool empty opens another connection;
// test/pg/conformance-cppdb.test measures it): listed, never summed.
void search() {
  cppdb::session sql("postgresql:host=db.internal;dbname=events;@pool_size=60");
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
void search() {
  cppdb::session sql("postgresql:host=db.internal;dbname=events;@pool_size=60");
}
// FIXED-NOT: warning:
#endif
