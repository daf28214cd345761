// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// The facts behind issue 14's misses: connections of libraries without a
// pool (one per call, times the constant trip counts of the loops around
// it), the pool owners a class holds its own instance of, sizes set in
// another function, Oat++ pools that are never used, and creations that run
// again and again.

#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <mysql/mysql.h>
#include <oatpp-postgresql/orm.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <sw/redis++/redis++.h>
#include <cstdlib>
#include <memory>
#include <vector>

constexpr int kPoolSize = 4;

class Pools {
public:
  Pools(int n) {
    for (int I = 0; I < kPoolSize; ++I)
      pg_.push_back(PQconnectdb("host=pg dbname=app"));
    for (int I = 1; I <= 3; ++I)
      for (int J = 0; J != 2; J += 1)
        pg_.push_back(PQsetdbLogin("pg", "5433", nullptr, nullptr, "app", "u", "p"));
    for (int I = 0; I < n; ++I)
      pg_.push_back(PQconnectdb("host=pg dbname=app"));
    mysql_real_connect(&my_, "mysql", "u", "p", "shop", 0, nullptr, 0);
    redis_ = redisConnect("cache", 6379);
  }

private:
  std::vector<PGconn *> pg_;
  MYSQL my_;
  redisContext *redis_;
  pqxx::connection main_{"postgresql://pg/app"};
};
// CHECK-DAG: owner Pools: member 'main_' of type 'pqxx::connection' @facts-connections.cpp:41:20
// CHECK-DAG: pool libpq PQconnectdb size=4 text=4 db=db:pg:5432/app dbtext=host=pg dbname=app owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:27:21
// CHECK-DAG: pool libpq PQsetdbLogin size=6 text=6 db=db:pg:5433/app dbtext=pghost=pg pgport=5433 dbName=app owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:30:23
// CHECK-DAG: pool libpq PQconnectdb size=? text=one connection per loop iteration db=db:pg:5432/app dbtext=host=pg dbname=app owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:32:21
// CHECK-DAG: pool mysql-c mysql_real_connect size=1 text=1 db=db:mysql:3306/shop dbtext=host=mysql db=shop owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:33:5
// CHECK-DAG: pool hiredis redisConnect size=1 text=1 db=db:cache:6379/ dbtext=ip=cache port=6379 owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:34:14
// CHECK-DAG: pool libpqxx pqxx::connection size=1 text=1 db=db:pg:5432/app dbtext=postgresql://pg/app owner=Pools module= fn=Pools::Pools multiplier=1 @facts-connections.cpp:41:25

// Holdings: by value, optional, unique_ptr, a shared_ptr made by the class;
// not a shared_ptr passed in, a reference or a raw pointer.
class Store {
  soci::connection_pool pool_{8};
};
class Holder {
public:
  explicit Holder(std::shared_ptr<Store> shared) : shared_(std::move(shared)), made_(std::make_shared<Store>()) {}

private:
  Store value_;
  std::optional<Store> optional_;
  std::unique_ptr<Store> unique_;
  std::shared_ptr<Store> shared_;
  std::shared_ptr<Store> made_;
  Store *raw_ = nullptr;
};
// CHECK-DAG: holding Holder holds Store in value_ @facts-connections.cpp:61:9
// CHECK-DAG: holding Holder holds Store in optional_ @facts-connections.cpp:62:24
// CHECK-DAG: holding Holder holds Store in unique_ @facts-connections.cpp:63:26
// CHECK-DAG: holding Holder holds Store in made_ @facts-connections.cpp:65:26
// NEG-NOT: holding Holder holds Store in shared_
// NEG-NOT: holding Holder holds Store in raw_

