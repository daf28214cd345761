// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// A hand-written composition root: a Database singleton with its own pool,
// and a main that also builds a Database of its own. Constructions in roots
// (main, getInstance, ...) are instances; elsewhere they are not counted.

#include <soci/soci.h>
#include <memory>

class Database {
public:
  Database() : pool_(32) {}
  static Database &getInstance() {
    static Database instance;
    return instance;
  }

private:
  soci::connection_pool pool_;
};

class UserHandler {
public:
  explicit UserHandler(Database &db);
};

// Not a root: no instance counted here.
std::unique_ptr<Database> makeForTest() { return std::make_unique<Database>(); }

int main() {
#ifndef FIXED
  auto db = std::make_shared<Database>();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Database' owns a connection pool and is provided again by 'main'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :15:21: note: 'Database' is also provided by 'Database::getInstance' here
  // CHECK-NOTES: :20:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
  UserHandler users(*db);
#else
  // The fix: main uses the singleton.
  UserHandler users(Database::getInstance());
  // FIXED-NOT: warning:
#endif
}
