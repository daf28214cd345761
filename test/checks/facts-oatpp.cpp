// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// Oat++: OATPP_CREATE_COMPONENT declares a registration whose module is the
// component class; the pool's database is the ConnectionProvider argument.

#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>
#include <oatpp-sqlite/orm.hpp>

struct ConfigDto {
  oatpp::String dbConnectionString;
};
class UserDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};
class CacheDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};

class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<UserDb>, userDb)("users", [] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    const v_int64 maxConnections = 10;
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, maxConnections, std::chrono::seconds(5));
    return std::make_shared<UserDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<CacheDb>, cacheDb)([] {
    auto provider = std::make_shared<oatpp::sqlite::ConnectionProvider>("/var/lib/app/cache.sqlite");
    auto pool = oatpp::sqlite::ConnectionPool::createShared(provider, 2, std::chrono::seconds(5));
    return std::make_shared<CacheDb>(std::make_shared<oatpp::sqlite::Executor>(pool));
  }());
};

// CHECK-DAG: module class:DatabaseComponent framework=oatpp @facts-oatpp.cpp:22:7
// CHECK-DAG: registration UserDb module=class:DatabaseComponent lifetime=per-type name=users framework=oatpp provider-creates-pool @facts-oatpp.cpp:24:3
// CHECK-DAG: registration CacheDb module=class:DatabaseComponent lifetime=per-type name= framework=oatpp provider-creates-pool @facts-oatpp.cpp:32:3
// CHECK-DAG: pool oatpp-postgresql oatpp::postgresql::ConnectionPool::createShared size=10 text=maxConnections db=expr:config->dbConnectionString dbtext=config->dbConnectionString owner=DatabaseComponent module=class:DatabaseComponent fn= multiplier=1 @facts-oatpp.cpp:28:17
// CHECK-DAG: pool oatpp-sqlite oatpp::sqlite::ConnectionPool::createShared size=2 text=2 db=lit:/var/lib/app/cache.sqlite dbtext=/var/lib/app/cache.sqlite owner=DatabaseComponent module=class:DatabaseComponent fn= multiplier=1 @facts-oatpp.cpp:34:17
// CHECK-DAG: owner DatabaseComponent: creates a pool in the initializer of member 'userDb' @facts-oatpp.cpp:28:17
