// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// kangaru keeps one instance per service definition: two definitions over
// the same pool-owning class (the docs' SingleService1/2) are two instances.

#include <kgr/kangaru.hpp>
#include <soci/soci.h>

class Config {};
class Database {
public:
  explicit Database(Config &) : pool_(12) {}

private:
  soci::connection_pool pool_;
};

struct ConfigService : kgr::single_service<Config> {};
struct DatabaseService
    : kgr::single_service<Database, kgr::dependency<ConfigService>> {};

#ifndef FIXED
// A second definition for the reporting module: a second Database.
struct ReportingDatabaseService
    : kgr::single_service<Database, kgr::dependency<ConfigService>> {};
// CHECK-NOTES: :[[@LINE-2]]:8: warning: 'Database' owns a connection pool and is provided again by 'ReportingDatabaseService'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
// CHECK-NOTES: :20:8: note: 'Database' is also provided by 'DatabaseService' here
// CHECK-NOTES: :16:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
#else
// The fix: the reporting module asks the container for DatabaseService.
struct ReportingService
    : kgr::single_service<Config, kgr::dependency<DatabaseService>> {};
// FIXED-NOT: warning:
#endif
