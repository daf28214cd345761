// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Two Oat++ components of different types, each with a pool of 100 on one
// DSN: 200 connections against Postgres' default max_connections of 100
// (97 once superuser_reserved_connections = 3 are taken out).

#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>

struct ConfigDto {
  oatpp::String dbConnectionString;
};

class PatientDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};

class EthnicDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};

#ifndef FIXED
class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<PatientDb>, patientDb)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: pools of database 'config->dbConnectionString' may open 200 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: pool of 100 connections created here (1 instance)
    // CHECK-NOTES: :[[@LINE+8]]:17: note: pool of 100 connections created here (1 instance)
    // CHECK-NOTES: :[[@LINE-4]]:17: note: 2 pools × 100 = 200 > 97 available
    return std::make_shared<PatientDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<EthnicDb>, ethnicDb)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    return std::make_shared<EthnicDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());
};
#else
// The fix: one pool, sized within the budget, shared through one executor.
class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<oatpp::orm::Executor>, executor)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 90, std::chrono::seconds(5));
    return std::make_shared<oatpp::postgresql::Executor>(pool);
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<PatientDb>, patientDb)([] {
    OATPP_COMPONENT(std::shared_ptr<oatpp::orm::Executor>, executor);
    return std::make_shared<PatientDb>(executor);
  }());
};
// FIXED-NOT: warning:
#endif