// A redis++ pool size set in another function is unknown, not the default.
void tune(sw::redis::ConnectionPoolOptions &opts);
sw::redis::ConnectionPoolOptions poolOptions();
void redisSizes() {
  sw::redis::ConnectionOptions conn;
  conn.host = "cache";
  sw::redis::ConnectionPoolOptions opts;
  tune(opts);
  sw::redis::Redis tuned(conn, opts);
  sw::redis::Redis returned(conn, poolOptions());
  sw::redis::ConnectionPoolOptions set;
  set.size = 3;
  sw::redis::Redis local(conn, set);
}
// CHECK-DAG: pool redis++ sw::redis::Redis size=? text=size set in another function db=db:cache:6379/ dbtext=host=cache port=6379 owner= module= fn=redisSizes multiplier=1 @facts-connections.cpp:83:20
// CHECK-DAG: pool redis++ sw::redis::Redis size=? text=size set in another function db=db:cache:6379/ dbtext=host=cache port=6379 owner= module= fn=redisSizes multiplier=1 @facts-connections.cpp:84:20
// CHECK-DAG: pool redis++ sw::redis::Redis size=3 text=3 db=db:cache:6379/ dbtext=host=cache port=6379 owner= module= fn=redisSizes multiplier=1 @facts-connections.cpp:87:20

// Oat++ pools open connections on demand: one never read opens none.
std::shared_ptr<oatpp::postgresql::Executor> oatppPools() {
  auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://pg/app");
  auto unused = oatpp::postgresql::ConnectionPool::createShared(provider, 10, std::chrono::seconds(5));
  auto used = oatpp::postgresql::ConnectionPool::createShared(provider, 90, std::chrono::seconds(5));
  return std::make_shared<oatpp::postgresql::Executor>(used);
}
// CHECK-DAG: pool oatpp-postgresql oatpp::postgresql::ConnectionPool::createShared size=90 text=90 db=db:pg:5432/app dbtext=postgresql://pg/app owner= module= fn=oatppPools multiplier=1 @facts-connections.cpp:97:15
// NEG-NOT: pool oatpp-postgresql oatpp::postgresql::ConnectionPool::createShared size=10

// Creations that repeat.
bool more();
void loops() {
  while (more())
    PGconn *Conn = PQconnectdb("host=pg dbname=app");
  for (int I = 0; I < 2; ++I) {
    soci::connection_pool pool(2);
  }
}
// CHECK-DAG: pool libpq PQconnectdb size=? text=one connection per loop iteration db=db:pg:5432/app dbtext=host=pg dbname=app owner= module= fn=loops multiplier=1 repeats=in a loop body @facts-connections.cpp:107:20
// CHECK-DAG: pool soci soci::connection_pool size=2 text=2 db= dbtext= owner= module= fn=loops multiplier=1 repeats=in a loop body @facts-connections.cpp:109:27

// A null host or port is libpq's default, as in a conninfo without them
// (the local server, port 5432): the three connections below reach one
// database (seen against a real server: test/pg/conformance-libpq.test).
void defaults() {
  PGconn *Null = PQsetdbLogin(nullptr, nullptr, nullptr, nullptr, "app", nullptr, nullptr);
  PGconn *Zero = PQsetdbLogin(NULL, NULL, NULL, NULL, "app", NULL, NULL);
  PGconn *Conninfo = PQconnectdb("dbname=app");
}
// CHECK-DAG: pool libpq PQsetdbLogin size=1 text=1 db=db:localhost:5432/app dbtext=dbName=app owner= module= fn=defaults multiplier=1 @facts-connections.cpp:119:18
// CHECK-DAG: pool libpq PQsetdbLogin size=1 text=1 db=db:localhost:5432/app dbtext=dbName=app owner= module= fn=defaults multiplier=1 @facts-connections.cpp:120:18
// CHECK-DAG: pool libpq PQconnectdb size=1 text=1 db=db:localhost:5432/app dbtext=dbname=app owner= module= fn=defaults multiplier=1 @facts-connections.cpp:121:22

// What must not be recorded:
// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s --check-prefix=NEG
