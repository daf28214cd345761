// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// kangaru: a container keeps one instance of each single service. Two
// containers, each a variable of its own function, that both ask for the
// pool-owning DatabaseService hold two Databases, two pools. A container
// passed by reference is the caller's: no second instance.

#include <kgr/kangaru.hpp>
#include <soci/soci.h>

class Database {
public:
  Database() : pool_(12) {}

private:
  soci::connection_pool pool_;
};

struct DatabaseService : kgr::single_service<Database> {};

// Uses the container it is given.
void serveReports(kgr::container &container) {
  container.service<DatabaseService>();
}

#ifndef FIXED
void runMigrations() {
  kgr::container migrations;
  migrations.service<DatabaseService>();
}
#endif

int main() {
  kgr::container container;
  container.service<DatabaseService>();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Database' owns a connection pool and is provided again by 'main'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :30:14: note: 'Database' is also provided by 'runMigrations' here
  // CHECK-NOTES: :20:8: note: each injector makes its own 'Database', bound in 'DatabaseService' here
  // CHECK-NOTES: :17:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
  serveReports(container);
#ifdef FIXED
  // The fix: migrations use the one container.
  void runMigrations(kgr::container &);
  runMigrations(container);
#endif
}
// FIXED-NOT: warning:
