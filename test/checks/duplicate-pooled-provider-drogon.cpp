// RUN: %check_tidy -std=c++20 %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++20 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// A Drogon DbClient is a pool; a class whose constructor calls newPgClient
// owns one per instance. Provided by two registration functions, it makes
// two pools.

#include <Hypodermic/Hypodermic.h>
#include <drogon/drogon.h>

std::string connectionString();

class Database {
public:
  Database();
  drogon::orm::DbClientPtr client() const;

private:
  drogon::orm::DbClientPtr client_;
};

Database::Database()
    : client_(drogon::orm::DbClient::newPgClient(connectionString(), 4)) {}

// Holds the app's shared client: owns no pool.
class Reports {
public:
  Reports() : client_(drogon::app().getDbClient("default")) {}

private:
  drogon::orm::DbClientPtr client_;
};

void registerCore(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Database>().singleInstance();
  builder.registerType<Reports>();
}

void registerJobs(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Reports>();
#ifndef FIXED
  builder.registerType<Database>().singleInstance();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'Database' owns a connection pool and is provided again by 'registerJobs'
  // CHECK-NOTES: :35:11: note: 'Database' is also provided by 'registerCore' here
  // CHECK-NOTES: :23:15: note: 'Database' owns a pool: creates a pool in 'Database::Database'
#endif
}
// FIXED-NOT: warning:
