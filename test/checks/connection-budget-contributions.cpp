// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Each kind of contribution to a database's connection total: library
// defaults, instances from registrations, and sizes that are unknown or
// unbounded (never turned into a number).

#include <Hypodermic/Hypodermic.h>
#include <Poco/Data/SessionPool.h>
#include <tao/pq.hpp>

// Library default: Poco's SessionPool holds up to 32 sessions when no maximum
// is given. Four pools: 128 > 97; three (the fix) are 96.
void reports() {
  Poco::Data::SessionPool a("PostgreSQL", "host=db dbname=reports");
  Poco::Data::SessionPool b("PostgreSQL", "host=db dbname=reports");
  Poco::Data::SessionPool c("PostgreSQL", "host=db dbname=reports");
#ifndef FIXED
  Poco::Data::SessionPool d("PostgreSQL", "host=db dbname=reports");
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: pools of database '{{.*}}' may open 128 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :15:27: note: pool of 32 connections (the library's default) created here (1 instance)
  // CHECK-NOTES: :16:27: note: pool of 32 connections (the library's default) created here (1 instance)
  // CHECK-NOTES: :17:27: note: pool of 32 connections (the library's default) created here (1 instance)
  // CHECK-NOTES: :[[@LINE-5]]:27: note: pool of 32 connections (the library's default) created here (1 instance)
  // CHECK-NOTES: :[[@LINE-6]]:27: note: 4 pools × 32 = 128 > 97 available
#endif
}

// Instances: a pool-owning service registered by three modules makes three
// pools of 40.
class Ledger {
public:
  Ledger() : pool_("PostgreSQL", "host=ledger-db dbname=ledger", 1, 40) {}
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: pools of database '{{.*}}' may open 120 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :[[@LINE-2]]:14: note: pool of 40 connections created here (3 instances: 'Ledger' is provided by 3 modules)
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 40 × 3 = 120 > 97 available

private:
  Poco::Data::SessionPool pool_;
};

void DiBilling(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Ledger>().singleInstance();
}
#ifndef FIXED
void DiAudit(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Ledger>().singleInstance();
}
void DiExport(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<Ledger>().singleInstance();
}
#endif

// Unknown and unbounded sizes are listed, never summed: no finding however
// many there are.
void analytics(int runtimeSize) {
  auto p1 = tao::pq::connection_pool::create("postgresql://analytics-db/analytics");
  auto p2 = tao::pq::connection_pool::create("postgresql://analytics-db/analytics");
  Poco::Data::SessionPool p3("PostgreSQL", "postgresql://analytics-db/analytics", 1, runtimeSize);
  Poco::Data::SessionPool p4("PostgreSQL", "postgresql://analytics-db/analytics", 1, runtimeSize);
}
// FIXED-NOT: warning:
