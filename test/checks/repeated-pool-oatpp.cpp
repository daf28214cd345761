// RUN: %check_tidy %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Two Oat++ components of different types, each building its own pool on the
// same config->dbConnectionString (the shape of ColdeZhang/HIMS: 2 x 100
// connections against a server that accepts 100).

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
    auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
    return std::make_shared<PatientDb>(executor);
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<EthnicDb>, ethnicDb)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: another connection pool to database 'config->dbConnectionString' is created here; 2 pools reach it
    // CHECK-NOTES: :31:17: note: first pool to 'config->dbConnectionString' created here
    auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
    return std::make_shared<EthnicDb>(executor);
  }());
};
#else
// The fix: one executor over one pool is its own component, injected into
// every DbClient.
class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<oatpp::orm::Executor>, executor)([] {
    OATPP_COMPONENT(oatpp::Object<ConfigDto>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(config->dbConnectionString);
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 100, std::chrono::seconds(5));
    return std::make_shared<oatpp::postgresql::Executor>(pool);
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<PatientDb>, patientDb)([] {
    OATPP_COMPONENT(std::shared_ptr<oatpp::orm::Executor>, executor);
    return std::make_shared<PatientDb>(executor);
  }());

  OATPP_CREATE_COMPONENT(std::shared_ptr<EthnicDb>, ethnicDb)([] {
    OATPP_COMPONENT(std::shared_ptr<oatpp::orm::Executor>, executor);
    return std::make_shared<EthnicDb>(executor);
  }());
};
// FIXED-NOT: warning:
#endif
