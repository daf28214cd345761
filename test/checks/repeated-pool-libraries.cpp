// RUN: %check_tidy %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Pool libraries without a framework: each object below owns its own pool.

#include <Poco/Data/SessionPool.h>
#include <mysqlx/xdevapi.h>
#include <sw/redis++/redis++.h>
#include <tao/pq.hpp>
#include <cstdlib>

#ifndef FIXED
// redis++: "create a new Redis object for each iteration ... VERY BAD".
class SessionCache {
  sw::redis::Redis redis_{"tcp://cache.internal:6379?pool_size=4"};
};
class RateLimiter {
  sw::redis::Redis redis_{"tcp://cache.internal:6379?pool_size=4"};
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: another connection pool to database 'tcp://cache.internal:6379?pool_size=4' is created here; 2 pools reach it
  // CHECK-NOTES: :15:20: note: first pool to 'tcp://cache.internal:6379?pool_size=4' created here
};

// Poco: a SessionPool per repository, 32 sessions each by default.
class UserRepository {
public:
  UserRepository() : pool_("PostgreSQL", "host=db.internal dbname=users") {}

private:
  Poco::Data::SessionPool pool_;
};
class AuditRepository {
public:
  AuditRepository() : pool_("PostgreSQL", "host=db.internal dbname=users", 1, 8) {}
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: another connection pool to database 'connector=PostgreSQL connectionString=host=db.internal dbname=users' is created here; 2 pools reach it
  // CHECK-NOTES: :26:22: note: first pool to 'connector=PostgreSQL connectionString=host=db.internal dbname=users' created here

private:
  Poco::Data::SessionPool pool_;
};

// taoPQ: unbounded pools on the same conninfo from the environment.
void jobs() {
  auto pool = tao::pq::connection_pool::create(std::getenv("TAOPQ_DATABASE"));
}
void reports() {
  auto pool = tao::pq::connection_pool::create(std::getenv("TAOPQ_DATABASE"));
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: another connection pool to database '$TAOPQ_DATABASE' is created here; 2 pools reach it
  // CHECK-NOTES: :43:15: note: first pool to '$TAOPQ_DATABASE' created here
}

// MySQL X DevAPI: one Client per owning object.
class MainDataBase {
  mysqlx::Client cli{"mysqlx://app@db.internal/main", mysqlx::ClientOption::POOL_MAX_SIZE, 7};
};
class StatsDataBase {
  mysqlx::Client cli{"mysqlx://app@db.internal/main"};
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: another connection pool to database 'mysqlx://app@db.internal/main' is created here; 2 pools reach it
  // CHECK-NOTES: :53:18: note: first pool to 'mysqlx://app@db.internal/main' created here
};
#else
// The fix: one pool per database, shared by reference.
sw::redis::Redis &cache() {
  static sw::redis::Redis redis("tcp://cache.internal:6379?pool_size=8");
  return redis;
}
class SessionCache {
public:
  explicit SessionCache(sw::redis::Redis &redis) : redis_(redis) {}

private:
  sw::redis::Redis &redis_;
};
Poco::Data::SessionPool &users() {
  static Poco::Data::SessionPool pool("PostgreSQL", "host=db.internal dbname=users", 1, 16);
  return pool;
}
// Different databases are different pools.
void jobs() {
  auto a = tao::pq::connection_pool::create("dbname=jobs");
  auto b = tao::pq::connection_pool::create("dbname=reports");
}
// FIXED-NOT: warning:
#endif
